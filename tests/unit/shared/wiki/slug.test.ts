import { describe, expect, it } from 'vitest';
import { FALLBACK_ID, MAX_ID_LENGTH, recordId } from '../../../../src/shared/wiki/slug';

describe( 'recordId', () => {
	it.each( [
		[ 'Wikimedia Deutschland & Bundesarchiv', 'wikimedia-deutschland-bundesarchiv' ],
		[ 'Musée d’Orsay — Œuvres', 'musee-d-orsay-oeuvres' ],
		[ 'Straße der Bücher', 'strasse-der-bucher' ],
		[ 'Łódź Øresund Þingvellir', 'lodz-oresund-thingvellir' ],
		[ '  --Already--hyphenated--  ', 'already-hyphenated' ],
		[ 'ＷＨＯ　２０２６', 'who-2026' ],
		[ 'İstanbul', 'istanbul' ],
		[ 'UPPER lower 123', 'upper-lower-123' ],
	] )( 'folds %j to %j', ( name, id ) => {
		expect( recordId( name ) ).toBe( id );
	} );

	it.each( [ '', '   ', '北京大学', '!!!' ] )( 'falls back when %j has nothing to keep', ( name ) => {
		expect( recordId( name ) ).toBe( FALLBACK_ID );
	} );

	it( 'keeps only the ASCII letters and digits of hostile text', () => {
		expect( recordId( '<img src=x onerror=alert(1)>' ) ).toBe( 'img-src-x-onerror-alert-1' );
		expect( recordId( '../../Main Page' ) ).toBe( 'main-page' );
	} );

	it( 'cuts long names to the limit without a trailing hyphen', () => {
		const id = recordId( 'a'.repeat( 59 ) + ' bcd' );
		expect( id ).toBe( 'a'.repeat( 59 ) );
		const long = recordId( 'word '.repeat( 40 ) );
		expect( long.length ).toBeLessThanOrEqual( MAX_ID_LENGTH );
		expect( long.split( '-' ).every( ( part ) => /^[a-z0-9]+$/.test( part ) ) ).toBe( true );
	} );

	it( 'adds -2, -3, … to be unique, case-insensitively', () => {
		expect( recordId( 'WHO', [ 'who' ] ) ).toBe( 'who-2' );
		expect( recordId( 'WHO', [ 'Who', 'who-2', 'who-3' ] ) ).toBe( 'who-4' );
		expect( recordId( 'WHO', new Set( [ 'other' ] ) ) ).toBe( 'who' );
		expect( recordId( '', [ FALLBACK_ID ] ) ).toBe( `${ FALLBACK_ID }-2` );
	} );

	it( 'stays within the limit with a suffix', () => {
		const name = 'x'.repeat( 80 );
		const first = recordId( name );
		expect( first ).toHaveLength( MAX_ID_LENGTH );
		const second = recordId( name, [ first ] );
		expect( second ).toBe( 'x'.repeat( MAX_ID_LENGTH - 2 ) + '-2' );
		const ids = [ first, second ];
		for ( let n = 3; n <= 12; n++ ) {
			ids.push( recordId( name, ids ) );
		}
		expect( ids.at( -1 ) ).toBe( 'x'.repeat( MAX_ID_LENGTH - 3 ) + '-12' );
		expect( ids.every( ( id ) => id.length <= MAX_ID_LENGTH ) ).toBe( true );
	} );

	it( 'does not cut a suffix to leave a hyphen before it', () => {
		const name = 'a'.repeat( 57 ) + ' bb';
		const first = recordId( name );
		expect( first ).toBe( 'a'.repeat( 57 ) + '-bb' );
		expect( recordId( name, [ first ] ) ).toBe( 'a'.repeat( 57 ) + '-2' );
	} );
} );
