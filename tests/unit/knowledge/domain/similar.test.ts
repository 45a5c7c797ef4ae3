import { describe, expect, it } from 'vitest';
import { SIMILARITY_WEIGHTS, similarPartnerships, similarityScore } from '../../../../src/knowledge/domain/similar';
import { SearchItem, createSearchIndex } from '../../../../src/knowledge/domain/search';
import { makeRecord } from '../../../support/records';

function item( key: string, overrides: Parameters<typeof makeRecord>[ 0 ] ): SearchItem {
	return { key, record: makeRecord( { name: key, ...overrides } ), timestamp: '2026-01-01T00:00:00Z' };
}

const ITEMS: SearchItem[] = [
	item( 'rijks', { type: 'glam', themes: [ 'Art', 'open data' ], regions: [ '150' ], countries: [ 'NL' ] } ),
	item( 'mauritshuis', { type: 'glam', themes: [ 'art' ], regions: [ '150' ], countries: [ 'NL' ] } ),
	item( 'louvre', { type: 'glam', themes: [ 'art' ], regions: [ '150' ], countries: [ 'FR' ] } ),
	item( 'bundesarchiv', { type: 'glam', themes: [ 'history' ], regions: [ '150' ], countries: [ 'DE' ] } ),
	item( 'amsterdam-data', { type: 'government', themes: [ 'Open data' ], countries: [ 'NL' ] } ),
	item( 'who', { type: 'health', themes: [ 'public health' ], regions: [ '001' ] } ),
	item( 'ghana', { type: 'campaign', themes: [ 'heritage' ], regions: [ '002' ], countries: [ 'GH' ] } ),
	item( 'a-twin', { type: 'glam', themes: [ 'history' ], regions: [ '150' ], countries: [ 'DE' ] } ),
];

describe( 'similarPartnerships', () => {
	it( 'ranks by shared type, themes and places, leaving out itself and unrelated records', () => {
		// mauritshuis: type 3 + art 2 + NL 2 + Europe 1 = 8; louvre: 3 + 2 + 1 = 6;
		// amsterdam-data: open data 2 + NL 2 = 4; a-twin and bundesarchiv: 3 + 1 = 4, by name.
		expect( similarPartnerships( ITEMS, 'rijks' ) ).toEqual( [ 'mauritshuis', 'louvre', 'a-twin', 'amsterdam-data', 'bundesarchiv' ] );
	} );

	it( 'takes an index as well as items, and a limit', () => {
		const index = createSearchIndex( ITEMS );
		expect( similarPartnerships( index, 'rijks', 2 ) ).toEqual( [ 'mauritshuis', 'louvre' ] );
		expect( similarPartnerships( index, 'rijks', 0 ) ).toEqual( [] );
	} );

	it( 'gives nothing for unknown keys or records with nothing in common', () => {
		expect( similarPartnerships( ITEMS, 'nope' ) ).toEqual( [] );
		expect( similarPartnerships( ITEMS, 'who' ) ).toEqual( [] );
	} );

	it( 'is deterministic whatever the input order', () => {
		const reversed = [ ...ITEMS ].reverse();
		expect( similarPartnerships( reversed, 'bundesarchiv' ) ).toEqual( similarPartnerships( ITEMS, 'bundesarchiv' ) );
		expect( similarPartnerships( ITEMS, 'bundesarchiv' )[ 0 ] ).toBe( 'a-twin' );
	} );

	it( 'scores symmetrically', () => {
		const [ a, b ] = [ ITEMS[ 0 ].record, ITEMS[ 1 ].record ];
		expect( similarityScore( a, b ) ).toBe( similarityScore( b, a ) );
		expect( similarityScore( a, b ) ).toBe( SIMILARITY_WEIGHTS.type + SIMILARITY_WEIGHTS.theme + SIMILARITY_WEIGHTS.country + SIMILARITY_WEIGHTS.region );
	} );
} );
