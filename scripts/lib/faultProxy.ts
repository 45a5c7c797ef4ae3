// A fault-injecting HTTP proxy on loopback, in front of a real wiki. Everything is
// forwarded (a browser can use the wiki entirely through it) until a test injects a
// fault: an HTTP error, a request held until it times out, a dropped connection, an
// edit that lands but whose answer is lost, or an Action API error shaped exactly like
// MediaWiki 1.43's own (see the shapes below: each was checked against a real 1.43
// wiki, MediaWiki's ApiMain.php and ApiErrorFormatter.php).
//
// One file (over 400 lines) because the error shapes, the request decoding and the proxy
// that serves them are one contract, checked together by tests/wiki/faultProxy.test.ts.
import http, { IncomingHttpHeaders, IncomingMessage, ServerResponse } from 'node:http';
import { AddressInfo, Socket } from 'node:net';
import { hostname } from 'node:os';

export type ApiErrorCode = 'maxlag' | 'ratelimited' | 'readonly' | 'badtoken' | 'assertuserfailed';

export type Fault =
	/** Answer with this status without forwarding (what an overloaded front end does). */
	{ kind: 'http'; status: 500 | 502 | 503 | 429; retryAfter?: number } |
	/** Hold the request without answering for `ms`, then close the connection. */
	{ kind: 'timeout'; ms: number } |
	/** Close the connection before forwarding: the wiki never sees the request. */
	{ kind: 'drop' } |
	/** Forward (the edit really happens), then close the connection without answering. */
	{ kind: 'drop-after-forward' } |
	/** Answer 200 with the Action API's own error for `code`, without forwarding. */
	{ kind: 'api-error'; code: ApiErrorCode; retryAfter?: number };

export interface FaultRule {
	match: {
		method?: 'GET' | 'POST';
		/** The api.php `action` parameter, from the query string or the POST body */
		action?: string;
		/** Tested against the path and query string, e.g. /\/load\.php/ */
		path?: RegExp;
	};
	/** How many matching requests to affect; the rule is spent after that */
	times: number;
	fault: Fault;
}

export interface ProxiedRequest {
	method: string;
	/** Path and query string as the client asked */
	url: string;
	/** api.php requests: the action parameter */
	action: string | null;
	/**
	 * api.php requests: every parameter, query string and body merged as PHP does (the
	 * body wins); files in multipart bodies as "[file name, N bytes]". Null otherwise.
	 */
	params: Record<string, string> | null;
	/** The status the client got; null when it got no answer */
	status: number | null;
	/** The status the wiki answered; null when the request was not forwarded */
	upstreamStatus: number | null;
	/** The fault applied, if any */
	fault: Fault | null;
	/** Milliseconds from the request's arrival until it was answered or dropped */
	ms: number;
}

export interface FaultProxy {
	/** http://127.0.0.1:PORT, to use in place of the wiki's URL */
	url: string;
	inject( rule: FaultRule ): void;
	/** Forget every rule (spent or not); the log is kept */
	clear(): void;
	/** Every request so far, in order of arrival */
	log: ProxiedRequest[];
	/** Rules not yet spent, with the times left */
	pending(): FaultRule[];
	close(): Promise<void>;
}

export interface FaultProxyOptions {
	/** The wiki, e.g. http://127.0.0.1:PORT */
	target: string;
	/**
	 * Answer as a wiki with $wgShowHostnames (as Wikimedia's are): maxlag errors name the
	 * lagged host and every error carries `servedby`. Default true.
	 */
	showHostnames?: boolean;
	/** Replication lag reported by maxlag errors, in seconds. Default 7. */
	lag?: number;
	/** `readonlyreason` of readonly errors ($wgReadOnly). */
	readOnlyReason?: string;
}

/** Headers that belong to one connection, never forwarded (RFC 9110 section 7.6.1). */
const HOP_BY_HOP = new Set( [
	'connection', 'keep-alive', 'proxy-connection', 'proxy-authenticate', 'proxy-authorization',
	'te', 'trailer', 'transfer-encoding', 'upgrade',
] );

