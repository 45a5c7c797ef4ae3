import { describe, expect, it } from 'vitest';
import { gzipSync } from 'node:zlib';
import {
	DonationIndex,
	DonationSource,
	buildDonationIndex,
	donationClashes,
	findDonation,
	normaliseCategory,
} from '../../../../src/recognition/domain/donations';
import { Partnership } from '../../../../src/knowledge/domain/partnership';
import { makeRecord } from '../../../support/records';

const gz = ( text: string ): number => gzipSync( text, { level: 9 } ).length;

function donor( id: string, categories: string[] | null, overrides: Partial<Partnership> = {} ): DonationSource {
	return {
		id,
		record: makeRecord( {
			name: `Partnership ${ id }`,
			partners: [ { label: `Institution ${ id }` }, { label: 'Second partner' } ],
			...( categories ? { donation: { categories } } : {} ),
			...overrides,
		} ),
	};
}

const page = ( categories: string[], marker: string | null = null ): { categories: string[]; marker: string | null } => ( { categories, marker } );

describe( 'normaliseCategory', () => {
	it.each( [
		[ 'images from the Rijksmuseum', 'Images from the Rijksmuseum' ],
		[ 'Images_from__the_Rijksmuseum', 'Images from the Rijksmuseum' ],
		[ '  Images   from\tthe Rijksmuseum  ', 'Images from the Rijksmuseum' ],
		[ 'Images\u00A0from\u3000the\u200E Rijksmuseum', 'Images from the Rijksmuseum' ],
		[ 'élan', 'Élan' ],
		[ 'ßtraße', 'ßtraße' ],
		[ '𐐨 astral', '𐐀 astral' ],
		[ '1900s photographs', '1900s photographs' ],
		// Decomposed e + combining acute becomes one letter (NFC), as MediaWiki stores titles.
		[ 'e\u0301cole', 'École' ],
	] )( '%j → %j', ( name, expected ) => {
		expect( normaliseCategory( name ) ).toBe( expected );
	} );

	it( 'keeps the first letter on wikis without capital links', () => {
		expect( normaliseCategory( 'images_from x', false ) ).toBe( 'images from x' );
	} );
} );

