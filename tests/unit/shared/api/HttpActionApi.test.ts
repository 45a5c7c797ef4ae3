// @vitest-environment node
// Against a real local HTTP server, so that axios, headers and timeouts are the real ones.
import { createServer, IncomingMessage, Server, ServerResponse } from 'node:http';
import { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ApiError, parseRetryAfter } from '../../../../src/shared/api/ActionApi';
import { HttpActionApi } from '../../../../src/shared/api/HttpActionApi';

type Handler = ( req: IncomingMessage, body: URLSearchParams, res: ServerResponse ) => void;

let server: Server;
let url: string;
let handlers: Handler[] = [];
let seen: URLSearchParams[] = [];
/** Each request's body as sent, and its headers */
let raw: { body: string; headers: IncomingMessage['headers'] }[] = [];

function json( res: ServerResponse, data: unknown, status = 200, headers: Record<string, string> = {} ): void {
	res.writeHead( status, { 'Content-Type': 'application/json', ...headers } );
	res.end( JSON.stringify( data ) );
}

beforeAll( async () => {
	server = createServer( ( req, res ) => {
		let text = '';
		req.on( 'data', ( chunk ) => {
			text += chunk;
		} );
		req.on( 'end', () => {
			const body = new URLSearchParams( req.method === 'GET' ? ( req.url ?? '' ).split( '?' )[ 1 ] : text );
			seen.push( body );
			raw.push( { body: text, headers: req.headers } );
			const handler = handlers.shift();
			if ( handler ) {
				handler( req, body, res );
			} else {
				json( res, { error: { code: 'unexpected', info: 'no handler' } } );
			}
		} );
	} );
	await new Promise<void>( ( resolve ) => {
		server.listen( 0, '127.0.0.1', resolve );
	} );
	url = `http://127.0.0.1:${ ( server.address() as AddressInfo ).port }/api.php`;
} );

afterAll( () => new Promise<void>( ( resolve ) => {
	server.closeAllConnections();
	server.close( () => resolve() );
} ) );

beforeEach( () => {
	handlers = [];
	seen = [];
	raw = [];
} );

async function failure( promise: Promise<unknown> ): Promise<ApiError> {
	const error: unknown = await promise.catch( ( e ) => e );
	expect( error ).toBeInstanceOf( ApiError );
	return error as ApiError;
}

