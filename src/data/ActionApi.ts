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
	/** A write (POST) with a CSRF token fetched and cached by the implementation. */
	postWithEditToken( params: ApiParams ): Promise<ApiResponse>;
}

/**
 * One error type for every failure, with the API's error code where there is one,
 * or 'http' / 'network' for transport failures.
 */
export class ApiError extends Error {
	public readonly code: string;

	public readonly status: number | undefined;

	public readonly response: ApiResponse | undefined;

	/**
	 * @param code API error code, or 'http' / 'network'
	 * @param message Human-readable detail (from the API; untrusted, plain text only)
	 * @param status HTTP status where known
	 * @param response The full answer where there is one
	 */
	public constructor( code: string, message: string, status?: number, response?: ApiResponse ) {
		super( message || code );
		this.name = 'ApiError';
		this.code = code;
		this.status = status;
		this.response = response;
	}
}

/**
 * @param response An answer in formatversion=2
 * @return The first error in it, if any
 */
export function errorFromResponse( response: ApiResponse ): ApiError | null {
	if ( response && Array.isArray( response.errors ) && response.errors.length ) {
		const first = response.errors[ 0 ];
		return new ApiError( String( first.code ), String( first.text ?? first.info ?? '' ), undefined, response );
	}
	if ( response && response.error ) {
		return new ApiError( String( response.error.code ), String( response.error.info ?? '' ), undefined, response );
	}
	return null;
}
