import { describe, expect, it, vi } from 'vitest';
import { computed } from 'vue';
import { flushPromises } from '@vue/test-utils';
import { LanguageNameLookup, useDisplayNames } from '../../../../src/shared/i18n/useDisplayNames';

describe( 'useDisplayNames', () => {
	it( 'names what Intl knows without asking the wiki', async () => {
		const lookup = vi.fn<LanguageNameLookup>( () => Promise.resolve( {} ) );
		const names = useDisplayNames( [ 'en' ], lookup );
		expect( names.language( 'fr' ) ).toBe( 'French' );
		expect( names.region( '002' ) ).toBe( 'Africa' );
		await flushPromises();
		expect( lookup ).not.toHaveBeenCalled();
	} );

	it( 'asks the wiki once, in one batch, for languages Intl cannot name, and shows them when they come', async () => {
		// "dag" (Dagbani) and "bfi" (British Sign Language): not in Intl's data.
		const lookup = vi.fn<LanguageNameLookup>( ( codes ) => Promise.resolve(
			Object.fromEntries( codes.filter( ( c ) => c !== 'bfi' ).map( ( c ) => [ c, c === 'dag' ? 'Dagbani' : `<b>${ c }</b>` ] ) ),
		) );
		const names = useDisplayNames( [ 'en' ], lookup );
		const shown = computed( () => [ 'dag', 'bfi', 'dag' ].map( names.language ).join( ', ' ) );
		expect( shown.value ).toBe( 'dag, bfi, dag' );
		await flushPromises();
		expect( lookup ).toHaveBeenCalledTimes( 1 );
		expect( lookup ).toHaveBeenCalledWith( [ 'dag', 'bfi' ] );
		// Reactive: the name replaces the code; an unknown code stays a code.
		expect( shown.value ).toBe( 'Dagbani, bfi, Dagbani' );
		// Another view with the same lookup asks nothing more.
		expect( useDisplayNames( [ 'en' ], lookup ).language( 'dag' ) ).toBe( 'Dagbani' );
		await flushPromises();
		expect( lookup ).toHaveBeenCalledTimes( 1 );
	} );

	it( 'ignores what cannot be a name, and asks nothing for what cannot be a code', async () => {
		const lookup = vi.fn<LanguageNameLookup>( () => Promise.resolve( { dag: 'x'.repeat( 101 ), ami: '  ' } ) );
		const names = useDisplayNames( [ 'en' ], lookup );
		names.language( 'dag' );
		names.language( 'ami' );
		names.language( '<script>' );
		names.language( 'dag|en' );
		await flushPromises();
		expect( lookup ).toHaveBeenCalledWith( [ 'dag', 'ami' ] );
		expect( names.language( 'dag' ) ).toBe( 'dag' );
		expect( names.language( 'ami' ) ).toBe( 'ami' );
	} );

	it( 'keeps the code when the wiki cannot be asked', async () => {
		const lookup = vi.fn<LanguageNameLookup>( () => Promise.reject( new Error( 'offline' ) ) );
		const names = useDisplayNames( [ 'en' ], lookup );
		expect( names.language( 'dag' ) ).toBe( 'dag' );
		await flushPromises();
		expect( names.language( 'dag' ) ).toBe( 'dag' );
	} );

	it( 'asks in batches of 50', async () => {
		const lookup = vi.fn<LanguageNameLookup>( () => Promise.resolve( {} ) );
		const names = useDisplayNames( [ 'en' ], lookup );
		// Codes no Intl data names: "qaa"–"qtz" are reserved for local use.
		for ( let i = 0; i < 120; i++ ) {
			names.language( `q${ String.fromCharCode( 97 + Math.floor( i / 26 ) ) }${ String.fromCharCode( 97 + i % 26 ) }` );
		}
		await flushPromises();
		expect( lookup.mock.calls.map( ( [ codes ] ) => codes.length ) ).toEqual( [ 50, 50, 20 ] );
	} );
} );
