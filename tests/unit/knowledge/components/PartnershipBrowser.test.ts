import { describe, expect, it } from 'vitest';
import { mount, VueWrapper } from '@vue/test-utils';
import { nextTick, shallowRef } from 'vue';
import PartnershipBrowser from '../../../../src/knowledge/components/PartnershipBrowser.vue';
import { ServicesKey } from '../../../../src/knowledge/services';
import { StoreKey, PartnershipStore } from '../../../../src/knowledge/composables/usePartnershipStore';
import { defaultViewState, ViewState } from '../../../../src/knowledge/domain/viewState';
import { normalisePartnership } from '../../../../src/knowledge/domain/partnership';
import { RecordEntry } from '../../../../src/knowledge/data/partnershipRepository';
import { fakeServices } from '../../../support/fakes';

function entry( id: string, fields: object ): RecordEntry {
	return {
		pageid: id.length * 1000 + id.charCodeAt( 0 ),
		id,
		title: `Project:Partnerships/Records/${ id }`,
		revid: 1,
		timestamp: '2026-01-01T00:00:00Z',
		valid: true,
		record: normalisePartnership( { schema: 'partnership/1', partners: [ { label: 'Org' } ], status: 'active', type: 'glam', ...fields } ),
	} as RecordEntry;
}

const hostile = '<img src=x onerror="window.pwned=1">';
const entries: RecordEntry[] = [
	entry( 'louvre', { name: 'Musée du Louvre images', countries: [ 'FR' ] } ),
	entry( 'who', { name: 'WHO infographics', type: 'health' } ),
	entry( 'evil', { name: hostile } ),
	...Array.from( { length: 25 }, ( _, i ) => entry( `bulk-${ i }`, { name: `Bulk ${ String( i ).padStart( 2, '0' ) }`, type: 'education' } ) ),
	{ pageid: 9, id: 'broken', title: 'Project:Partnerships/Records/broken', revid: 2, timestamp: '2026-01-01T00:00:00Z', valid: false, reason: 'not-json', detail: 'Unexpected token' } as RecordEntry,
];

function mountBrowser( view: Partial<ViewState> = {} ): VueWrapper {
	const store = { entries: shallowRef( entries ) } as unknown as PartnershipStore;
	return mount( PartnershipBrowser, {
		props: { view: { ...defaultViewState(), ...view } },
		global: { provide: { [ ServicesKey as symbol ]: fakeServices(), [ StoreKey as symbol ]: store } },
	} );
}

const names = ( w: VueWrapper ): string[] => w.findAll( 'tbody a' ).map( ( a ) => a.text() );

describe( 'PartnershipBrowser', () => {
	it( 'pages the results and counts them', () => {
		const wrapper = mountBrowser();
		expect( wrapper.find( '.partnerships-browser__count' ).text() ).toBe( '(partnerships-results-count: 28)' );
		expect( wrapper.findAll( 'tbody tr' ) ).toHaveLength( 20 );
		expect( wrapper.text() ).toContain( '(partnerships-pages-position: 1, 2)' );
	} );

	it( 'searches without caring about case or diacritics', () => {
		const wrapper = mountBrowser( { text: 'MUSEE louvre' } );
		expect( names( wrapper ) ).toEqual( [ 'Musée du Louvre images' ] );
	} );

	it( 'tells the parent about typing, filters and pages, going back to page 1', async () => {
		const wrapper = mountBrowser( { page: 2 } );
		await wrapper.find( '.partnerships-search input' ).setValue( 'who' );
		await wrapper.find( 'input[type="checkbox"]' ).setValue( true );
		const events = wrapper.emitted( 'update:view' ) ?? [];
		expect( events[ 0 ] ).toEqual( [ { text: 'who', page: 1 }, true ] );
		expect( events[ 1 ][ 0 ] ).toMatchObject( { page: 1, filters: { type: [ expect.any( String ) ] } } );
	} );

	it( 'shows filter values with their counts', () => {
		const wrapper = mountBrowser( { filters: { type: [ 'health' ] } } );
		const labels = wrapper.findAll( '.partnerships-facets label' ).map( ( l ) => l.text() );
		expect( labels ).toContain( '(partnerships-filter-option: (partnerships-type-education), 25)' );
		expect( labels ).toContain( '(partnerships-filter-option: (partnerships-type-health), 1)' );
		expect( names( wrapper ) ).toEqual( [ 'WHO infographics' ] );
	} );

	it( 'keeps hostile names as text and lists broken pages with their reason', async () => {
		const wrapper = mountBrowser( { text: 'img' } );
		await nextTick();
		expect( wrapper.find( 'tbody img' ).exists() ).toBe( false );
		expect( names( wrapper ) ).toEqual( [ hostile ] );
		expect( wrapper.find( '.partnerships-list__invalid' ).text() ).toContain( '(partnerships-invalid-not-json)' );
	} );
} );
