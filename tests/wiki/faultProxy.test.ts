// The fault proxy in front of the real extension wiki: everything passes through it
// untouched until a fault is injected, and each fault is what a client really sees.
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import { FaultProxy, ProxiedRequest, apiErrorBody, parseMultipart, requestParams, startFaultProxy } from '../../scripts/lib/faultProxy';
import { HttpActionApi } from '../../src/shared/api/HttpActionApi';
import { ApiError } from '../../src/shared/api/ActionApi';
import { TestBrowser } from '../e2e/browser';

const wikis = inject( 'wikis' );
const wiki = wikis.ext;

/** Test pages live here, never under Partnerships/Records (other tests count records). */
const PAGE_PREFIX = 'Project:Proxy test/';

let proxy: FaultProxy;
const created: string[] = [];

beforeAll( async () => {
	// The shared wikis run without $wgShowHostnames: answer as they do, so that injected
	// errors can be compared with real ones byte for byte.
	proxy = await startFaultProxy( { target: wiki.url, showHostnames: false } );
} );

afterEach( () => {
	proxy.clear();
} );

afterAll( async () => {
	await proxy?.close();
	if ( created.length ) {
		const admin = new HttpActionApi( wiki.api );
		await admin.login( wiki.accounts.admin.botUsername, wiki.accounts.admin.botPassword );
		for ( const title of created ) {
			await admin.postWithEditToken( { action: 'delete', title, reason: 'Fault proxy test clean-up' } ).catch( () => undefined );
		}
	}
} );

function lastFor( predicate: ( r: ProxiedRequest ) => boolean ): ProxiedRequest | undefined {
	return [ ...proxy.log ].reverse().find( predicate );
}

/**
 * @param url A URL
 * @param init fetch options
 * @return What a Node client sees: the answer, or the error and how long it took
 */
async function attempt( url: string, init: RequestInit = {} ): Promise<{ res?: Response; text?: string; error?: Error; ms: number }> {
	const t0 = Date.now();
	try {
		const res = await fetch( url, { redirect: 'manual', ...init } );
		const text = await res.text();
		return { res, text, ms: Date.now() - t0 };
	} catch ( e ) {
		return { error: e as Error, ms: Date.now() - t0 };
	}
}

function form( params: Record<string, string> ): RequestInit {
	return { method: 'POST', body: new URLSearchParams( params ) };
}

describe( 'the fault proxy, passing through', () => {
	it( 'serves page views and API reads of the wiki', async () => {
		const view = await attempt( `${ proxy.url }/index.php?title=Main_Page` );
		expect( view.res?.status ).toBe( 200 );
		expect( view.text ).toMatch( /load\.php/ );

		const read = await attempt( `${ proxy.url }/api.php?action=query&meta=siteinfo&format=json&formatversion=2` );
		expect( JSON.parse( read.text ?? '' ).query.general.wikiid ).toBe( 'pw_ext' );
		const entry = lastFor( ( r ) => r.action === 'query' );
		expect( entry ).toMatchObject( { method: 'GET', status: 200, upstreamStatus: 200, fault: null } );
		expect( entry?.params ).toMatchObject( { meta: 'siteinfo', formatversion: '2' } );
	} );

	it( 'rewrites redirects to itself and passes cookies, so a login works through it', async () => {
		const random = await attempt( `${ proxy.url }/index.php?title=Special:Random` );
		expect( random.res?.status ).toBe( 302 );
		expect( random.res?.headers.get( 'location' )?.startsWith( `${ proxy.url }/` ) ).toBe( true );

		const alice = new HttpActionApi( `${ proxy.url }/api.php` );
		await alice.clientLogin( wiki.accounts.users[ 0 ].username, wiki.accounts.users[ 0 ].password );
		const me = await alice.get( { action: 'query', meta: 'userinfo' } );
		expect( me.query.userinfo.name ).toBe( wiki.accounts.users[ 0 ].username );
		// The login's POST parameters are logged decoded (form-urlencoded).
		expect( lastFor( ( r ) => r.action === 'clientlogin' )?.params ).toMatchObject( {
			username: wiki.accounts.users[ 0 ].username,
			loginreturnurl: 'http://127.0.0.1/',
		} );
	} );

	it( 'decodes multipart POST bodies for the log', async () => {
		const body = new FormData();
		body.set( 'action', 'query' );
		body.set( 'meta', 'siteinfo' );
		body.set( 'format', 'json' );
		body.set( 'file', new Blob( [ 'abc' ] ), 'a.txt' );
		const res = await attempt( `${ proxy.url }/api.php`, { method: 'POST', body } );
		expect( res.res?.status ).toBe( 200 );
		expect( lastFor( ( r ) => r.method === 'POST' && r.action === 'query' )?.params ).toEqual( {
			action: 'query', meta: 'siteinfo', format: 'json', file: '[file a.txt, 3 bytes]',
		} );
	} );

	it( 'lets Chromium use the wiki entirely through it', async () => {
		const browser = new TestBrowser();
		await browser.launch();
		try {
			const { page, errors, requests } = await browser.newPage();
			await page.goto( `${ proxy.url }/index.php?title=Main_Page` );
			await page.waitForFunction( () => typeof mw !== 'undefined' && mw.loader.getState( 'mediawiki.base' ) === 'ready' );
			const siteName = await page.evaluate( async () => {
				const answer = await new mw.Api().get( { action: 'query', meta: 'siteinfo' } );
				return String( answer.query.general.wikiid );
			} );
			expect( siteName ).toBe( 'pw_ext' );
			expect( requests.filter( ( r ) => !r.url().startsWith( proxy.url ) && !r.url().startsWith( 'data:' ) ).map( ( r ) => r.url() ) ).toEqual( [] );
			expect( errors ).toEqual( [] );
		} finally {
			await browser.close();
		}
	} );
} );

