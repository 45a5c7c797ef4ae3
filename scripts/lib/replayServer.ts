// Wikidata's wbsearchentities, replayed on loopback from fixture files, for tests of the
// organisation lookup (Wikidata cannot be reached from the test machines).
//
// A fixture is a JSON file shaped exactly like a real answer (see
// tests/fixtures/wikidata/README.md), plus top-level notes whose names start with "_":
// "_request" ({ search, language }) says which request it answers and "_source" where
// its shape comes from. Notes are never sent.
import http, { IncomingMessage, ServerResponse } from 'node:http';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { AddressInfo, Socket } from 'node:net';

/** One hit of a wbsearchentities answer (Wikibase repo/includes/Api/SearchEntities.php). */
export interface SearchEntity {
	id: string;
	title: string;
	pageid: number;
	display: {
		label?: { value: string; language: string };
		description?: { value: string; language: string };
	};
	repository: string;
	url: string;
	concepturi: string;
	label?: string;
	description?: string;
	match: { type: string; language?: string; text: string };
	aliases?: string[];
}

export interface SearchAnswer {
	searchinfo: { search: string };
	search: SearchEntity[];
	'search-continue'?: number;
	success: 1;
}

export interface Fixture {
	file: string;
	search: string;
	language: string;
	answer: SearchAnswer;
}

export interface ReplayServer {
	/** http://127.0.0.1:PORT/w/api.php, to use as the Wikidata API URL */
	url: string;
	/** Every request, as path and query string, in order */
	requests: string[];
	/** Searches there was no fixture for (answered with no hits) */
	misses: { search: string; language: string }[];
	close(): Promise<void>;
}

export interface ReplayServerOptions {
	/** Directory of fixture files (*.json) */
	dir: string;
	/** Milliseconds to wait before each answer, to let tests see loading states */
	delayMs?: number;
	/** Where misses are reported; default console.warn */
	log?: ( line: string ) => void;
}

/** wbsearchentities' own limit: 'limit' type, default 7, at most 50 (ApiBase::LIMIT_SML1). */
const DEFAULT_LIMIT = 7;
const MAX_LIMIT = 50;

/**
 * @param search What was typed
 * @param language Language code
 * @return The key a fixture is found by: NFC, trimmed, lower-cased search and the language
 */
export function fixtureKey( search: string, language: string ): string {
	return `${ search.normalize( 'NFC' ).trim().toLowerCase() }\n${ language.trim().toLowerCase() }`;
}

/**
 * @param dir Directory of fixture files
 * @return Every fixture in it, by key
 */
export function loadFixtures( dir: string ): Map<string, Fixture> {
	const fixtures = new Map<string, Fixture>();
	for ( const name of readdirSync( dir ).filter( ( f ) => f.endsWith( '.json' ) ).sort() ) {
		const file = join( dir, name );
		const data = JSON.parse( readFileSync( file, 'utf8' ) );
		const { _request: request, _source: source } = data;
		if ( !request || typeof request.search !== 'string' || typeof request.language !== 'string' ) {
			throw new Error( `${ file }: no "_request": { "search", "language" }` );
		}
		if ( typeof source !== 'string' || !source.trim() ) {
			throw new Error( `${ file }: no "_source" note` );
		}
		const answer = Object.fromEntries( Object.entries( data ).filter( ( [ k ] ) => !k.startsWith( '_' ) ) ) as unknown as SearchAnswer;
		if ( !Array.isArray( answer.search ) || !answer.searchinfo || answer.success !== 1 ) {
			throw new Error( `${ file }: not a wbsearchentities answer` );
		}
		const key = fixtureKey( request.search, request.language );
		if ( fixtures.has( key ) ) {
			throw new Error( `${ file }: same request as ${ fixtures.get( key )?.file }` );
		}
		fixtures.set( key, { file, search: request.search, language: request.language, answer } );
	}
	return fixtures;
}

/**
 * The answer for one request, as SearchEntities::executeInternal() builds it: hits
 * [continue, continue + limit), and search-continue when there are more.
 *
 * @param fixture The fixture, or undefined for none
 * @param search The search as sent (echoed in searchinfo)
 * @param limit limit parameter
 * @param offset continue parameter
 * @return The answer
 */
export function answerFor( fixture: Fixture | undefined, search: string, limit: number, offset: number ): SearchAnswer {
	const hits = fixture ? fixture.answer.search : [];
	const answer: SearchAnswer = {
		searchinfo: { search },
		search: hits.slice( offset, offset + limit ),
		success: 1,
	};
	const next = offset + limit;
	if ( hits.length > next && next <= MAX_LIMIT ) {
		// Key order as in the real answer: searchinfo, search, search-continue, success.
		return { searchinfo: answer.searchinfo, search: answer.search, 'search-continue': next, success: 1 };
	}
	return answer;
}

function apiError( code: string, info: string ): object {
	return {
		error: {
			code,
			info,
			'*': 'See https://www.wikidata.org/w/api.php for API usage. Subscribe to the mediawiki-api-announce ' +
				'mailing list at &lt;https://lists.wikimedia.org/postorius/lists/mediawiki-api-announce.lists.wikimedia.org/&gt; ' +
				'for notice of API deprecations and breaking changes.',
		},
		servedby: 'replay-server',
	};
}

