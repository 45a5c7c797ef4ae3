// The Wikidata replay server: fixtures answered in the real module's shape, misses
// answered with no hits and reported, and CORS as MediaWiki does it, checked from a
// page on another origin in Chromium.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { ReplayServer, answerFor, fixtureKey, loadFixtures, startReplayServer } from '../../scripts/lib/replayServer';
import { FetchWikidataSearch, readWikidataHits } from '../../src/knowledge/data/wikidataSearch';
import { TestBrowser } from '../e2e/browser';

const FIXTURES = fileURLToPath( new URL( '../fixtures/wikidata', import.meta.url ) );
const wikis = inject( 'wikis' );

let server: ReplayServer;
const warnings: string[] = [];

beforeAll( async () => {
	server = await startReplayServer( { dir: FIXTURES, log: ( line ) => warnings.push( line ) } );
} );

afterAll( async () => {
	await server?.close();
} );

/**
 * @param params Request parameters (action=wbsearchentities and origin=* unless given)
 * @return The answer
 */
async function search( params: Record<string, string> ): Promise<Response> {
	const query = new URLSearchParams( { action: 'wbsearchentities', type: 'item', format: 'json', origin: '*', ...params } );
	return fetch( `${ server.url }?${ query }` );
}

describe( 'the fixtures', () => {
	const fixtures = [ ...loadFixtures( FIXTURES ).values() ];

	it( 'cover the searches the tests use', () => {
		expect( fixtures.map( ( f ) => `${ f.search }|${ f.language }` ).sort() ).toEqual( [
			'british library|en', 'hostile|en', 'musée|fr', 'rijksmuseum|en', 'rijks|en', 'smithsonian|en',
			'who|en', 'wikimedia|en', 'world health|en',
		] );
	} );

	it.each( fixtures.map( ( f ) => [ f.file.split( '/' ).pop(), f ] as const ) )( '%s is shaped like a real answer', ( _name, fixture ) => {
		const { answer } = fixture;
		expect( Object.keys( answer ) ).toEqual( [ 'searchinfo', 'search', 'success' ] );
		expect( answer.searchinfo ).toEqual( { search: fixture.search } );
		expect( answer.search.length ).toBeGreaterThan( 0 );
		for ( const hit of answer.search ) {
			// Key order of SearchEntities::buildTermSearchMatchEntry().
			const keys = [ 'id', 'title', 'pageid', 'display', 'repository', 'url', 'concepturi', 'label', 'description', 'match' ];
			expect( Object.keys( hit ) ).toEqual( hit.aliases ? [ ...keys, 'aliases' ] : keys );
			expect( hit.id ).toMatch( /^Q[1-9][0-9]*$/ );
			expect( hit.title ).toBe( hit.id );
			expect( hit.url ).toBe( `//www.wikidata.org/wiki/${ hit.id }` );
			expect( hit.concepturi ).toBe( `http://www.wikidata.org/entity/${ hit.id }` );
			expect( hit.display.label ).toEqual( { value: hit.label, language: fixture.language } );
			expect( hit.display.description ).toEqual( { value: hit.description, language: fixture.language } );
			expect( hit.match.language ).toBe( fixture.language );
			if ( hit.match.text === hit.label ) {
				expect( hit.match.type ).toBe( 'label' );
				expect( hit.aliases ).toBeUndefined();
			} else {
				expect( hit.match.type ).toBe( 'alias' );
				expect( hit.aliases ).toEqual( [ hit.match.text ] );
			}
		}
	} );
} );