describe( 'the fault proxy, injecting', () => {
	it( 'answers an HTTP error without forwarding, only as many times as asked', async () => {
		proxy.inject( { match: { action: 'query' }, times: 2, fault: { kind: 'http', status: 503, retryAfter: 3 } } );
		const url = `${ proxy.url }/api.php?action=query&meta=siteinfo&format=json`;
		for ( let i = 0; i < 2; i++ ) {
			const { res } = await attempt( url );
			expect( res?.status ).toBe( 503 );
			expect( res?.headers.get( 'retry-after' ) ).toBe( '3' );
			expect( lastFor( ( r ) => r.action === 'query' ) ).toMatchObject( { status: 503, upstreamStatus: null } );
		}
		expect( ( await attempt( url ) ).res?.status ).toBe( 200 );
		expect( proxy.pending() ).toEqual( [] );
	} );

	it( 'matches by method and path', async () => {
		proxy.inject( { match: { method: 'POST', path: /api\.php/ }, times: 1, fault: { kind: 'http', status: 429 } } );
		expect( ( await attempt( `${ proxy.url }/api.php?action=query&format=json` ) ).res?.status ).toBe( 200 );
		expect( ( await attempt( `${ proxy.url }/api.php`, form( { action: 'query', format: 'json' } ) ) ).res?.status ).toBe( 429 );
		proxy.inject( { match: { path: /load\.php/ }, times: 1, fault: { kind: 'http', status: 500 } } );
		expect( ( await attempt( `${ proxy.url }/load.php?modules=startup&only=scripts` ) ).res?.status ).toBe( 500 );
	} );

	it( 'holds a request until it times out, then closes the connection', async () => {
		proxy.inject( { match: { action: 'query' }, times: 1, fault: { kind: 'timeout', ms: 400 } } );
		const { res, error, ms } = await attempt( `${ proxy.url }/api.php?action=query&format=json` );
		expect( res ).toBeUndefined();
		expect( error ).toBeInstanceOf( Error );
		expect( ms ).toBeGreaterThanOrEqual( 390 );
		expect( lastFor( ( r ) => r.action === 'query' ) ).toMatchObject( { status: null, upstreamStatus: null, fault: { kind: 'timeout' } } );
	} );

	it( 'drops a request before the wiki sees it', async () => {
		const alice = new HttpActionApi( `${ proxy.url }/api.php` );
		await alice.clientLogin( wiki.accounts.users[ 0 ].username, wiki.accounts.users[ 0 ].password );
		const title = `${ PAGE_PREFIX }Dropped ${ Date.now() }`;
		await alice.token( 'csrf' );
		proxy.inject( { match: { method: 'POST', action: 'edit' }, times: 1, fault: { kind: 'drop' } } );
		const error = await alice.postWithEditToken( { action: 'edit', title, text: 'never saved', createonly: true } ).catch( ( e ) => e );
		expect( error ).toBeInstanceOf( ApiError );
		expect( ( error as ApiError ).code ).toBe( 'network' );
		expect( lastFor( ( r ) => r.action === 'edit' ) ).toMatchObject( { status: null, upstreamStatus: null, fault: { kind: 'drop' } } );
		const page = await new HttpActionApi( wiki.api ).get( { action: 'query', titles: title } );
		expect( page.query.pages[ 0 ].missing ).toBe( true );
	} );

	it( 'forwards an edit, then loses the answer: the edit has landed', async () => {
		const alice = new HttpActionApi( `${ proxy.url }/api.php` );
		await alice.clientLogin( wiki.accounts.users[ 0 ].username, wiki.accounts.users[ 0 ].password );
		const title = `${ PAGE_PREFIX }Lost answer ${ Date.now() }`;
		created.push( title );
		await alice.token( 'csrf' );
		proxy.inject( { match: { method: 'POST', action: 'edit' }, times: 1, fault: { kind: 'drop-after-forward' } } );
		const error = await alice.postWithEditToken( { action: 'edit', title, text: 'saved, answer lost', createonly: true } ).catch( ( e ) => e );
		expect( error ).toBeInstanceOf( ApiError );
		expect( ( error as ApiError ).code ).toBe( 'network' );
		const entry = lastFor( ( r ) => r.action === 'edit' );
		expect( entry ).toMatchObject( { status: null, upstreamStatus: 200, fault: { kind: 'drop-after-forward' } } );
		expect( entry?.params ).toMatchObject( { title, text: 'saved, answer lost', createonly: '1' } );

		// Read directly from the wiki: the edit is there.
		const read = await new HttpActionApi( wiki.api ).get( {
			action: 'query', titles: title, prop: 'revisions', rvprop: [ 'content', 'user' ], rvslots: 'main',
		} );
		const revision = read.query.pages[ 0 ].revisions[ 0 ];
		expect( revision.slots.main.content ).toBe( 'saved, answer lost' );
		expect( revision.user ).toBe( wiki.accounts.users[ 0 ].username );
		// Retrying the same create is refused by the wiki: the client must re-read, not resend blindly.
		const retry = await alice.postWithEditToken( { action: 'edit', title, text: 'saved, answer lost', createonly: true } ).catch( ( e ) => e );
		expect( ( retry as ApiError ).code ).toBe( 'articleexists' );
	} );

	// Real errors, produced by the wiki itself, against the same errors injected.
	const realErrors: { code: 'badtoken' | 'assertuserfailed' | 'maxlag'; request: () => [ string, RequestInit ] }[] = [
		{ code: 'badtoken', request: () => [ '/api.php', form( { action: 'edit', title: `${ PAGE_PREFIX }X`, text: 'x', token: 'bad', format: 'json', formatversion: '2' } ) ] },
		{ code: 'badtoken', request: () => [ '/api.php', form( { action: 'edit', title: `${ PAGE_PREFIX }X`, text: 'x', token: 'bad', format: 'json', formatversion: '2', errorformat: 'plaintext' } ) ] },
		{ code: 'badtoken', request: () => [ '/api.php', form( { action: 'edit', title: `${ PAGE_PREFIX }X`, text: 'x', token: 'bad', format: 'json' } ) ] },
		{ code: 'assertuserfailed', request: () => [ '/api.php?action=query&meta=userinfo&assert=user&format=json&formatversion=2', {} ] },
		{ code: 'assertuserfailed', request: () => [ '/api.php?action=query&meta=userinfo&assert=user&format=json&formatversion=1&errorformat=plaintext', {} ] },
		// SQLite has no replicas: its "lag" is -1, so maxlag=-2 makes the wiki refuse for real.
		{ code: 'maxlag', request: () => [ '/api.php?action=query&meta=userinfo&maxlag=-2&format=json&formatversion=2', {} ] },
		{ code: 'maxlag', request: () => [ '/api.php?action=query&meta=userinfo&maxlag=-2&format=json&formatversion=2&errorformat=plaintext', {} ] },
	];

	it.each( realErrors )( 'injects $code shaped exactly as the wiki answers it', async ( { code, request } ) => {
		const [ path, init ] = request();
		const real = await attempt( proxy.url + path, init );
		expect( real.res?.headers.get( 'mediawiki-api-error' ) ).toBe( code );
		proxy.inject( { match: {}, times: 1, fault: { kind: 'api-error', code } } );
		const fake = await attempt( proxy.url + path, init );
		expect( fake.res?.status ).toBe( 200 );
		expect( fake.res?.headers.get( 'content-type' ) ).toBe( real.res?.headers.get( 'content-type' ) );
		expect( fake.res?.headers.get( 'mediawiki-api-error' ) ).toBe( code );
		const realBody = JSON.parse( real.text ?? '' );
		const fakeBody = JSON.parse( fake.text ?? '' );
		if ( code === 'maxlag' ) {
			// Same shape and headers; the lag itself differs (-1 and no host on SQLite).
			expect( JSON.stringify( keysOf( fakeBody ) ) ).toBe( JSON.stringify( keysOf( realBody ) ) );
			expect( fake.res?.headers.get( 'retry-after' ) ).toBe( real.res?.headers.get( 'retry-after' ) );
			expect( fake.res?.headers.get( 'x-database-lag' ) ).toBe( '7' );
			const info = fakeBody.error?.info ?? fakeBody.errors[ 0 ].text;
			expect( info ).toBe( 'Waiting for a database server: 7 seconds lagged.' );
		} else {
			expect( fake.text ).toBe( real.text );
		}
	} );

	it( 'answers maxlag as Wikimedia wikis do, with the host and servedby', async () => {
		const wmf = await startFaultProxy( { target: wiki.url } );
		try {
			wmf.inject( { match: { action: 'edit' }, times: 1, fault: { kind: 'api-error', code: 'maxlag' } } );
			const { res, text } = await attempt( `${ wmf.url }/api.php`, form( { action: 'edit', maxlag: '5', format: 'json', formatversion: '2', origin: '*' } ) );
			expect( res?.headers.get( 'retry-after' ) ).toBe( '5' );
			expect( res?.headers.get( 'x-database-lag' ) ).toBe( '7' );
			expect( res?.headers.get( 'access-control-allow-origin' ) ).toBe( '*' );
			const body = JSON.parse( text ?? '' );
			expect( body.error ).toMatchObject( { code: 'maxlag', info: 'Waiting for 127.0.0.1: 7 seconds lagged.', host: '127.0.0.1', lag: 7, type: 'db' } );
			expect( body.error.docref ).toMatch( /^See http:\/\/127\.0\.0\.1:\d+\/api\.php for API usage\./ );
			expect( typeof body.servedby ).toBe( 'string' );
			expect( wmf.log.map( ( r ) => r.upstreamStatus ) ).toEqual( [ null ] );
		} finally {
			await wmf.close();
		}
	} );

	it( 'injects ratelimited and readonly with a Retry-After when asked', async () => {
		proxy.inject( { match: { action: 'edit' }, times: 1, fault: { kind: 'api-error', code: 'ratelimited', retryAfter: 30 } } );
		const limited = await attempt( `${ proxy.url }/api.php`, form( { action: 'edit', format: 'json', formatversion: '2' } ) );
		expect( limited.res?.headers.get( 'retry-after' ) ).toBe( '30' );
		expect( JSON.parse( limited.text ?? '' ).error.code ).toBe( 'ratelimited' );
		proxy.inject( { match: { action: 'edit' }, times: 1, fault: { kind: 'api-error', code: 'readonly' } } );
		const readonly = await attempt( `${ proxy.url }/api.php`, form( { action: 'edit', format: 'json', formatversion: '2' } ) );
		expect( readonly.res?.headers.get( 'retry-after' ) ).toBeNull();
		expect( JSON.parse( readonly.text ?? '' ).error ).toMatchObject( { code: 'readonly', readonlyreason: expect.any( String ) } );
	} );
} );

