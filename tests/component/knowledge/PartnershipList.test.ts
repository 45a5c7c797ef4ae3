import { describe, expect, it } from 'vitest';
import { flushPromises, mount, VueWrapper } from '@vue/test-utils';
import PartnershipList from '../../../src/components/knowledge/PartnershipList.vue';
import { ServicesKey, AppServices } from '../../../src/services';
import { ScriptedApi, fakeServices, pagesAnswer } from '../../fakes';

const hostile = '<img src=x onerror="window.pwned=1">';

function record( name: string, extra: object = {} ): string {
	return JSON.stringify( { schema: 'partnership/1', name, type: 'health', status: 'paused', partners: [ { label: 'WHO' }, { label: hostile } ], ...extra } );
}

function mountList( services: Partial<AppServices> = {} ): VueWrapper {
	return mount( PartnershipList, {
		global: { provide: { [ ServicesKey as symbol ]: fakeServices( services ) } },
	} );
}

describe( 'PartnershipList', () => {
	it( 'shows progress, then a table of valid records and a list of invalid ones', async () => {
		let release: () => void = () => undefined;
		const api = new ScriptedApi( () => new Promise( ( resolve ) => {
			release = () => resolve( pagesAnswer( [
				[ 'Project:Partnerships/Records/who', record( 'WHO health' ) ],
				[ 'Project:Partnerships/Records/evil', record( hostile ) ],
				[ 'Project:Partnerships/Records/broken', '{"schema":"partnership/1"' ],
			] ) );
		} ) );
		const wrapper = mountList( { api } );
		await flushPromises();
		expect( wrapper.find( '.cdx-progress-bar' ).exists() ).toBe( true );
		expect( wrapper.attributes( 'aria-busy' ) ).toBe( 'true' );
		expect( wrapper.text() ).toContain( '(partnerships-list-loading: 0)' );

		release();
		await flushPromises();
		expect( wrapper.find( '.cdx-progress-bar' ).exists() ).toBe( false );
		expect( wrapper.find( 'caption' ).text() ).toBe( '(partnerships-list-caption: 2)' );
		const rows = wrapper.findAll( 'tbody tr' );
		expect( rows ).toHaveLength( 2 );
		expect( rows[ 0 ].text() ).toContain( '(partnerships-type-health)' );
		expect( rows[ 0 ].text() ).toContain( '(partnerships-status-paused)' );
		const links = wrapper.findAll( 'tbody a' ).map( ( a ) => [ a.text(), a.attributes( 'href' ) ] );
		expect( links ).toContainEqual( [ 'WHO health', '/wiki/Project%3APartnerships%2FRecords%2Fwho' ] );

		// Hostile text stays text: no element made from it.
		expect( wrapper.find( 'img' ).exists() ).toBe( false );
		expect( wrapper.text() ).toContain( hostile );

		const invalid = wrapper.find( '.partnerships-list__invalid' );
		expect( invalid.text() ).toContain( '(partnerships-list-invalid: 1)' );
		expect( invalid.text() ).toContain( '(partnerships-invalid-not-json)' );
		expect( invalid.find( 'a' ).attributes( 'href' ) ).toContain( 'action=edit' );
	} );

	it( 'says so when there are no records', async () => {
		const wrapper = mountList( { api: new ScriptedApi( () => ( { batchcomplete: true } ) ) } );
		await flushPromises();
		expect( wrapper.text() ).toContain( '(partnerships-list-empty)' );
		expect( wrapper.find( '.partnerships-list__invalid' ).exists() ).toBe( false );
	} );

	it( 'shows the error as text when loading fails', async () => {
		const wrapper = mountList( { api: new ScriptedApi( () => Promise.reject( new Error( '<b>down</b>' ) ) ) } );
		await flushPromises();
		expect( wrapper.find( '.cdx-message--error' ).text() ).toBe( '(partnerships-list-error: <b>down</b>)' );
		expect( wrapper.find( 'b' ).exists() ).toBe( false );
	} );
} );
