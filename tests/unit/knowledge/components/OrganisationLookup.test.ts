import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { flushPromises, mount, VueWrapper } from '@vue/test-utils';
import { CdxLookup } from '@wikimedia/codex';
import OrganisationLookup from '../../../../src/knowledge/components/OrganisationLookup.vue';
import { AppServices, ServicesKey } from '../../../../src/knowledge/services';
import type { WikidataHit, WikidataSearch } from '../../../../src/knowledge/data/wikidataSearch';
import type { OrganisationValue } from '../../../../src/knowledge/domain/formModel';
import { fakeServices } from '../../../support/fakes';

const hostile = '<img src=x onerror="window.pwned=1">';

/** A Wikidata search whose answers the test gives, one pending promise per query. */
class ControlledSearch implements WikidataSearch {
	public readonly queries: { text: string; language: string; answer: ( hits: WikidataHit[] ) => void; fail: ( e: Error ) => void }[] = [];

	public search( text: string, language: string ): Promise<WikidataHit[]> {
		return new Promise( ( resolve, reject ) => {
			this.queries.push( { text, language, answer: resolve, fail: reject } );
		} );
	}
}

function mountLookup( modelValue: OrganisationValue = { label: '' }, services: Partial<AppServices> = {} ): VueWrapper {
	const wrapper: VueWrapper = mount( OrganisationLookup, {
		props: {
			modelValue,
			'onUpdate:modelValue': ( value: OrganisationValue ) => wrapper.setProps( { modelValue: value } ),
		},
		attachTo: document.body,
		global: { provide: { [ ServicesKey as symbol ]: fakeServices( { languages: [ 'fr', 'en' ], ...services } ) } },
	} );
	return wrapper;
}

async function type( wrapper: VueWrapper, text: string ): Promise<void> {
	const input = wrapper.find( 'input' );
	await input.trigger( 'focus' );
	await input.setValue( text );
}

function lastValue( wrapper: VueWrapper ): OrganisationValue | undefined {
	const events = wrapper.emitted( 'update:modelValue' ) as OrganisationValue[][] | undefined;
	return events ? events[ events.length - 1 ][ 0 ] : undefined;
}

