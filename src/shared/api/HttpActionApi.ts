import axios, { AxiosInstance } from 'axios';
import { ActionApi, ApiError, ApiParams, ApiResponse, errorFromResponse, parseRetryAfter } from './ActionApi';

export interface HttpActionApiOptions {
	/** Milliseconds one request may take before it fails with code 'timeout' (default 60 s). */
	timeoutMs?: number;
}

/**
 * ActionApi over HTTP: the one client of Node tooling (the wiki harness, deploy, seed,
 * benchmark) and tests. Keeps its own cookies, so it can log in (bot password or
 * clientlogin), and uploads files.
 */
export class HttpActionApi implements ActionApi {
	private readonly url: string;

	private readonly http: AxiosInstance;

	private readonly cookies = new Map<string, string>();

	private csrfToken: string | null = null;

	/**
	 * @param url The wiki's api.php URL
	 * @param userAgent Sent with every request, as Wikimedia's API etiquette asks
	 * @param options Transport options
	 */
	public constructor( url: string, userAgent = 'Partnerships-tooling/0.1', options: HttpActionApiOptions = {} ) {
		this.url = url;
		this.http = axios.create( {
			timeout: options.timeoutMs ?? 60000,
			headers: { 'User-Agent': userAgent },
			validateStatus: () => true,
		} );
	}

	public get( params: ApiParams ): Promise<ApiResponse> {
		return this.request( 'GET', params );
	}

	public postWithEditToken( params: ApiParams ): Promise<ApiResponse> {
		return this.withEditToken( ( token ) => this.post( { ...params, token } ) );
	}

	/**
	 * Upload a file (action=upload, sent as multipart/form-data), with a CSRF token as
	 * postWithEditToken has.
	 *
	 * @param params filename, text, comment, ignorewarnings and the other upload parameters
	 * @param file The file's content
	 * @return The answer
	 */
	public upload( params: ApiParams & { filename: string }, file: Blob ): Promise<ApiResponse> {
		return this.withEditToken( ( token ) => this.request( 'POST', { ...params, action: 'upload', token }, file ) );
	}

	/**
	 * A plain POST (no token added).
	 *
	 * @param params Parameters
	 * @return The answer
	 */
	public post( params: ApiParams ): Promise<ApiResponse> {
		return this.request( 'POST', params );
	}

	/**
	 * Log in with a bot password (Special:BotPasswords), the documented way for tools.
	 *
	 * @param username e.g. "Admin@deploy"
	 * @param password The bot password
	 */
	public async login( username: string, password: string ): Promise<void> {
		const token = await this.token( 'login' );
		const answer = await this.post( { action: 'login', lgname: username, lgpassword: password, lgtoken: token } );
		if ( !answer.login || answer.login.result !== 'Success' ) {
			throw new ApiError( 'login-failed', String( answer.login && ( answer.login.reason || answer.login.result ) ) );
		}
		this.csrfToken = null;
	}

	/**
	 * Log in with an account's own password (action=clientlogin), as a person would.
	 *
	 * @param username Account name
	 * @param password Its password
	 */
	public async clientLogin( username: string, password: string ): Promise<void> {
		const token = await this.token( 'login' );
		const answer = await this.post( {
			action: 'clientlogin',
			username,
			password,
			logintoken: token,
			loginreturnurl: 'http://127.0.0.1/',
		} );
		if ( !answer.clientlogin || answer.clientlogin.status !== 'PASS' ) {
			throw new ApiError( 'login-failed', String( answer.clientlogin && ( answer.clientlogin.message || answer.clientlogin.status ) ) );
		}
		this.csrfToken = null;
	}

	/**
	 * @param type Token type, e.g. 'csrf' or 'login'
	 * @return A fresh token
	 */
	public async token( type: string ): Promise<string> {
		const answer = await this.get( { action: 'query', meta: 'tokens', type } );
		return String( answer.query.tokens[ `${ type }token` ] );
	}