const API_PATH = /(^|\/)api\.php$/;

// Messages from MediaWiki 1.43 (includes/api/i18n/en.json).
const DOCREF_MAILING_LIST = 'Subscribe to the mediawiki-api-announce mailing list at ' +
	'&lt;https://lists.wikimedia.org/postorius/lists/mediawiki-api-announce.lists.wikimedia.org/&gt; ' +
	'for notice of API deprecations and breaking changes.';

export interface ErrorMessage {
	key: string;
	params: ( string | number )[];
	text: string;
	data: Record<string, unknown> | null;
	/** Module path in errorformat≠bc answers: 'main' for checks ApiMain makes itself */
	module: string;
}

/**
 * @param code The error
 * @param action The request's action (the module that fails for module-level errors)
 * @param options Proxy options
 * @return The message as ApiMain/ApiBase raise it
 */
function errorMessage( code: ApiErrorCode, action: string, options: Required<Omit<FaultProxyOptions, 'target'>> ): ErrorMessage {
	switch ( code ) {
		case 'maxlag': {
			// ApiMain::checkMaxLag(): 'apierror-maxlag' with $wgShowHostnames, else '-generic';
			// the lag info is the error's data either way.
			const lag = options.lag;
			const seconds = `${ lag } ${ lag === 1 ? 'second' : 'seconds' }`;
			const host = '127.0.0.1';
			return options.showHostnames ?
				{ key: 'apierror-maxlag', params: [ lag, host ], text: `Waiting for ${ host }: ${ seconds } lagged.`, data: { host, lag, type: 'db' }, module: 'main' } :
				{ key: 'apierror-maxlag-generic', params: [ lag ], text: `Waiting for a database server: ${ seconds } lagged.`, data: { host, lag, type: 'db' }, module: 'main' };
		}
		case 'readonly':
			// ApiMain::checkReadOnly() → ApiBase::dieReadOnly()
			return {
				key: 'apierror-readonly', params: [], text: 'The wiki is currently in read-only mode.',
				data: { readonlyreason: options.readOnlyReason }, module: 'main',
			};
		case 'assertuserfailed':
			// ApiMain::checkAsserts()
			return {
				key: 'apierror-assertuserfailed', params: [],
				text: 'You are no longer logged in, so the action could not be completed.', data: null, module: 'main',
			};
		case 'badtoken':
			// ApiMain::setupModule(): $module->dieWithError( 'apierror-badtoken' )
			return { key: 'apierror-badtoken', params: [], text: 'Invalid CSRF token.', data: null, module: action || 'main' };
		case 'ratelimited':
			// ApiBase::$messageMap 'actionthrottledtext' → 'apierror-ratelimited', raised by the module
			return {
				key: 'apierror-ratelimited', params: [],
				text: 'You\'ve exceeded your rate limit. Please wait some time and try again.', data: null, module: action || 'main',
			};
	}
}

/**
 * The body MediaWiki 1.43 answers for an error, in the request's formatversion and
 * errorformat (ApiMain::substituteResultWithError, ApiErrorFormatter(_BackCompat)).
 *
 * @param message The error
 * @param params The request's parameters
 * @param docrefApi The wiki's api.php URL, as the docref names it
 * @param servedBy Host name for `servedby`, or null without $wgShowHostnames
 * @return The answer's JSON value
 */