/**
 * @param value A JSON value
 * @return Its shape: keys in order, recursively
 */
function keysOf( value: unknown ): unknown {
	if ( Array.isArray( value ) ) {
		return value.map( keysOf );
	}
	if ( value && typeof value === 'object' ) {
		return Object.entries( value ).map( ( [ k, v ] ) => [ k, keysOf( v ) ] );
	}
	return typeof value;
}

describe( 'error bodies (no wiki needed)', () => {
	// Answers of a MediaWiki 1.43.9 wiki ($wgReadOnly = "Test lock"; an edit rate limit of
	// 1 per 600 s) recorded while writing the proxy; the docref host is the wiki's own.
	const docref = 'See http://127.0.0.1:45923/api.php for API usage. Subscribe to the mediawiki-api-announce mailing list at &lt;https://lists.wikimedia.org/postorius/lists/mediawiki-api-announce.lists.wikimedia.org/&gt; for notice of API deprecations and breaking changes.';
	const recorded = [
		{
			code: 'readonly', params: { action: 'edit', formatversion: '2' },
			body: { error: { code: 'readonly', info: 'The wiki is currently in read-only mode.', readonlyreason: 'Test lock', docref } },
		},
		{
			code: 'readonly', params: { action: 'edit', formatversion: '1' },
			body: { error: { code: 'readonly', info: 'The wiki is currently in read-only mode.', readonlyreason: 'Test lock', '*': docref } },
		},
		{
			code: 'readonly', params: { action: 'edit', formatversion: '2', errorformat: 'plaintext' },
			body: { errors: [ { code: 'readonly', text: 'The wiki is currently in read-only mode.', data: { readonlyreason: 'Test lock' }, module: 'main' } ], docref },
		},
		{
			code: 'ratelimited', params: { action: 'edit', formatversion: '2' },
			body: { error: { code: 'ratelimited', info: 'You\'ve exceeded your rate limit. Please wait some time and try again.', docref } },
		},
		{
			code: 'ratelimited', params: { action: 'edit', formatversion: '1' },
			body: { error: { code: 'ratelimited', info: 'You\'ve exceeded your rate limit. Please wait some time and try again.', '*': docref } },
		},
		{
			code: 'ratelimited', params: { action: 'edit', formatversion: '2', errorformat: 'plaintext' },
			body: { errors: [ { code: 'ratelimited', text: 'You\'ve exceeded your rate limit. Please wait some time and try again.', module: 'edit' } ], docref },
		},
		{
			code: 'badtoken', params: { action: 'edit', formatversion: '1', errorformat: 'plaintext' },
			body: { errors: [ { code: 'badtoken', module: 'edit', '*': 'Invalid CSRF token.' } ], '*': docref },
		},
		{
			code: 'assertuserfailed', params: { action: 'query', formatversion: '2', errorformat: 'html' },
			body: { errors: [ { code: 'assertuserfailed', html: 'You are no longer logged in, so the action could not be completed.', module: 'main' } ], docref },
		},
	] as const;

	it.each( recorded )( '$code with $params', async ( { code, params, body } ) => {
		// Through a proxy whose target is that recorded wiki's address (never contacted).
		const fake = await startFaultProxy( { target: 'http://127.0.0.1:45923', showHostnames: false, readOnlyReason: 'Test lock' } );
		try {
			fake.inject( { match: {}, times: 1, fault: { kind: 'api-error', code } } );
			const res = await fetch( `${ fake.url }/api.php`, form( { format: 'json', ...params } ) );
			expect( await res.text() ).toBe( JSON.stringify( body ) );
		} finally {
			await fake.close();
		}
	} );

	it( 'exposes the pieces it is built from', () => {
		expect( parseMultipart( Buffer.from( '--b\r\nContent-Disposition: form-data; name="a"\r\n\r\nx\r\n--b--\r\n' ), 'b' ) ).toEqual( { a: 'x' } );
		expect( requestParams( '/api.php?action=query&x=1', { 'content-type': 'application/x-www-form-urlencoded' }, Buffer.from( 'x=2' ) ) )
			.toEqual( { action: 'query', x: '2' } );
		expect( apiErrorBody( { key: 'apierror-badtoken', params: [], text: 'Invalid CSRF token.', data: null, module: 'edit' }, { errorformat: 'none', formatversion: '2' }, 'http://w/api.php', 'host' ) )
			.toEqual( { errors: [ { code: 'badtoken', module: 'edit' } ], docref: expect.stringMatching( /^See http:\/\/w\/api\.php/ ), servedby: 'host' } );
	} );
} );