describe( 'OrganisationLookup', () => {
	beforeEach( () => {
		vi.useFakeTimers();
	} );
	afterEach( () => {
		vi.useRealTimers();
		document.body.innerHTML = '';
	} );

	it( 'searches Wikidata 250 ms after typing stops, in the reader’s language', async () => {
		const wikidata = new ControlledSearch();
		const wrapper = mountLookup( { label: '' }, { wikidata } );
		await type( wrapper, 'Lou' );
		await type( wrapper, 'Louvre' );
		vi.advanceTimersByTime( 249 );
		expect( wikidata.queries ).toHaveLength( 0 );
		vi.advanceTimersByTime( 1 );
		expect( wikidata.queries.map( ( q ) => [ q.text, q.language ] ) ).toEqual( [ [ 'Louvre', 'fr' ] ] );

		wikidata.queries[ 0 ].answer( [
			{ id: 'Q19675', label: 'Musée du Louvre', description: 'art museum in Paris' },
			{ id: 'Q3390', label: 'Louvre Palace', description: 'palace in Paris' },
		] );
		await flushPromises();
		const items = wrapper.findAll( '.cdx-menu-item:not(.cdx-menu__no-results)' );
		expect( items ).toHaveLength( 2 );
		expect( items[ 0 ].text() ).toContain( 'Musée du Louvre' );
		expect( items[ 0 ].text() ).toContain( 'art museum in Paris' );
		expect( items[ 0 ].text() ).toContain( 'Q19675' );
		// Typing alone keeps a name without an id.
		expect( lastValue( wrapper ) ).toEqual( { label: 'Louvre' } );
	} );

	it( 'sets the name and the id when an item is chosen, and links to it', async () => {
		const wikidata = new ControlledSearch();
		const wrapper = mountLookup( { label: '' }, { wikidata } );
		await type( wrapper, 'Louvre' );
		vi.advanceTimersByTime( 250 );
		wikidata.queries[ 0 ].answer( [ { id: 'Q19675', label: 'Musée du Louvre', description: 'art museum' } ] );
		await flushPromises();

		await wrapper.find( '.cdx-menu-item:not(.cdx-menu__no-results)' ).trigger( 'click' );
		await flushPromises();
		expect( lastValue( wrapper ) ).toEqual( { label: 'Musée du Louvre', wikidata: 'Q19675' } );
		expect( ( wrapper.find( 'input' ).element as HTMLInputElement ).value ).toBe( 'Musée du Louvre' );
		const link = wrapper.find( 'a.partnerships-organisation-lookup__wikidata' );
		expect( link.attributes( 'href' ) ).toBe( 'https://www.wikidata.org/wiki/Q19675' );
		expect( link.text() ).toBe( '(partnerships-organisation-wikidata-link: Q19675)' );

		// Changing the text afterwards makes it a free-text name again.
		await type( wrapper, 'Musée du Louvre, Lens' );
		expect( lastValue( wrapper ) ).toEqual( { label: 'Musée du Louvre, Lens' } );
		expect( wrapper.find( 'a' ).exists() ).toBe( false );
	} );

	it( 'ignores an answer that arrives after the answer to a newer query', async () => {
		const wikidata = new ControlledSearch();
		const wrapper = mountLookup( { label: '' }, { wikidata } );
		await type( wrapper, 'Wiki' );
		vi.advanceTimersByTime( 250 );
		await type( wrapper, 'Wikimedia' );
		vi.advanceTimersByTime( 250 );
		expect( wikidata.queries.map( ( q ) => q.text ) ).toEqual( [ 'Wiki', 'Wikimedia' ] );

		wikidata.queries[ 1 ].answer( [ { id: 'Q180', label: 'Wikimedia Foundation', description: 'new' } ] );
		await flushPromises();
		wikidata.queries[ 0 ].answer( [ { id: 'Q52', label: 'Wikipedia', description: 'stale' } ] );
		await flushPromises();

		const items = wrapper.findAll( '.cdx-menu-item:not(.cdx-menu__no-results)' );
		expect( items.map( ( i ) => i.text() ).join( ' ' ) ).toContain( 'Wikimedia Foundation' );
		expect( wrapper.text() ).not.toContain( 'stale' );
		expect( wrapper.findComponent( CdxLookup ).props( 'menuItems' ) ).toEqual( [
			expect.objectContaining( { value: 'Q180' } ),
		] );
	} );

	it( 'keeps working as free text when the search fails', async () => {
		const wikidata = new ControlledSearch();
		const wrapper = mountLookup( { label: '' }, { wikidata } );
		await type( wrapper, 'Bundesarchiv' );
		vi.advanceTimersByTime( 250 );
		wikidata.queries[ 0 ].fail( new Error( 'HTTP 503' ) );
		await flushPromises();
		expect( wrapper.findComponent( CdxLookup ).props( 'menuItems' ) ).toEqual( [] );
		expect( wrapper.find( '.cdx-menu__no-results' ).text() ).toBe( '(partnerships-organisation-no-results)' );
		expect( lastValue( wrapper ) ).toEqual( { label: 'Bundesarchiv' } );
		await type( wrapper, 'Bundesarchiv Koblenz' );
		expect( lastValue( wrapper ) ).toEqual( { label: 'Bundesarchiv Koblenz' } );
	} );

	it( 'shows Wikidata text as text and drops ids that are not item ids', async () => {
		const wikidata = new ControlledSearch();
		const wrapper = mountLookup( { label: '' }, { wikidata } );
		await type( wrapper, 'x' );
		vi.advanceTimersByTime( 250 );
		wikidata.queries[ 0 ].answer( [
			{ id: 'Q1', label: hostile, description: hostile },
			{ id: 'https://evil.example/', label: 'bad id', description: '' },
			{ id: 'Q0', label: 'bad id', description: '' },
		] );
		await flushPromises();
		expect( wrapper.findAll( '.cdx-menu-item:not(.cdx-menu__no-results)' ) ).toHaveLength( 1 );
		expect( wrapper.find( '.cdx-menu-item:not(.cdx-menu__no-results)' ).text() ).toContain( hostile );
		expect( document.querySelector( 'img' ) ).toBeNull();
		expect( ( window as unknown as { pwned?: number } ).pwned ).toBeUndefined();
	} );

	it( 'shows a stored organisation with its link, and no link for a malformed id', async () => {
		const wrapper = mountLookup( { label: 'Musée du Louvre', wikidata: 'Q19675' } );
		expect( ( wrapper.find( 'input' ).element as HTMLInputElement ).value ).toBe( 'Musée du Louvre' );
		expect( wrapper.find( 'a' ).attributes( 'href' ) ).toBe( 'https://www.wikidata.org/wiki/Q19675' );

		await wrapper.setProps( { modelValue: { label: 'Evil', wikidata: '//evil.example/Q1' } } );
		expect( wrapper.find( 'a' ).exists() ).toBe( false );
	} );
} );