export function apiErrorBody(
	message: ErrorMessage,
	params: Record<string, string>,
	docrefApi: string,
	servedBy: string | null,
): Record<string, unknown> {
	const fv2 = params.formatversion === '2' || params.formatversion === 'latest';
	const docref = `See ${ docrefApi } for API usage. ${ DOCREF_MAILING_LIST }`;
	const format = params.errorformat ?? 'bc';
	let body: Record<string, unknown>;
	if ( format === 'bc' || ![ 'plaintext', 'wikitext', 'html', 'raw', 'none' ].includes( format ) ) {
		// Unknown errorformat values are refused by the real API with another error;
		// answering in bc is the closest harmless thing.
		body = {
			error: {
				code: errorCode( message ),
				info: message.text,
				...message.data,
				[ fv2 ? 'docref' : '*' ]: docref,
			},
		};
	} else {
		const error: Record<string, unknown> = { code: errorCode( message ) };
		let content: string | null = null;
		if ( format === 'plaintext' || format === 'wikitext' ) {
			content = 'text';
			error.text = message.text;
		} else if ( format === 'html' ) {
			content = 'html';
			error.html = message.text;
		} else if ( format === 'raw' ) {
			error.key = message.key;
			error.params = message.params;
		}
		if ( message.data ) {
			error.data = message.data;
		}
		error.module = message.module;
		if ( !fv2 && content !== null ) {
			// formatversion=1 moves the content to '*', after the other keys.
			const value = error[ content ];
			delete error[ content ];
			error[ '*' ] = value;
		}
		body = { errors: [ error ], [ fv2 ? 'docref' : '*' ]: docref };
	}
	if ( servedBy !== null ) {
		body.servedby = servedBy;
	}
	return body;
}

function errorCode( message: ErrorMessage ): string {
	return {
		'apierror-maxlag': 'maxlag',
		'apierror-maxlag-generic': 'maxlag',
		'apierror-readonly': 'readonly',
		'apierror-assertuserfailed': 'assertuserfailed',
		'apierror-badtoken': 'badtoken',
		'apierror-ratelimited': 'ratelimited',
	}[ message.key ] ?? message.key;
}

/**
 * Parse a multipart/form-data body. Text fields become strings; files are summarised.
 *
 * @param body The raw body
 * @param boundary The boundary from the Content-Type header
 * @return Fields by name
 */
export function parseMultipart( body: Buffer, boundary: string ): Record<string, string> {
	const out: Record<string, string> = {};
	const delimiter = Buffer.from( `--${ boundary }` );
	let start = body.indexOf( delimiter );
	while ( start !== -1 ) {
		let partStart = start + delimiter.length;
		if ( body.subarray( partStart, partStart + 2 ).toString() === '--' ) {
			break;
		}
		partStart += 2; // CRLF after the delimiter
		const next = body.indexOf( delimiter, partStart );
		if ( next === -1 ) {
			break;
		}
		const part = body.subarray( partStart, next - 2 ); // CRLF before the next delimiter
		const headerEnd = part.indexOf( '\r\n\r\n' );
		if ( headerEnd !== -1 ) {
			const headers = part.subarray( 0, headerEnd ).toString( 'utf8' );
			const content = part.subarray( headerEnd + 4 );
			const disposition = /^content-disposition:(.*)$/im.exec( headers )?.[ 1 ] ?? '';
			const name = /\bname="([^"]*)"/i.exec( disposition )?.[ 1 ];
			const filename = /\bfilename="([^"]*)"/i.exec( disposition )?.[ 1 ];
			if ( name !== undefined ) {
				out[ name ] = filename === undefined ? content.toString( 'utf8' ) : `[file ${ filename }, ${ content.length } bytes]`;
			}
		}
		start = next;
	}
	return out;
}

/**
 * @param url Path and query string
 * @param headers Request headers
 * @param body Request body
 * @return Parameters as PHP's $_POST + $_GET (the body wins)
 */
