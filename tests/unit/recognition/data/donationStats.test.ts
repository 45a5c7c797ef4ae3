import { describe, expect, it } from 'vitest';
import { ScriptedApi } from '../../../support/fakes';
import { ApiResponse } from '../../../../src/shared/api/ActionApi';
import {
	countCategoryFiles, countSince, countUsage, hasGlobalUsage, totalFiles,
} from '../../../../src/recognition/data/donationStats';

const NOW = '2026-11-24T08:00:00Z';

/** Answers a generator=categorymembers usage query page by page, like the API does. */
function usageAnswer( pages: { title: string; used?: { title: string; wiki?: string }[] }[], prop: string, cont?: Record<string, string> ): ApiResponse {
	return {
		curtimestamp: NOW,
		...( cont ? { continue: { ...cont, continue: 'gcmcontinue||' } } : { batchcomplete: true } ),
		query: { pages: pages.map( ( p, i ) => ( { pageid: i + 1, ns: 6, title: p.title, ...( p.used ? { [ prop ]: p.used } : {} ) } ) ) },
	};
}

describe( 'donationStats', () => {
	it( 'counts files with categoryinfo, 50 categories a request, normalised titles mapped back', async () => {
		const names = Array.from( { length: 51 }, ( _, i ) => `Cat ${ i }` );
		const api = new ScriptedApi(
			( p ) => ( {
				curtimestamp: '2026-11-24T07:59:00Z',
				query: {
					normalized: [ { from: 'Category:Cat 0', to: 'Category:Cat 0' } ],
					pages: ( p.titles as string[] ).map( ( t ) => ( { title: t, categoryinfo: { size: 12, files: 10, pages: 2, subcats: 0 } } ) ),
				},
			} ),
			( p ) => ( {
				curtimestamp: NOW,
				query: { pages: [ { title: ( p.titles as string[] )[ 0 ], missing: true } ] },
			} ),
		);
		const counted = await countCategoryFiles( api, names );
		expect( api.calls ).toHaveLength( 2 );
		expect( ( api.calls[ 0 ].titles as string[] ) ).toHaveLength( 50 );
		expect( api.calls[ 0 ] ).toMatchObject( { prop: 'categoryinfo', curtimestamp: true } );
		expect( api.calls[ 1 ].titles ).toEqual( [ 'Category:Cat 50' ] );
		expect( totalFiles( counted.value ) ).toBe( 500 );
		expect( counted.value.get( 'Cat 50' ) ).toBe( 0 );
		expect( counted.countedAt ).toBe( NOW );
		expect( counted.sources ).toHaveLength( 2 );
	} );

	it.each( [
		[ 'GlobalUsage', [ { name: 'Global Usage', type: 'other' } ], true ],
		[ 'no GlobalUsage', [ { name: 'Gadgets' } ], false ],
		[ 'a malformed answer', 'nope', false ],
	] )( 'finds %s in siteinfo', async ( _name, extensions, expected ) => {
		const api = new ScriptedApi( () => ( { query: { extensions } } ) );
		await expect( hasGlobalUsage( api ) ).resolves.toBe( expected );
		expect( api.calls[ 0 ] ).toMatchObject( { meta: 'siteinfo', siprop: 'extensions' } );
	} );

	it( 'counts local file usage across continuation, with files repeated by prop continuation', async () => {
		const api = new ScriptedApi(
			() => usageAnswer( [
				{ title: 'File:A.jpg', used: [ { title: 'Page 1' }, { title: 'Page 2' } ] },
				{ title: 'File:B.jpg' },
			], 'fileusage', { fucontinue: '6|Page 2' } ),
			() => usageAnswer( [
				{ title: 'File:A.jpg', used: [ { title: 'Page 3' } ] },
				{ title: 'File:B.jpg' },
			], 'fileusage', { gcmcontinue: 'file|C' } ),
			() => usageAnswer( [ { title: 'File:C.jpg', used: [ { title: 'Page 1' } ] } ], 'fileusage' ),
		);
		const counted = await countUsage( api, [ 'Donation' ], { global: false } );
		expect( counted.value ).toEqual( { scannedFiles: 3, usedFiles: 2, pages: 3, wikis: 1, kind: 'local', capped: false } );
		expect( api.calls[ 0 ] ).toMatchObject( { generator: 'categorymembers', gcmtitle: 'Category:Donation', gcmtype: 'file', gcmlimit: 'max', prop: 'fileusage', fulimit: 'max' } );
		expect( api.calls[ 1 ] ).toMatchObject( { fucontinue: '6|Page 2', continue: 'gcmcontinue||' } );
		expect( api.calls[ 2 ] ).toMatchObject( { gcmcontinue: 'file|C' } );
		expect( counted.sources ).toEqual( [ { label: 'Donation', params: expect.objectContaining( { gcmtitle: 'Category:Donation' } ) } ] );
	} );

	it( 'counts GlobalUsage pages per wiki and distinct wikis', async () => {
		const api = new ScriptedApi( () => usageAnswer( [
			{ title: 'File:A.jpg', used: [ { title: 'Paris', wiki: 'en.wikipedia.org' }, { title: 'Paris', wiki: 'fr.wikipedia.org' } ] },
			{ title: 'File:B.jpg', used: [ { title: 'Paris', wiki: 'en.wikipedia.org' } ] },
			{ title: 'File:C.jpg', used: [] },
		], 'globalusage' ) );
		const counted = await countUsage( api, [ 'Donation' ], { global: true } );
		expect( api.calls[ 0 ] ).toMatchObject( { prop: 'globalusage', gulimit: 'max' } );
		expect( counted.value ).toEqual( { scannedFiles: 3, usedFiles: 2, pages: 2, wikis: 2, kind: 'global', capped: false } );
	} );

	it( 'stops at the cap and says "at least"', async () => {
		const batch = ( from: number ): ApiResponse => usageAnswer(
			Array.from( { length: 3 }, ( _, i ) => ( { title: `File:${ from + i }.jpg`, used: [ { title: `P${ from + i }` } ] } ) ),
			'fileusage',
			{ gcmcontinue: `next${ from }` },
		);
		const api = new ScriptedApi( () => batch( 0 ), () => batch( 3 ) );
		const counted = await countUsage( api, [ 'Big', 'Other' ], { global: false, cap: 5 } );
		expect( api.calls ).toHaveLength( 2 );
		expect( counted.value ).toMatchObject( { scannedFiles: 6, usedFiles: 6, pages: 6, capped: true } );
	} );

	it( 'is not capped when the last file reaches the cap with nothing more to read', async () => {
		const api = new ScriptedApi( () => usageAnswer( [ { title: 'File:A.jpg' }, { title: 'File:B.jpg' } ], 'fileusage' ) );
		const counted = await countUsage( api, [ 'Small' ], { global: false, cap: 2 } );
		expect( counted.value ).toMatchObject( { scannedFiles: 2, usedFiles: 0, wikis: 0, capped: false } );
	} );

	it( 'finds the earliest file across categories', async () => {
		const api = new ScriptedApi(
			() => ( { curtimestamp: NOW, query: { categorymembers: [ { title: 'File:Late.jpg', timestamp: '2024-05-01T00:00:00Z' } ] } } ),
			() => ( { curtimestamp: NOW, query: { categorymembers: [ { title: 'File:Early.jpg', timestamp: '2019-01-02T03:04:05Z' } ] } } ),
			() => ( { curtimestamp: NOW, query: { categorymembers: [] } } ),
		);
		const counted = await countSince( api, [ 'A', 'B', 'Empty' ] );
		expect( counted.value ).toEqual( { timestamp: '2019-01-02T03:04:05Z', file: 'File:Early.jpg' } );
		expect( api.calls[ 0 ] ).toMatchObject( {
			list: 'categorymembers', cmtitle: 'Category:A', cmtype: 'file', cmsort: 'timestamp', cmdir: 'asc', cmlimit: 1, cmprop: 'timestamp|title',
		} );
		expect( counted.sources.map( ( s ) => s.label ) ).toEqual( [ 'A', 'B', 'Empty' ] );
	} );

} );
