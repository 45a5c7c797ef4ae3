import { describe, expect, it } from 'vitest';
import { mount, VueWrapper } from '@vue/test-utils';
import { shallowRef } from 'vue';
import PartnershipView from '../../../../src/knowledge/components/PartnershipView.vue';
import { ServicesKey } from '../../../../src/knowledge/services';
import { StoreKey, PartnershipStore } from '../../../../src/knowledge/composables/usePartnershipStore';
import { normalisePartnership } from '../../../../src/knowledge/domain/partnership';
import { RecordEntry } from '../../../../src/knowledge/data/partnershipRepository';
import { fakeServices } from '../../../support/fakes';

function mountView( donation: object, overrides: object = {} ): VueWrapper {
	const entry = {
		pageid: 1,
		id: 'museum',
		title: 'Project:Partnerships/Records/museum',
		revid: 1,
		timestamp: '2026-01-01T00:00:00Z',
		valid: true,
		record: normalisePartnership( {
			schema: 'partnership/1', name: 'Museum images', partners: [ { label: 'Museum' } ], status: 'active', type: 'glam', donation, ...overrides,
		} ),
	} as RecordEntry;
	const store = {
		entries: shallowRef( [ entry ] ),
		find: ( id: string ) => id === entry.id ? entry : undefined,
	} as unknown as PartnershipStore;
	const services = fakeServices( { pageUrl: ( title, query ) => `/wiki/${ title }${ query ? '?' + new URLSearchParams( query ) : '' }` } );
	return mount( PartnershipView, {
		props: { id: 'museum', backLink: '' },
		global: { provide: { [ ServicesKey as symbol ]: services, [ StoreKey as symbol ]: store } },
	} );
}

function mountInvalid( entry: object ): VueWrapper {
	const store = {
		entries: shallowRef( [ entry ] ),
		find: ( id: string ) => id === 'broken' ? entry : undefined,
	} as unknown as PartnershipStore;
	const services = fakeServices( { pageUrl: ( title, query ) => `/wiki/${ title }${ query ? '?' + new URLSearchParams( query ) : '' }` } );
	return mount( PartnershipView, {
		props: { id: 'broken', backLink: '' },
		global: { provide: { [ ServicesKey as symbol ]: services, [ StoreKey as symbol ]: store } },
	} );
}

describe( 'PartnershipView', () => {
	it( 'says why a record page could not be read, and links to fixing it', () => {
		const wrapper = mountInvalid( {
			pageid: 2, id: 'broken', title: 'Project:Partnerships/Records/broken', revid: 2, timestamp: '2026-01-01T00:00:00Z',
			valid: false, reason: 'not-json', detail: 'Unterminated string in JSON at position 44', errors: [],
		} );
		expect( wrapper.text() ).toContain( '(partnerships-record-invalid)' );
		expect( wrapper.find( '.partnerships-record__invalid-reason' ).text() )
			.toBe( '(partnerships-invalid-detail: (partnerships-invalid-not-json), Unterminated string in JSON at position 44)' );
		expect( wrapper.find( 'a[href*="action=edit"]' ).attributes( 'href' ) ).toBe( '/wiki/Project:Partnerships/Records/broken?action=edit' );
	} );

	it( 'shows the donor\'s logo from the wiki\'s file path, as decoration, with its size fixed', () => {
		const logo = mountView( { categories: [ 'Images from the museum' ], logo: 'Museum logo.svg' } ).find( '.partnerships-record__logo' );
		const img = logo.find( 'img' );
		expect( img.attributes() ).toMatchObject( {
			src: '/wiki/Special:FilePath/Museum logo.svg?width=96', alt: '', width: '48', height: '48', loading: 'lazy',
		} );
		expect( logo.find( 'a' ).attributes( 'href' ) ).toBe( '/wiki/File:Museum logo.svg' );
	} );

	it( 'bidi-isolates record text put into messages and lists, so an open override cannot reorder them', () => {
		const rlo = '\u202E';
		const wrapper = mountView( { categories: [ 'C' ], licence: `${ rlo }CC0` }, {
			partners: [ { label: `${ rlo }Museum`, wikidata: 'Q42' } ],
			stewards: [ { organisation: `${ rlo }Steward`, role: 'lead' }, { organisation: `\u2069${ rlo }Escape`, role: 'advisor' } ],
			themes: [ `${ rlo }art`, 'maps' ],
			obligations: [ { party: `${ rlo }Party`, role: `${ rlo }host`, obligations: [ 'Host' ] } ],
			goals: [ { description: 'Files', target: 10, achieved: 3, unit: `${ rlo }files` } ],
		} );
		const isolated = ( inner: string ): string => `\u2068${ inner }\u2069`;
		const text = wrapper.text();
		expect( text ).toContain( `(partnerships-record-steward: ${ isolated( `${ rlo }Steward` ) }, (partnerships-steward-role-lead))` );
		// An isolate end inside the name cannot end the isolate early.
		expect( text ).toContain( `(partnerships-record-steward: ${ isolated( `${ rlo }Escape` ) }, (partnerships-steward-role-advisor))` );
		expect( text ).toContain( `(partnerships-record-party-role: ${ isolated( `${ rlo }Party` ) }, ${ isolated( `${ rlo }host` ) })` );
		expect( text ).toContain( `(partnerships-record-goal-progress: 3, 10, ${ isolated( `${ rlo }files` ) })` );
		expect( text ).toContain( `(partnerships-record-donation: ${ isolated( `${ rlo }CC0` ) }, ?)` );
		expect( text ).toContain( `${ isolated( `${ rlo }art` ) }, ${ isolated( 'maps' ) }` );
		// The partner's name is isolated from its Wikidata link.
		expect( wrapper.find( 'bdi' ).text() ).toBe( `${ rlo }Museum` );
	} );

	it( 'shows no image when the record names no logo', () => {
		const wrapper = mountView( { categories: [ 'Images from the museum' ] } );
		expect( wrapper.text() ).toContain( 'Images from the museum' );
		expect( wrapper.find( 'img' ).exists() ).toBe( false );
	} );
} );