describe( 'buildDonationIndex', () => {
	it( 'indexes records with a donation: id, name, first partner; categories by name', () => {
		const index = buildDonationIndex( [
			donor( 'b', [ 'Images from B', 'maps_from B' ] ),
			donor( 'a', [ 'Images from A' ] ),
			donor( 'no-donation', null ),
			donor( 'markers-only', [] ),
		] );
		expect( index ).toEqual( {
			v: 1,
			r: [
				[ 'a', 'Partnership a', 'Institution a' ],
				[ 'b', 'Partnership b', 'Institution b' ],
				[ 'markers-only', 'Partnership markers-only', 'Institution markers-only' ],
			],
			c: { 'Images from A': 0, 'Images from B': 1, 'Maps from B': 1 },
		} );
	} );

	it( 'gives the same text whatever the order of the records', () => {
		const items = [ donor( 'c', [ 'Z', 'Y' ] ), donor( 'a', [ 'X' ] ), donor( 'B', [ 'W' ] ) ];
		const text = JSON.stringify( buildDonationIndex( items ) );
		expect( JSON.stringify( buildDonationIndex( items.slice().reverse() ) ) ).toBe( text );
		expect( JSON.stringify( buildDonationIndex( [ items[ 1 ], items[ 2 ], items[ 0 ] ] ) ) ).toBe( text );
		// Code-unit order: upper case before lower case, independent of any locale.
		expect( buildDonationIndex( items ).r.map( ( row ) => row[ 0 ] ) ).toEqual( [ 'B', 'a', 'c' ] );
		expect( Object.keys( buildDonationIndex( items ).c ) ).toEqual( [ 'W', 'X', 'Y', 'Z' ] );
	} );

	it( 'keeps a category for the first record by id and reports the clash', () => {
		const items = [
			donor( 'zeta', [ 'Shared', 'Zeta only', 'also shared' ] ),
			donor( 'alpha', [ 'shared', 'Also_shared' ] ),
			donor( 'mid', [ 'Shared' ] ),
		];
		const index = buildDonationIndex( items );
		expect( index.c ).toEqual( { 'Also shared': 0, Shared: 0, 'Zeta only': 2 } );
		expect( donationClashes( items ) ).toEqual( [
			{ category: 'Also shared', kept: 'alpha', dropped: 'zeta' },
			{ category: 'Shared', kept: 'alpha', dropped: 'mid' },
			{ category: 'Shared', kept: 'alpha', dropped: 'zeta' },
		] );
	} );

	it( 'does not count the same category written twice in one record as a clash', () => {
		const items = [ donor( 'a', [ 'Foo bar', 'foo_bar', 'Foo  bar' ] ) ];
		expect( buildDonationIndex( items ).c ).toEqual( { 'Foo bar': 0 } );
		expect( donationClashes( items ) ).toEqual( [] );
	} );

	it( 'keeps the first of two records with the same id', () => {
		const index = buildDonationIndex( [ donor( 'a', [ 'One' ] ), donor( 'a', [ 'Two' ], { name: 'Other' } ) ] );
		expect( index.r ).toEqual( [ [ 'a', 'Partnership a', 'Institution a' ] ] );
		expect( index.c ).toEqual( { One: 0 } );
	} );

	it( 'carries the record\'s logo, without "File:", and only where there is one', () => {
		const index = buildDonationIndex( [
			donor( 'a', null, { donation: { categories: [ 'A' ], logo: 'Logo_of A.svg' } } ),
			donor( 'b', null, { donation: { categories: [ 'B' ], logo: '  ' } } ),
			donor( 'c', [ 'C' ] ),
			// Written by an older tool, not validated: the prefix goes.
			donor( 'd', null, { donation: { categories: [ 'D' ], logo: 'File:D.png' } } ),
		] );
		expect( index.r ).toEqual( [
			[ 'a', 'Partnership a', 'Institution a', 'Logo of A.svg' ],
			[ 'b', 'Partnership b', 'Institution b' ],
			[ 'c', 'Partnership c', 'Institution c' ],
			[ 'd', 'Partnership d', 'Institution d', 'D.png' ],
		] );
		expect( findDonation( JSON.parse( JSON.stringify( index ) ), page( [ 'A' ] ) )?.logo ).toBe( 'Logo of A.svg' );
		expect( findDonation( JSON.parse( JSON.stringify( index ) ), page( [ 'C' ] ) )?.logo ).toBeUndefined();
	} );

	it( 'follows the wiki\'s first-letter rule', () => {
		expect( buildDonationIndex( [ donor( 'a', [ 'lower case' ] ) ], { capitalLinks: false } ).c ).toEqual( { 'lower case': 0 } );
	} );

	it( 'survives a JSON round trip: every category finds its record', () => {
		const items = [ donor( 'a', [ 'One', 'Two' ] ), donor( 'b', [ 'Three' ] ) ];
		const index: unknown = JSON.parse( JSON.stringify( buildDonationIndex( items ) ) );
		expect( findDonation( index, page( [ 'Two' ] ) ) ).toEqual( {
			id: 'a',
			partnership: 'Partnership a',
			institution: 'Institution a',
			categories: [ 'One', 'Two' ],
		} );
		expect( findDonation( index, page( [ 'Three' ] ) )?.id ).toBe( 'b' );
	} );
} );