describe( 'the replay server', () => {
	it( 'answers a fixture with CORS, whatever the case, spacing or Unicode form of the search', async () => {
		for ( const [ text, language ] of [ [ 'Rijks', 'en' ], [ '  RIJKS ', 'en' ], [ 'MUSE\u0301E', 'fr' ] ] ) {
			const res = await search( { search: text, language, uselang: language, limit: '10' } );
			expect( res.status ).toBe( 200 );
			expect( res.headers.get( 'access-control-allow-origin' ) ).toBe( '*' );
			expect( res.headers.get( 'content-type' ) ).toBe( 'application/json; charset=utf-8' );
			const body = await res.json();
			expect( body.searchinfo ).toEqual( { search: text } );
			expect( body.success ).toBe( 1 );
			expect( Object.keys( body ).filter( ( k ) => k.startsWith( '_' ) ) ).toEqual( [] );
			expect( body.search.length ).toBe( 1 );
		}
		expect( server.requests.at( -1 ) ).toContain( 'action=wbsearchentities' );
	} );

	it( 'answers a search it has no fixture for with no hits, and reports it', async () => {
		const res = await search( { search: 'Nowhere Museum', language: 'en' } );
		expect( await res.text() ).toBe( '{"searchinfo":{"search":"Nowhere Museum"},"search":[],"success":1}' );
		expect( server.misses ).toContainEqual( { search: 'Nowhere Museum', language: 'en' } );
		expect( warnings.some( ( w ) => w.includes( 'Nowhere Museum' ) ) ).toBe( true );
		// Same search, other language: no fixture either.
		const other = await ( await search( { search: 'rijks', language: 'de' } ) ).json();
		expect( other.search ).toEqual( [] );
	} );

	it( 'sends CORS headers only when asked with origin=*, as MediaWiki does', async () => {
		const res = await fetch( `${ server.url }?action=wbsearchentities&search=rijks&language=en&format=json` );
		expect( res.headers.get( 'access-control-allow-origin' ) ).toBeNull();
		const preflight = await fetch( `${ server.url }?action=wbsearchentities&search=rijks&language=en&origin=*`, {
			method: 'OPTIONS',
			headers: { Origin: 'http://example.org', 'Access-Control-Request-Method': 'GET', 'Access-Control-Request-Headers': 'api-user-agent' },
		} );
		expect( preflight.status ).toBe( 200 );
		expect( preflight.headers.get( 'access-control-allow-origin' ) ).toBe( '*' );
		expect( preflight.headers.get( 'access-control-allow-headers' ) ).toBe( 'api-user-agent' );
	} );

	it( 'answers bad requests with MediaWiki-shaped errors', async () => {
		const missing = await fetch( `${ server.url }?action=wbsearchentities&language=en&format=json&origin=*` );
		expect( missing.headers.get( 'mediawiki-api-error' ) ).toBe( 'missingparam' );
		expect( ( await missing.json() ).error.code ).toBe( 'missingparam' );
		const other = await fetch( `${ server.url }?action=wbgetentities&ids=Q1&format=json` );
		expect( ( await other.json() ).error.code ).toBe( 'badvalue' );
		expect( ( await fetch( server.url.replace( '/w/api.php', '/wiki/Q1' ) ) ).status ).toBe( 404 );
	} );

	it( 'pages with limit and continue like the real module', () => {
		const [ fixture ] = [ ...loadFixtures( FIXTURES ).values() ];
		const many = { ...fixture, answer: { ...fixture.answer, search: Array.from( { length: 9 }, ( _, i ) => ( { ...fixture.answer.search[ 0 ], id: `Q${ i + 1 }` } ) ) } };
		const first = answerFor( many, 'x', 7, 0 );
		expect( Object.keys( first ) ).toEqual( [ 'searchinfo', 'search', 'search-continue', 'success' ] );
		expect( first.search.map( ( h ) => h.id ) ).toEqual( [ 'Q1', 'Q2', 'Q3', 'Q4', 'Q5', 'Q6', 'Q7' ] );
		expect( first[ 'search-continue' ] ).toBe( 7 );
		const rest = answerFor( many, 'x', 7, 7 );
		expect( rest.search.map( ( h ) => h.id ) ).toEqual( [ 'Q8', 'Q9' ] );
		expect( rest[ 'search-continue' ] ).toBeUndefined();
		expect( fixtureKey( ' Muse\u0301e ', 'FR' ) ).toBe( fixtureKey( 'musée', 'fr' ) );
	} );

	it( 'is read by the panel\'s own client', async () => {
		const hits = await new FetchWikidataSearch( server.url ).search( 'British Library', 'en' );
		expect( hits ).toEqual( [ { id: 'Q23308', label: 'British Library', description: 'national library of the United Kingdom' } ] );
		const hostile = readWikidataHits( await ( await search( { search: 'hostile', language: 'en' } ) ).json() );
		expect( hostile[ 0 ].label ).toBe( '<img src=x onerror=alert(1)>' );
	} );

	it( 'answers a page on another origin in Chromium, preflight included', async () => {
		const browser = new TestBrowser();
		await browser.launch();
		try {
			const { page, errors } = await browser.newPage();
			await page.goto( `${ wikis.ext.url }/index.php?title=Main_Page` );
			const result = await page.evaluate( async ( url ) => {
				const simple = await fetch( `${ url }?action=wbsearchentities&search=wikimedia&language=en&uselang=en&type=item&limit=10&format=json&origin=*`, { credentials: 'omit' } );
				// A custom header makes this a non-simple request: Chromium sends a preflight first.
				const preflighted = await fetch( `${ url }?action=wbsearchentities&search=smithsonian&language=en&format=json&origin=*`, {
					credentials: 'omit', headers: { 'Api-User-Agent': 'Partnerships-tests/1.0' },
				} );
				const blocked = await fetch( `${ url }?action=wbsearchentities&search=rijks&language=en&format=json` ).then( () => 'read', () => 'blocked' );
				return {
					simple: ( await simple.json() ).search.map( ( h: { id: string } ) => h.id ),
					preflighted: ( await preflighted.json() ).search.map( ( h: { id: string } ) => h.id ),
					blocked,
				};
			}, server.url );
			expect( result ).toEqual( { simple: [ 'Q180', 'Q8288' ], preflighted: [ 'Q131626' ], blocked: 'blocked' } );
			expect( server.requests.some( ( r ) => r.includes( 'search=smithsonian' ) ) ).toBe( true );
			// The request without origin=* is refused by the browser, which says so in the console.
			expect( errors.filter( ( e ) => !/CORS|Access-Control-Allow-Origin|Failed to fetch|ERR_FAILED/.test( e ) ) ).toEqual( [] );
		} finally {
			await browser.close();
		}
	} );
} );
