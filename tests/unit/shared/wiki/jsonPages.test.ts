import { describe, expect, it } from 'vitest';
import { ApiParams } from '../../../../src/shared/api/ActionApi';
import { pageRevisionOf, readPage, readPagesByTitle, readPagesWithPrefix, readRevisions } from '../../../../src/shared/wiki/jsonPages';
import { FakeWiki } from '../../../support/fakeWiki';
import { ScriptedApi, pagesAnswer } from '../../../support/fakes';

const thing = ( i: number ): string => `Project:Things/t${ String( i ).padStart( 3, '0' ) }`;

function wikiWith( n: number ): FakeWiki {
	const wiki = new FakeWiki();
	for ( let i = 0; i < n; i++ ) {
		wiki.edit( thing( i ), JSON.stringify( { i } ), 'Seeder' );
	}
	wiki.edit( 'Project:Other', '{}', 'Seeder' );
	wiki.calls.length = 0;
	return wiki;
}

const read = ( wiki: FakeWiki ) => ( params: ApiParams ) => wiki.get( params );

describe( 'readPagesWithPrefix', () => {
	it( 'reads the content of 50 pages per request, main slot, following continue', async () => {
		const wiki = wikiWith( 120 );
		const batches: [ number, number, number ][] = [];
		const result = await readPagesWithPrefix( read( wiki ), 4, 'Things/', ( batch, loaded ) => {
			batches.push( [ batch.length, loaded, wiki.calls.length ] );
		} );
		expect( wiki.calls ).toHaveLength( 3 );
		expect( wiki.calls[ 0 ] ).toEqual( {
			action: 'query', generator: 'allpages', gapnamespace: 4, gapprefix: 'Things/', gaplimit: 50,
			prop: 'revisions', rvprop: [ 'ids', 'timestamp', 'user', 'content' ], rvslots: 'main', curtimestamp: true,
		} );
		expect( wiki.calls[ 1 ].gapcontinue ).toBe( 'Things/t050' );
		// The next batch is asked for before the caller is told about this one.
		expect( batches ).toEqual( [ [ 50, 50, 2 ], [ 50, 100, 3 ], [ 20, 120, 3 ] ] );
		expect( result.pages ).toHaveLength( 120 );
		expect( result.pages[ 0 ] ).toEqual( {
			pageid: expect.any( Number ), title: thing( 0 ), revid: expect.any( Number ),
			timestamp: expect.any( String ), user: 'Seeder', parentid: 0, content: '{\n\t"i": 0\n}',
		} );
		expect( result.readAt ).toBe( new Date( wiki.now() ).toISOString().replace( /\.\d+Z$/, 'Z' ) );
	} );

	it( 'takes a page that comes without its revision first when it comes again', async () => {
		const answer = pagesAnswer( [ [ 'Project:A', '{}' ] ], { rvcontinue: '5|6', continue: '||' } );
		answer.query.pages.push( { pageid: 9, ns: 4, title: 'Project:B' } );
		const api = new ScriptedApi( () => answer, () => pagesAnswer( [ [ 'Project:B', '[]' ] ] ) );
		const { pages } = await readPagesWithPrefix( ( p ) => api.get( p ), 4, '' );
		expect( pages.map( ( p ) => [ p.title, p.content ] ) ).toEqual( [ [ 'Project:A', '{}' ], [ 'Project:B', '[]' ] ] );
		expect( api.calls[ 1 ] ).toMatchObject( { rvcontinue: '5|6', generator: 'allpages' } );
	} );
} );

describe( 'readPagesByTitle and readPage', () => {
	it( 'reads 50 titles per request and leaves missing pages out', async () => {
		const wiki = wikiWith( 70 );
		const titles = [ ...Array.from( { length: 70 }, ( _, i ) => thing( i ) ), 'Project:Missing' ];
		const told: number[][] = [];
		const result = await readPagesByTitle( read( wiki ), titles, ( found, batch ) => told.push( [ found.length, batch.length ] ) );
		expect( wiki.calls.map( ( c ) => ( c.titles as string[] ).length ) ).toEqual( [ 50, 21 ] );
		expect( wiki.calls[ 0 ] ).toMatchObject( { prop: 'revisions', rvslots: 'main', rvprop: [ 'ids', 'timestamp', 'user', 'content' ] } );
		expect( told ).toEqual( [ [ 50, 50 ], [ 20, 21 ] ] );
		expect( result.pages ).toHaveLength( 70 );
		expect( result.readAt ).toBeDefined();
		expect( await readPagesByTitle( read( wiki ), [] ) ).toEqual( { pages: [], readAt: undefined } );
	} );

	it( 'follows continue within one batch (large pages)', async () => {
		const api = new ScriptedApi(
			() => pagesAnswer( [ [ 'Project:A', '{}' ] ], { rvcontinue: '1', continue: '||' } ),
			() => pagesAnswer( [ [ 'Project:B', '{}' ] ] ),
		);
		const { pages } = await readPagesByTitle( ( p ) => api.get( p ), [ 'Project:A', 'Project:B' ] );
		expect( pages.map( ( p ) => p.title ) ).toEqual( [ 'Project:A', 'Project:B' ] );
		expect( api.calls[ 1 ] ).toMatchObject( { titles: [ 'Project:A', 'Project:B' ], rvcontinue: '1' } );
	} );

	it( 'reads one page, or null', async () => {
		const wiki = wikiWith( 1 );
		expect( ( await readPage( read( wiki ), thing( 0 ) ) ).page ).toMatchObject( { title: thing( 0 ), user: 'Seeder' } );
		expect( await readPage( read( wiki ), 'Project:Nothing' ) ).toMatchObject( { page: null, readAt: expect.any( String ) } );
	} );
} );

describe( 'readRevisions', () => {
	it( 'reads revisions by id, with their content', async () => {
		const wiki = new FakeWiki();
		const one = wiki.edit( 'Project:A', '{"v":1}', 'Alice' );
		const two = wiki.edit( 'Project:A', '{"v":2}', 'Bob' );
		const revs = await readRevisions( read( wiki ), [ one.revid, two.revid ] );
		expect( revs.map( ( r ) => [ r.revid, r.user, JSON.parse( r.content ).v ] ) ).toEqual( [ [ one.revid, 'Alice', 1 ], [ two.revid, 'Bob', 2 ] ] );
		expect( wiki.calls[ 0 ] ).toMatchObject( { revids: [ String( one.revid ), String( two.revid ) ] } );
	} );
} );

describe( 'pageRevisionOf', () => {
	it.each( [
		[ 'no revision', { pageid: 1, title: 'A' } ],
		[ 'no content', { pageid: 1, title: 'A', revisions: [ { revid: 2, slots: { main: {} } } ] } ],
		[ 'no page id (missing)', { title: 'A', missing: true, revisions: [ { revid: 2, slots: { main: { content: '{}' } } } ] } ],
	] )( 'is null for a page with %s', ( _name, page ) => {
		expect( pageRevisionOf( page ) ).toBeNull();
	} );

	it( 'leaves out a hidden user', () => {
		expect( pageRevisionOf( { pageid: 1, title: 'A', revisions: [ { revid: 2, timestamp: 't', userhidden: true, slots: { main: { content: '{}' } } } ] } ) )
			.toEqual( { pageid: 1, title: 'A', revid: 2, timestamp: 't', content: '{}' } );
	} );
} );
