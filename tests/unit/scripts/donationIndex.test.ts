import { describe, expect, it } from 'vitest';
import { donationIndexFromWiki } from '../../../scripts/lib/donationIndex';
import { ScriptedApi, pagesAnswer } from '../../support/fakes';

const root = { namespace: 4, title: 'Partnerships' };
const title = ( id: string ): string => `Project:Partnerships/Records/${ id }`;

function recordText( name: string, partner: string, categories?: string[], logo?: string ): string {
	return JSON.stringify( {
		schema: 'partnership/1',
		name,
		type: 'glam',
		status: 'active',
		partners: [ { label: partner }, { label: 'Wikimedia Example' } ],
		...( categories ? { donation: { categories, ...( logo ? { logo } : {} ) } } : {} ),
	} );
}

describe( 'donationIndexFromWiki', () => {
	it( 'reads every record, batched, and indexes the donations', async () => {
		const api = new ScriptedApi(
			() => pagesAnswer( [
				[ title( 'Museum' ), recordText( 'Open museum', 'City Museum', [ 'Images from the City Museum', 'shared' ] ) ],
				[ title( 'No donation' ), recordText( 'Workshops', 'A school' ) ],
			], { gapcontinue: 'Partnerships/Records/Z', continue: 'gapcontinue||' } ),
			() => pagesAnswer( [
				[ title( 'Archive' ), recordText( 'Open archive', 'State Archive', [ 'Shared', 'Maps_from the State Archive' ] ) ],
				[ title( 'Broken' ), '{"schema": "partnership/1"' ],
				[ title( 'Wrong' ), JSON.stringify( { schema: 'partnership/1', name: 'No partners' } ) ],
			] ),
		);
		const result = await donationIndexFromWiki( api, root );
		expect( api.calls ).toHaveLength( 2 );
		expect( api.calls[ 0 ] ).toMatchObject( { generator: 'allpages', gapnamespace: 4, gapprefix: 'Partnerships/Records/', gaplimit: 50 } );
		expect( api.calls[ 1 ] ).toMatchObject( { gapcontinue: 'Partnerships/Records/Z' } );
		expect( result.index ).toEqual( {
			v: 1,
			r: [
				[ 'Archive', 'Open archive', 'State Archive' ],
				[ 'Museum', 'Open museum', 'City Museum' ],
			],
			c: { 'Images from the City Museum': 1, 'Maps from the State Archive': 0, Shared: 0 },
		} );
		expect( result.clashes ).toEqual( [ { category: 'Shared', kept: 'Archive', dropped: 'Museum' } ] );
		expect( result.invalid ).toEqual( [ title( 'Broken' ), title( 'Wrong' ) ] );
	} );

	it( 'carries the record\'s logo, passes the first-letter rule on and reports progress', async () => {
		const api = new ScriptedApi(
			() => pagesAnswer( [ [ title( 'a' ), recordText( 'A', 'Inst', [ 'lower' ], 'Inst logo.svg' ) ] ] ),
		);
		const progress: number[] = [];
		const result = await donationIndexFromWiki( api, root, {
			capitalLinks: false,
			onProgress: ( p ) => progress.push( p.loaded ),
		} );
		expect( result.index ).toEqual( { v: 1, r: [ [ 'a', 'A', 'Inst', 'Inst logo.svg' ] ], c: { lower: 0 } } );
		expect( progress ).toEqual( [ 1 ] );
	} );

	it( 'gives an empty index on a wiki without records', async () => {
		const api = new ScriptedApi( () => ( { batchcomplete: true } ) );
		expect( await donationIndexFromWiki( api, root ) ).toEqual( { index: { v: 1, r: [], c: {} }, clashes: [], invalid: [] } );
	} );

	it( 'passes API errors on rather than deploying an empty index', async () => {
		const api = new ScriptedApi( () => Promise.reject( new Error( 'maxlag' ) ) );
		await expect( donationIndexFromWiki( api, root ) ).rejects.toThrow( 'maxlag' );
	} );
} );