describe( 'findDonation', () => {
	const index: DonationIndex = {
		v: 1,
		r: [
			[ 'a', 'Partnership A', 'Museum A', 'Logo A.svg' ],
			[ 'b c', 'Partnership B', 'Library B' ],
		],
		c: { 'Cat A': 0, 'Cat A2': 0, 'Cat B': 1 },
	};

	it( 'finds the first of the page\'s categories that the index knows, in page order', () => {
		expect( findDonation( index, page( [ 'Other', 'Cat B', 'Cat A' ] ) ) ).toEqual( {
			id: 'b c',
			partnership: 'Partnership B',
			institution: 'Library B',
			categories: [ 'Cat B' ],
		} );
		expect( findDonation( index, page( [ 'Cat A2', 'Cat B' ] ) ) ).toEqual( {
			id: 'a',
			partnership: 'Partnership A',
			institution: 'Museum A',
			logo: 'Logo A.svg',
			categories: [ 'Cat A', 'Cat A2' ],
		} );
	} );

	it( 'lets the marker win over the categories', () => {
		expect( findDonation( index, page( [ 'Cat A' ], 'b c' ) )?.id ).toBe( 'b c' );
		expect( findDonation( index, page( [], ' b_c ' ) )?.id ).toBe( 'b c' );
	} );

	it( 'falls back to the categories when the marker names no record of the index', () => {
		expect( findDonation( index, page( [ 'Cat A' ], 'unknown' ) )?.id ).toBe( 'a' );
		expect( findDonation( index, page( [ 'Cat A' ], '' ) )?.id ).toBe( 'a' );
		expect( findDonation( index, page( [], 'unknown' ) ) ).toBeNull();
	} );

	it( 'finds nothing on a page that is neither marked nor in a donation category', () => {
		expect( findDonation( index, page( [ 'Other', 'cat a' ] ) ) ).toBeNull();
		expect( findDonation( index, page( [] ) ) ).toBeNull();
	} );

	it.each( [
		[ 'null', null ],
		[ 'undefined', undefined ],
		[ 'a string', '{"v":1}' ],
		[ 'an array', [ 1, [ [ 'a', 'b', 'c' ] ], { x: 0 } ] ],
		[ 'the empty index of an old deploy', {} ],
		[ 'another version', { v: 2, r: index.r, c: index.c } ],
		[ 'rows that are not a list', { v: 1, r: { 0: [ 'a', 'b', 'c' ] }, c: { x: 0 } } ],
		[ 'categories that are not an object', { v: 1, r: index.r, c: 'x' } ],
		[ 'no categories', { v: 1, r: index.r, c: null } ],
	] )( 'finds nothing in %s', ( _name, junk ) => {
		expect( findDonation( junk, page( [ 'x', 'Cat A' ], 'a' ) ) ).toBeNull();
	} );

	it.each( [
		[ 'a property of arrays', 'length' ],
		[ 'the prototype', '__proto__' ],
		[ 'a fraction', 0.5 ],
		[ 'a negative index', -1 ],
		[ 'an index past the end', 9 ],
		[ 'NaN', NaN ],
		[ 'null', null ],
		[ 'an object', { valueOf: 0 } ],
	] )( 'skips a category pointing at %s', ( _name, at ) => {
		const junk = { v: 1, r: index.r, c: { x: at, y: 1 } };
		expect( findDonation( junk, page( [ 'x', 'y' ] ) )?.id ).toBe( 'b c' );
	} );

	it.each( [
		[ 'not a list', 'a,b,c' ],
		[ 'without an institution', [ 'a', 'Name' ] ],
		[ 'with a blank institution', [ 'a', 'Name', '  ' ] ],
		[ 'with a number for id', [ 1, 'Name', 'Inst' ] ],
		[ 'with an object for institution', [ 'a', 'Name', { toString: 'x' } ] ],
	] )( 'skips a row %s', ( _name, row ) => {
		const junk = { v: 1, r: [ row, [ 'b', 'B', 'Inst B' ] ], c: { x: 0, y: 1 } };
		expect( findDonation( junk, page( [ 'x', 'y' ], 'a' ) )?.id ).toBe( 'b' );
	} );

	it( 'ignores a logo that is not a string and names the partnership by id when it has no name', () => {
		const junk = { v: 1, r: [ [ 'a', 7, 'Inst', { src: 'x' } ] ], c: { x: 0 } };
		expect( findDonation( junk, page( [ 'x' ] ) ) ).toEqual( { id: 'a', partnership: 'a', institution: 'Inst', categories: [ 'x' ] } );
	} );

	it( 'does not see what objects inherit', () => {
		const junk = JSON.parse( '{"v":1,"r":[["a","A","Inst"]],"c":{"__proto__":0,"real":0}}' );
		for ( const name of [ 'constructor', 'toString', 'hasOwnProperty', 'valueOf' ] ) {
			expect( findDonation( index, page( [ name ] ) ) ).toBeNull();
		}
		expect( findDonation( junk, page( [ 'constructor' ] ) ) ).toBeNull();
		expect( findDonation( junk, page( [ '__proto__' ] ) )?.categories ).toEqual( [ '__proto__', 'real' ] );
	} );

	it( 'caps what it keeps from hostile sizes', () => {
		const long = 'x'.repeat( 5000 );
		const c: Record<string, number> = {};
		for ( let i = 0; i < 500; i++ ) {
			c[ `c${ i }` ] = 0;
		}
		const hit = findDonation( { v: 1, r: [ [ long, long, long, long ] ], c }, page( [ 'c499' ] ) );
		expect( hit?.id ).toHaveLength( 300 );
		expect( hit?.institution ).toHaveLength( 300 );
		expect( hit?.logo ).toHaveLength( 300 );
		expect( hit?.categories ).toHaveLength( 100 );
	} );

	it( 'never throws, whatever the page or index holds', () => {
		let seed = 42;
		const random = (): number => {
			seed = ( seed * 1103515245 + 12345 ) % 2147483648;
			return seed / 2147483648;
		};
		const values: unknown[] = [ null, undefined, 0, -1, 1, 1e9, NaN, '', 'a', 'Cat A', true, [], {}, [ 'a', 'b', 'c' ], { v: 1 } ];
		const pick = (): unknown => values[ Math.floor( random() * values.length ) ];
		for ( let i = 0; i < 2000; i++ ) {
			const junk = { v: random() < 0.8 ? 1 : pick(), r: [ pick(), [ pick(), pick(), pick(), pick() ], pick() ], c: { 'Cat A': pick(), a: pick() } };
			const pageInfo = { categories: random() < 0.9 ? [ pick(), 'Cat A', pick() ] : pick(), marker: pick() };
			expect( () => findDonation( junk, pageInfo as never ) ).not.toThrow();
		}
	} );

	it( 'stays small enough for the page-view loader (guard on its source, gzip)', () => {
		// Its source as the test runner compiled it, with comments and white space taken
		// out as a minifier would. Names are kept, so this is a guard against growth, not
		// the bundled size: minified by esbuild the function is about 350 bytes gzip.
		const source = findDonation.toString()
			.replace( /^\s*\/\/.*$/gm, '' )
			.replace( /\s+/g, ' ' )
			.replace( / ?([{}()[\],;:=<>!&|?+\-*/]) ?/g, '$1' );
		const size = gz( source );
		console.log( `findDonation: ${ source.length } bytes of source, ${ size } bytes gzip` );
		expect( size ).toBeLessThanOrEqual( 440 );
	} );

	it( 'keeps an index of 500 donations with 3 categories each compact', () => {
		const items = Array.from( { length: 500 }, ( _, i ) => donor( `Donation ${ i }`, [
			`Images from the Municipal Archives of Town ${ i }`,
			`Maps donated by Library ${ i }`,
			`Photographs by the Museum ${ i } collection`,
		], {
			name: `Open collection of the Museum ${ i }`,
			partners: [ { label: `Municipal Museum of Town ${ i }` } ],
		} ) );
		const text = JSON.stringify( buildDonationIndex( items ) );
		const size = gz( text );
		console.log( `donations index, 500 donations × 3 categories: ${ text.length } bytes, ${ size } bytes gzip` );
		expect( donationClashes( items ) ).toEqual( [] );
		expect( findDonation( JSON.parse( text ), page( [ 'Maps donated by Library 499' ] ) )?.id ).toBe( 'Donation 499' );
		expect( size ).toBeLessThanOrEqual( 20 * 1024 );
	} );
} );
