import type { UnknownApiParams } from 'types-mediawiki-api';
import { ActionApi, ApiError, ApiParams, ApiResponse, DEFAULT_TIMEOUT_MS, parseRetryAfter } from './ActionApi';

export interface MwActionApiOptions {
	/** Milliseconds one request may take before it fails with code 'timeout'. */
	timeoutMs?: number;
}

type Xhr = { status?: number; getResponseHeader?: ( name: string ) => string | null };

function retryAfterOf( xhr: Xhr | undefined ): number | undefined {
	try {
		return xhr && typeof xhr.getResponseHeader === 'function' ?
			parseRetryAfter( xhr.getResponseHeader( 'Retry-After' ) ) :
			undefined;
	} catch {
		// Reading headers of a failed cross-origin request can throw.
		return undefined;
	}
}

/**
 * ActionApi over an mw.Api (or mw.ForeignApi) instance: jQuery promises become
 * native ones here, at the edge, and errors become ApiError.
 */
export class MwActionApi implements ActionApi {
	private readonly api: mw.Api;

	private readonly timeoutMs: number;

	/**
	 * @param api A configured mw.Api or mw.ForeignApi
	 * @param options Transport options
	 */
	public constructor( api: mw.Api, options: MwActionApiOptions = {} ) {
		this.api = api;
		this.timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
	}

	public get( params: ApiParams ): Promise<ApiResponse> {
		return this.wrap( this.api.get(
			{ formatversion: 2, ...params } as UnknownApiParams,
			{ timeout: this.timeoutMs },
		) );
	}

	/**
	 * mw.Api.postWithEditToken already retries once with a fresh token on `badtoken`,
	 * so nothing here (or above) retries it again.
	 *
	 * @param params Parameters
	 * @return The answer
	 */
	public postWithEditToken( params: ApiParams ): Promise<ApiResponse> {
		return this.wrap( this.api.postWithEditToken(
			{ formatversion: 2, ...params } as UnknownApiParams,
			{ timeout: this.timeoutMs },
		) );
	}

	private wrap( promise: JQuery.Promise<ApiResponse> ): Promise<ApiResponse> {
		return new Promise( ( resolve, reject ) => {
			promise.then(
				( data: ApiResponse ) => resolve( data ),
				// mw.Api rejects with ( code, result, result, jqXHR ) for API errors and
				// with ( 'http', { xhr, textStatus, exception } ) for transport failures.
				( code: string, result: ApiResponse, _result2?: unknown, jqXHR?: Xhr ) => {
					reject( MwActionApi.toError( String( code ), result, jqXHR ) );
				},
			);
		} );
	}

	/**
	 * @param code What mw.Api rejected with
	 * @param result Its second argument
	 * @param jqXHR Its fourth argument (API errors only)
	 * @return The same failure as an ApiError
	 */
	public static toError( code: string, result: ApiResponse | undefined, jqXHR?: Xhr ): ApiError {
		const xhr: Xhr | undefined = ( result && result.xhr ) || jqXHR;
		const status = xhr && typeof xhr.status === 'number' && xhr.status > 0 ? xhr.status : undefined;
		const headerDelay = retryAfterOf( xhr );
		if ( code === 'http' ) {
			const textStatus = result && result.textStatus;
			if ( textStatus === 'timeout' ) {
				return new ApiError( 'timeout', 'timeout', status, result, headerDelay );
			}
			return new ApiError( 'http', String( textStatus || ( status ? `HTTP ${ status }` : 'http' ) ), status, result, headerDelay );
		}
		const error = result && ( result.error || ( Array.isArray( result.errors ) && result.errors[ 0 ] ) );
		const lag = error && ( error.lag ?? ( error.data && error.data.lag ) );
		return new ApiError(
			code,
			String( ( error && ( error.info || error.text ) ) || ( result && result.textStatus ) || code ),
			status,
			result,
			headerDelay ?? ( typeof lag === 'number' ? lag : undefined ),
		);
	}
}
