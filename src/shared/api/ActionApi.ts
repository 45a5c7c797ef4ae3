/**
 * The MediaWiki Action API as the rest of the code sees it: native promises,
 * formatversion=2 answers, and one error type. Implemented over mw.Api in the page
 * (MwActionApi) and over HTTP in Node tooling and tests (HttpActionApi).
 */

export type ApiValue = string | number | boolean | string[] | undefined;
export type ApiParams = Record<string, ApiValue>;
// Answers are untrusted data; callers check what they read.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type ApiResponse = Record<string, any>;

export interface ActionApi {
	/** A read (GET). */
	get( params: ApiParams ): Promise<ApiResponse>;
	/**
	 * A write (POST) with a CSRF token fetched and cached by the implementation. On
	 * `badtoken` the implementation fetches a fresh token and tries once more (callers
	 * never retry badtoken themselves).
	 */
	postWithEditToken( params: ApiParams ): Promise<ApiResponse>;
}

/** The default time one request may take before it fails with code 'timeout'. */
export const DEFAULT_TIMEOUT_MS = 30000;

/**
 * One error type for every failure, with the API's error code where there is one,
 * or a transport code: 'http' (a non-2xx answer, or no answer at all when status is
 * undefined), 'network', 'timeout'.
 */
export class ApiError extends Error {
	public readonly code: string;

	public readonly status: number | undefined;

	public readonly response: ApiResponse | undefined;

	/** Seconds the server asked us to wait (Retry-After, or the lag of a maxlag error). */
	public readonly retryAfter: number | undefined;

	/**
	 * @param code API error code, or 'http' / 'network' / 'timeout'
	 * @param message Human-readable detail (from the API; untrusted, plain text only)
	 * @param status HTTP status where known
	 * @param response The full answer where there is one
	 * @param retryAfter Seconds to wait before trying again, where the server said
	 */
	public constructor(
		code: string,
		message: string,
		status?: number,
		response?: ApiResponse,
		retryAfter?: number,
	) {
		super( message || code );
		this.name = 'ApiError';
		this.code = code;
		this.status = status;
		this.response = response;
		this.retryAfter = retryAfter;
	}
}

/**
 * @param header A Retry-After header: delay in seconds, or an HTTP date
 * @param now The current time in milliseconds (for HTTP dates)
 * @return Seconds to wait, or undefined when there is no usable header
 */
export function parseRetryAfter( header: string | null | undefined, now = Date.now() ): number | undefined {
	if ( typeof header !== 'string' || header.trim() === '' ) {
		return undefined;
	}
	const text = header.trim();
	if ( /^\d+(\.\d+)?$/.test( text ) ) {
		return Number( text );
	}
	const date = Date.parse( text );
	return Number.isNaN( date ) ? undefined : Math.max( 0, ( date - now ) / 1000 );
}

function lagOf( error: ApiResponse | undefined ): number | undefined {
	const lag = error && ( error.lag ?? ( error.data && error.data.lag ) );
	return typeof lag === 'number' && lag >= 0 ? lag : undefined;
}

/**
 * @param response An answer in formatversion=2
 * @param retryAfter Seconds from the answer's Retry-After header, if any
 * @return The first error in it, if any
 */
export function errorFromResponse( response: ApiResponse, retryAfter?: number ): ApiError | null {
	if ( response && Array.isArray( response.errors ) && response.errors.length ) {
		const first = response.errors[ 0 ];
		return new ApiError(
			String( first.code ),
			String( first.text ?? first.info ?? '' ),
			undefined,
			response,
			retryAfter ?? lagOf( first ),
		);
	}
	if ( response && response.error ) {
		return new ApiError(
			String( response.error.code ),
			String( response.error.info ?? '' ),
			undefined,
			response,
			retryAfter ?? lagOf( response.error ),
		);
	}
	return null;
}