describe( 'HttpActionApi', () => {
	it.each( [
		[ 'HTTP 429 with Retry-After', ( _q: IncomingMessage, _b: URLSearchParams, res: ServerResponse ) => json( res, {}, 429, { 'Retry-After': '7' } ), { code: 'http', status: 429, retryAfter: 7 } ],
		[ 'HTTP 503', ( _q: IncomingMessage, _b: URLSearchParams, res: ServerResponse ) => json( res, {}, 503 ), { code: 'http', status: 503, retryAfter: undefined } ],
		[ 'maxlag with Retry-After', ( _q: IncomingMessage, _b: URLSearchParams, res: ServerResponse ) => json( res, { error: { code: 'maxlag', info: 'Waiting', lag: 2 } }, 200, { 'Retry-After': '5' } ), { code: 'maxlag', retryAfter: 5 } ],
		[ 'maxlag without a header', ( _q: IncomingMessage, _b: URLSearchParams, res: ServerResponse ) => json( res, { error: { code: 'maxlag', info: 'Waiting', lag: 2 } } ), { code: 'maxlag', retryAfter: 2 } ],
		[ 'an HTML error page', ( _q: IncomingMessage, _b: URLSearchParams, res: ServerResponse ) => {
			res.writeHead( 200, { 'Content-Type': 'text/html' } );
			res.end( '<b>Fatal error</b>' );
		}, { code: 'invalid-response' } ],
		[ 'a dropped connection', ( req: IncomingMessage ) => req.socket.destroy(), { code: 'network' } ],
	] )( 'turns %s into an ApiError', async ( _name, handler, expected ) => {
		handlers.push( handler );
		expect( await failure( new HttpActionApi( url ).get( { action: 'query' } ) ) ).toMatchObject( expected );
	} );

	it( 'fails with code "timeout" when the answer takes too long', async () => {
		handlers.push( () => undefined );
		const t0 = Date.now();
		expect( await failure( new HttpActionApi( url, 'test', { timeoutMs: 100 } ).get( { action: 'query' } ) ) ).toMatchObject( { code: 'timeout' } );
		expect( Date.now() - t0 ).toBeLessThan( 5000 );
	} );

	it( 'tries once more with a fresh token on badtoken, and no more', async () => {
		const token = ( value: string ): Handler => ( _q, _b, res ) => json( res, { query: { tokens: { csrftoken: value } } } );
		const badtoken: Handler = ( _q, _b, res ) => json( res, { error: { code: 'badtoken', info: 'Invalid CSRF token.' } } );
		handlers.push( token( 'one' ), badtoken, token( 'two' ), ( _q, _b, res ) => json( res, { edit: { result: 'Success' } } ) );
		const api = new HttpActionApi( url );
		await expect( api.postWithEditToken( { action: 'edit' } ) ).resolves.toEqual( { edit: { result: 'Success' } } );
		expect( seen.map( ( b ) => b.get( 'token' ) ?? b.get( 'meta' ) ) ).toEqual( [ 'tokens', 'one', 'tokens', 'two' ] );

		handlers.push( badtoken, token( 'three' ), badtoken );
		expect( await failure( api.postWithEditToken( { action: 'edit' } ) ) ).toMatchObject( { code: 'badtoken' } );
	} );

	it( 'uploads a file as multipart/form-data, with a token', async () => {
		handlers.push(
			( _q, _b, res ) => json( res, { query: { tokens: { csrftoken: 'tok+\\' } } } ),
			( _q, _b, res ) => json( res, { upload: { result: 'Success' } } ),
		);
		const answer = await new HttpActionApi( url ).upload(
			{ filename: 'Painting.png', text: 'A painting', ignorewarnings: true },
			new Blob( [ 'PNG bytes' ], { type: 'image/png' } ),
		);
		expect( answer ).toEqual( { upload: { result: 'Success' } } );
		const { body, headers } = raw[ 1 ];
		expect( headers[ 'content-type' ] ).toMatch( /^multipart\/form-data; boundary=/ );
		const fields = new Map( [ ...body.matchAll( /name="([^"]+)"\r\n\r\n([^\r]*)\r\n/g ) ].map( ( m ) => [ m[ 1 ], m[ 2 ] ] ) );
		const field = ( name: string ): string | undefined => fields.get( name );
		expect( [ field( 'action' ), field( 'filename' ), field( 'text' ), field( 'ignorewarnings' ), field( 'token' ), field( 'format' ) ] )
			.toEqual( [ 'upload', 'Painting.png', 'A painting', '1', 'tok+\\', 'json' ] );
		expect( body ).toMatch( /name="file"; filename="Painting.png"\r\nContent-Type: image\/png\r\n\r\nPNG bytes\r\n/ );
	} );

	it( 'keeps the cookies it is given, and drops those that expire', async () => {
		const setCookies = ( cookies: string[] ): Handler => ( _q, _b, res ) => json( res, {}, 200, { 'Set-Cookie': cookies } as unknown as Record<string, string> );
		handlers.push(
			setCookies( [ 'session=abc; path=/; HttpOnly', 'UserName=Alice; path=/', 'Token=t1; path=/' ] ),
			setCookies( [ 'UserName=deleted; expires=Thu, 01 Jan 1970 00:00:01 GMT', 'Token=; Max-Age=0' ] ),
			( _q, _b, res ) => json( res, {} ),
		);
		const api = new HttpActionApi( url );
		await api.get( { action: 'query' } );
		await api.post( { action: 'logout' } );
		await api.get( { action: 'query' } );
		expect( raw.map( ( r ) => r.headers.cookie ) ).toEqual( [
			undefined,
			'session=abc; UserName=Alice; Token=t1',
			'session=abc',
		] );
	} );
} );

describe( 'parseRetryAfter', () => {
	const now = Date.parse( 'Sun, 01 Nov 2026 00:00:00 GMT' );
	it.each( [
		[ '5', 5 ],
		[ ' 120 ', 120 ],
		[ '1.5', 1.5 ],
		[ 'Sun, 01 Nov 2026 00:00:30 GMT', 30 ],
		[ 'Sat, 31 Oct 2026 23:59:00 GMT', 0 ],
		[ 'soon', undefined ],
		[ '', undefined ],
		[ null, undefined ],
		[ undefined, undefined ],
	] )( '%j → %s', ( header, expected ) => {
		expect( parseRetryAfter( header, now ) ).toBe( expected );
	} );
} );