export function requestParams( url: string, headers: IncomingHttpHeaders, body: Buffer ): Record<string, string> {
	const params: Record<string, string> = Object.fromEntries( new URL( url, 'http://x' ).searchParams );
	const type = headers[ 'content-type' ] ?? '';
	if ( /^application\/x-www-form-urlencoded/i.test( type ) ) {
		Object.assign( params, Object.fromEntries( new URLSearchParams( body.toString( 'utf8' ) ) ) );
	} else if ( /^multipart\/form-data/i.test( type ) ) {
		const boundary = /boundary=(?:"([^"]+)"|([^;\s]+))/i.exec( type );
		if ( boundary ) {
			Object.assign( params, parseMultipart( body, boundary[ 1 ] ?? boundary[ 2 ] ) );
		}
	}
	return params;
}

function readBody( req: IncomingMessage ): Promise<Buffer> {
	return new Promise( ( resolve, reject ) => {
		const chunks: Buffer[] = [];
		req.on( 'data', ( c: Buffer ) => chunks.push( c ) );
		req.on( 'end', () => resolve( Buffer.concat( chunks ) ) );
		req.on( 'error', reject );
	} );
}

/**
 * Answer an HTTP error page, as an overloaded front end would.
 *
 * @param req The request
 * @param res Its response
 * @param fault The fault
 * @param params api.php parameters, or null
 */
function respondHttpError(
	req: IncomingMessage, res: ServerResponse, fault: Fault & { kind: 'http' }, params: Record<string, string> | null,
): void {
	const text = `<!DOCTYPE html>\n<html lang="en"><meta charset="utf-8"><title>Error ${ fault.status }</title>` +
		`<p>HTTP ${ fault.status }: injected by the fault proxy.</p></html>\n`;
	const headers: http.OutgoingHttpHeaders = {
		'content-type': 'text/html; charset=utf-8',
		'content-length': Buffer.byteLength( text ),
		'cache-control': 'private, s-maxage=0, max-age=0, must-revalidate',
	};
	if ( fault.retryAfter !== undefined ) {
		headers[ 'retry-after' ] = String( fault.retryAfter );
	}
	if ( params?.origin === '*' ) {
		headers[ 'access-control-allow-origin' ] = '*';
	}
	res.writeHead( fault.status, headers );
	res.end( req.method === 'HEAD' ? undefined : text );
}

/**
 * Send a request on to the wiki, with its own Host.
 *
 * @param target The wiki
 * @param req The client's request
 * @param body Its body, read already
 * @return The wiki's response, its body not yet read
 */
function forward( target: URL, req: IncomingMessage, body: Buffer ): Promise<IncomingMessage> {
	const headers: http.OutgoingHttpHeaders = {};
	for ( const [ name, value ] of Object.entries( req.headers ) ) {
		if ( !HOP_BY_HOP.has( name ) && value !== undefined ) {
			headers[ name ] = value;
		}
	}
	headers.host = target.host;
	if ( body.length || ( req.method !== 'GET' && req.method !== 'HEAD' ) ) {
		headers[ 'content-length' ] = String( body.length );
	}
	return new Promise( ( resolve, reject ) => {
		const upstream = http.request( {
			host: target.hostname,
			port: target.port,
			method: req.method,
			path: req.url,
			headers,
			agent: false,
		}, resolve );
		upstream.on( 'error', reject );
		upstream.end( body );
	} );
}

function matches( rule: FaultRule, method: string, path: string, action: string | null ): boolean {
	const { match } = rule;
	return ( match.method === undefined || match.method === method ) &&
		( match.action === undefined || match.action === action ) &&
		( match.path === undefined || match.path.test( path ) );
}

/**
 * Start a proxy on 127.0.0.1 (a free port) in front of a wiki.
 *
 * @param options
 * @return The running proxy
 */