function intParam( value: string | null, fallback: number ): number {
	if ( value === null || value === '' ) {
		return fallback;
	}
	if ( value === 'max' ) {
		return MAX_LIMIT;
	}
	const n = Number.parseInt( value, 10 );
	return Number.isNaN( n ) ? fallback : n;
}

/**
 * Start the replay server on 127.0.0.1 (a free port).
 *
 * @param options
 * @return The running server
 */
export async function startReplayServer( options: ReplayServerOptions ): Promise<ReplayServer> {
	const fixtures = loadFixtures( options.dir );
	const log = options.log ?? ( ( line: string ) => console.warn( line ) );
	const requests: string[] = [];
	const misses: { search: string; language: string }[] = [];
	const sockets = new Set<Socket>();

	const send = ( req: IncomingMessage, res: ServerResponse, body: object, cors: boolean ): void => {
		const text = JSON.stringify( body );
		const headers: http.OutgoingHttpHeaders = {
			'content-type': 'application/json; charset=utf-8',
			'content-length': Buffer.byteLength( text ),
			'cache-control': 'private, must-revalidate, max-age=0',
		};
		if ( cors ) {
			headers[ 'access-control-allow-origin' ] = '*';
			headers[ 'access-control-expose-headers' ] = 'MediaWiki-API-Error, Retry-After, X-Database-Lag, MediaWiki-Login-Suppressed';
		}
		if ( 'error' in body ) {
			headers[ 'mediawiki-api-error' ] = ( body as { error: { code: string } } ).error.code;
		}
		const write = (): void => {
			// The Action API answers errors with 200 too.
			res.writeHead( 200, headers );
			res.end( req.method === 'HEAD' ? undefined : text );
		};
		if ( options.delayMs ) {
			setTimeout( write, options.delayMs );
		} else {
			write();
		}
	};

	const server = http.createServer( ( req, res ) => {
		const url = new URL( req.url ?? '/', 'http://x' );
		requests.push( req.url ?? '/' );
		const q = url.searchParams;
		// MediaWiki answers CORS only to requests that ask for it with origin=*.
		const cors = q.get( 'origin' ) === '*';
		if ( url.pathname !== '/w/api.php' ) {
			res.writeHead( 404, { 'content-type': 'text/plain; charset=utf-8' } );
			res.end( 'Not found: the replay server answers /w/api.php only\n' );
			return;
		}
		if ( req.method === 'OPTIONS' ) {
			// CORS preflight (e.g. an Api-User-Agent header).
			res.writeHead( 200, {
				'access-control-allow-origin': '*',
				'access-control-allow-methods': 'GET, HEAD, POST, OPTIONS',
				'access-control-allow-headers': req.headers[ 'access-control-request-headers' ] ?? 'Api-User-Agent',
				'access-control-max-age': '86400',
				'content-length': '0',
			} );
			res.end();
			return;
		}
		if ( req.method !== 'GET' && req.method !== 'HEAD' ) {
			send( req, res, apiError( 'mustbeposted', 'Only GET is replayed.' ), cors );
			return;
		}
		const action = q.get( 'action' );
		if ( action !== 'wbsearchentities' ) {
			send( req, res, apiError( 'badvalue', `Unrecognized value for parameter "action": ${ action ?? '' }.` ), cors );
			return;
		}
		const search = q.get( 'search' );
		const language = q.get( 'language' );
		if ( search === null ) {
			send( req, res, apiError( 'missingparam', 'The "search" parameter must be set.' ), cors );
			return;
		}
		if ( language === null ) {
			send( req, res, apiError( 'missingparam', 'The "language" parameter must be set.' ), cors );
			return;
		}
		const limit = Math.min( Math.max( intParam( q.get( 'limit' ), DEFAULT_LIMIT ), 0 ), MAX_LIMIT );
		const offset = Math.max( intParam( q.get( 'continue' ), 0 ), 0 );
		const fixture = fixtures.get( fixtureKey( search, language ) );
		if ( !fixture ) {
			misses.push( { search, language } );
			log( `[replay] no fixture for wbsearchentities search=${ JSON.stringify( search ) } language=${ language }: answering no hits` );
		}
		send( req, res, answerFor( fixture, search, limit, offset ), cors );
	} );
	server.on( 'connection', ( socket ) => {
		sockets.add( socket );
		socket.on( 'close', () => sockets.delete( socket ) );
	} );
	await new Promise<void>( ( resolve, reject ) => {
		server.once( 'error', reject );
		server.listen( 0, '127.0.0.1', () => resolve() );
	} );
	const { port } = server.address() as AddressInfo;
	return {
		url: `http://127.0.0.1:${ port }/w/api.php`,
		requests,
		misses,
		close: () => new Promise<void>( ( resolve ) => {
			server.close( () => resolve() );
			for ( const socket of sockets ) {
				socket.destroy();
			}
		} ),
	};
}