	/**
	 * Send with the cached CSRF token; on badtoken, once more with a fresh one.
	 *
	 * @param send Sends the request with a token
	 * @return The answer
	 */
	private async withEditToken( send: ( token: string ) => Promise<ApiResponse> ): Promise<ApiResponse> {
		if ( this.csrfToken === null ) {
			this.csrfToken = await this.token( 'csrf' );
		}
		try {
			return await send( this.csrfToken );
		} catch ( e ) {
			if ( e instanceof ApiError && e.code === 'badtoken' ) {
				this.csrfToken = await this.token( 'csrf' );
				return send( this.csrfToken );
			}
			throw e;
		}
	}

	/**
	 * Keep the cookies an answer sets, and drop those it expires (as a logout does).
	 *
	 * @param lines The answer's Set-Cookie headers
	 */
	private storeCookies( lines: string[] ): void {
		for ( const line of lines ) {
			const [ pair, ...attributes ] = line.split( ';' ).map( ( part ) => part.trim() );
			const eq = pair.indexOf( '=' );
			const name = pair.slice( 0, eq ).trim();
			const value = pair.slice( eq + 1 ).trim();
			const attribute = ( prefix: string ): string | undefined => {
				const found = attributes.find( ( a ) => a.toLowerCase().startsWith( prefix ) );
				return found && found.slice( prefix.length );
			};
			const expires = attribute( 'expires=' );
			const maxAge = attribute( 'max-age=' );
			if ( value === 'deleted' || ( expires !== undefined && Date.parse( expires ) < Date.now() ) ||
				( maxAge !== undefined && Number( maxAge ) <= 0 ) ) {
				this.cookies.delete( name );
			} else {
				this.cookies.set( name, value );
			}
		}
	}

	private async request( method: 'GET' | 'POST', params: ApiParams, file?: Blob ): Promise<ApiResponse> {
		const body = new URLSearchParams();
		const all: ApiParams = { format: 'json', formatversion: 2, ...params };
		for ( const [ key, value ] of Object.entries( all ) ) {
			if ( value === undefined || value === false ) {
				continue;
			}
			body.set( key, Array.isArray( value ) ? value.join( '|' ) : value === true ? '1' : String( value ) );
		}
		const headers: Record<string, string> = {};
		if ( this.cookies.size ) {
			headers.Cookie = [ ...this.cookies ].map( ( [ k, v ] ) => `${ k }=${ v }` ).join( '; ' );
		}
		let res;
		try {
			if ( method === 'GET' ) {
				res = await this.http.get( `${ this.url }?${ body }`, { headers } );
			} else if ( file ) {
				// axios sets the multipart boundary itself.
				const form = new FormData();
				for ( const [ key, value ] of body ) {
					form.set( key, value );
				}
				form.set( 'file', file, String( params.filename ?? 'file' ) );
				res = await this.http.post( this.url, form, { headers } );
			} else {
				res = await this.http.post( this.url, body.toString(), {
					headers: { ...headers, 'Content-Type': 'application/x-www-form-urlencoded' },
				} );
			}
		} catch ( e ) {
			const message = e instanceof Error ? e.message : String( e );
			if ( axios.isAxiosError( e ) && ( e.code === 'ECONNABORTED' || e.code === 'ETIMEDOUT' ) ) {
				throw new ApiError( 'timeout', message );
			}
			throw new ApiError( 'network', message );
		}
		this.storeCookies( ( res.headers[ 'set-cookie' ] as string[] | undefined ) ?? [] );
		const retryAfter = parseRetryAfter( res.headers[ 'retry-after' ] as string | undefined );
		if ( res.status >= 400 ) {
			// As mw.Api does: any non-2xx answer is an 'http' error with its status.
			throw new ApiError( 'http', `HTTP ${ res.status }`, res.status, undefined, retryAfter );
		}
		const data = res.data as ApiResponse;
		if ( typeof data !== 'object' || data === null ) {
			throw new ApiError( 'invalid-response', 'Not a JSON answer', res.status );
		}
		const error = errorFromResponse( data, retryAfter );
		if ( error ) {
			throw error;
		}
		return data;
	}
}