export async function startFaultProxy( options: FaultProxyOptions ): Promise<FaultProxy> {
	const target = new URL( options.target );
	const settings = {
		showHostnames: options.showHostnames ?? true,
		lag: options.lag ?? 7,
		readOnlyReason: options.readOnlyReason ?? 'The wiki is being upgraded (fault proxy).',
	};
	const servedBy = settings.showHostnames ? hostname() : null;
	let rules: FaultRule[] = [];
	const log: ProxiedRequest[] = [];
	const sockets = new Set<Socket>();
	const timers = new Set<NodeJS.Timeout>();
	let origin = '';

	const rewriteLocation = ( value: string ): string => value.startsWith( target.origin ) ?
		origin + value.slice( target.origin.length ) : value;
	// Cookies for the wiki's host name are the proxy's too (both are 127.0.0.1).
	const rewriteCookie = ( value: string ): string => value.split( ';' ).filter( ( attribute ) => {
		const [ name, domain ] = attribute.split( '=' ).map( ( part ) => part.trim().toLowerCase() );
		return name !== 'domain' || domain.replace( /^\./, '' ) !== target.hostname.toLowerCase();
	} ).join( ';' );

	const takeRule = ( method: string, path: string, action: string | null ): Fault | null => {
		const rule = rules.find( ( r ) => r.times > 0 && matches( r, method, path, action ) );
		if ( !rule ) {
			return null;
		}
		rule.times--;
		return rule.fault;
	};

	const respondError = (
		req: IncomingMessage, res: ServerResponse, fault: Fault & { kind: 'api-error' }, params: Record<string, string>,
	): void => {
		const message = errorMessage( fault.code, params.action ?? '', settings );
		const body = JSON.stringify( apiErrorBody( message, params, `${ target.origin }/api.php`, servedBy ) );
		const headers: http.OutgoingHttpHeaders = {
			'content-type': 'application/json; charset=utf-8',
			'cache-control': 'private, must-revalidate, max-age=0',
			'mediawiki-api-error': fault.code,
			'x-content-type-options': 'nosniff',
			'content-length': Buffer.byteLength( body ),
		};
		if ( fault.code === 'maxlag' ) {
			// ApiMain::checkMaxLag()
			const asked = Number.parseInt( params.maxlag ?? '0', 10 );
			headers[ 'retry-after' ] = String( fault.retryAfter ?? Math.max( Number.isNaN( asked ) ? 0 : asked, 5 ) );
			headers[ 'x-database-lag' ] = String( Math.trunc( settings.lag ) );
		} else if ( fault.retryAfter !== undefined ) {
			headers[ 'retry-after' ] = String( fault.retryAfter );
		}
		// ApiMain::handleCORS(): anonymous CORS with origin=*, or the page's own origin.
		const requestOrigin = req.headers.origin;
		if ( params.origin === '*' ) {
			headers[ 'access-control-allow-origin' ] = '*';
		} else if ( params.origin && params.origin === requestOrigin ) {
			headers[ 'access-control-allow-origin' ] = requestOrigin;
			headers[ 'access-control-allow-credentials' ] = 'true';
			headers.vary = 'Origin';
		}
		if ( headers[ 'access-control-allow-origin' ] ) {
			headers[ 'access-control-expose-headers' ] = 'MediaWiki-API-Error, Retry-After, X-Database-Lag, MediaWiki-Login-Suppressed';
		}
		res.writeHead( 200, headers );
		res.end( req.method === 'HEAD' ? undefined : body );
	};

	const copyHeaders = ( upstream: IncomingMessage ): http.OutgoingHttpHeaders => {
		const out: http.OutgoingHttpHeaders = {};
		for ( const [ name, value ] of Object.entries( upstream.headers ) ) {
			if ( HOP_BY_HOP.has( name ) || value === undefined ) {
				continue;
			}
			if ( name === 'location' && typeof value === 'string' ) {
				out[ name ] = rewriteLocation( value );
			} else if ( name === 'set-cookie' && Array.isArray( value ) ) {
				out[ name ] = value.map( rewriteCookie );
			} else {
				out[ name ] = value;
			}
		}
		return out;
	};

	const handle = async ( req: IncomingMessage, res: ServerResponse ): Promise<void> => {
		const t0 = Date.now();
		const method = req.method ?? 'GET';
		const url = req.url ?? '/';
		const body = await readBody( req );
		const path = new URL( url, 'http://x' ).pathname;
		const isApi = API_PATH.test( path );
		const params = isApi ? requestParams( url, req.headers, body ) : null;
		const action = params?.action ?? null;
		const fault = takeRule( method, url, action );
		const entry: ProxiedRequest = { method, url, action, params, status: null, upstreamStatus: null, fault, ms: 0 };
		log.push( entry );
		const done = (): void => {
			entry.ms = Date.now() - t0;
		};

		if ( fault?.kind === 'drop' ) {
			req.socket.destroy();
			done();
			return;
		}
		if ( fault?.kind === 'timeout' ) {
			const timer = setTimeout( () => {
				timers.delete( timer );
				req.socket.destroy();
				done();
			}, fault.ms );
			timers.add( timer );
			return;
		}
		if ( fault?.kind === 'http' ) {
			respondHttpError( req, res, fault, params );
			entry.status = fault.status;
			done();
			return;
		}
		if ( fault?.kind === 'api-error' ) {
			respondError( req, res, fault, params ?? {} );
			entry.status = 200;
			done();
			return;
		}

		let upstream: IncomingMessage;
		try {
			upstream = await forward( target, req, body );
		} catch ( e ) {
			const text = `Fault proxy: the wiki at ${ target.origin } did not answer (${ e instanceof Error ? e.message : String( e ) })\n`;
			if ( !res.headersSent && !res.destroyed ) {
				res.writeHead( 502, { 'content-type': 'text/plain; charset=utf-8', 'content-length': Buffer.byteLength( text ) } );
				res.end( text );
				entry.status = 502;
			}
			done();
			return;
		}
		entry.upstreamStatus = upstream.statusCode ?? null;

		if ( fault?.kind === 'drop-after-forward' ) {
			// Let the wiki finish its work (and its answer), then lose the answer.
			upstream.resume();
			upstream.on( 'end', () => {
				req.socket.destroy();
				done();
			} );
			upstream.on( 'error', () => {
				req.socket.destroy();
				done();
			} );
			return;
		}

		res.writeHead( upstream.statusCode ?? 502, upstream.statusMessage, copyHeaders( upstream ) );
		entry.status = upstream.statusCode ?? 502;
		upstream.pipe( res );
		upstream.on( 'end', done );
		res.on( 'close', () => {
			if ( !upstream.complete ) {
				upstream.destroy();
			}
		} );
	};

	const server = http.createServer( ( req, res ) => {
		handle( req, res ).catch( ( e ) => {
			if ( !res.headersSent && !res.destroyed ) {
				res.writeHead( 500, { 'content-type': 'text/plain; charset=utf-8' } );
				res.end( `Fault proxy error: ${ e instanceof Error ? e.message : String( e ) }\n` );
			} else {
				res.destroy();
			}
		} );
	} );
	server.on( 'connection', ( socket ) => {
		sockets.add( socket );
		socket.on( 'close', () => sockets.delete( socket ) );
	} );
	await new Promise<void>( ( resolve, reject ) => {
		server.once( 'error', reject );
		server.listen( 0, '127.0.0.1', () => resolve() );
	} );
	origin = `http://127.0.0.1:${ ( server.address() as AddressInfo ).port }`;

	return {
		url: origin,
		log,
		inject( rule ) {
			if ( !( rule.times > 0 ) ) {
				throw new Error( 'A fault rule needs times ≥ 1' );
			}
			rules.push( { match: { ...rule.match }, times: rule.times, fault: { ...rule.fault } } );
		},
		clear() {
			rules = [];
		},
		pending() {
			return rules.filter( ( r ) => r.times > 0 );
		},
		close() {
			for ( const timer of timers ) {
				clearTimeout( timer );
			}
			timers.clear();
			return new Promise<void>( ( resolve ) => {
				server.close( () => resolve() );
				for ( const socket of sockets ) {
					socket.destroy();
				}
			} );
		},
	};
}
