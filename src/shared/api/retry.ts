import { ApiError } from './ActionApi';

/** What a retry is told about. */
export interface RetryInfo {
	/** The attempt that just failed, from 1 */
	attempt: number;
	/** How long we wait before the next one */
	delayMs: number;
	/** Why it failed */
	error: unknown;
}

export interface RetryOptions {
	/** Attempts in all, the first included (default 4) */
	attempts?: number;
	/** Backoff before the first retry, doubled for each further one (default 500 ms) */
	baseDelayMs?: number;
	/** No wait is longer than this, whatever the server asks (default 30 s) */
	maxDelayMs?: number;
	/** Waits; tests pass a fake one */
	sleep?: ( ms: number ) => Promise<void>;
	/** A number in [0, 1), for jitter (default Math.random) */
	random?: () => number;
	/** Told before each wait */
	onRetry?: ( info: RetryInfo ) => void;
}

/** API error codes that mean "try again later": the request was not carried out. */
const RETRYABLE_CODES = new Set( [
	'maxlag',
	'ratelimited',
	'readonly',
	'network',
	'timeout',
	// No usable answer at all: mw.Api's empty answer, a non-JSON page (a PHP fatal).
	'ok-but-empty',
	'invalid-response',
] );

/**
 * @param error Anything thrown
 * @return Whether the same request may succeed if sent again later. Only transient,
 *  server-side or transport failures are; API errors about the request itself
 *  (editconflict, badtoken, assertuserfailed, permissiondenied, invalid-json-data,
 *  articleexists, …) never are.
 */
export function isRetryable( error: unknown ): boolean {
	if ( !( error instanceof ApiError ) ) {
		return false;
	}
	if ( error.code === 'http' ) {
		// No status: the connection dropped before an answer came.
		return error.status === undefined || error.status === 429 || error.status >= 500;
	}
	return RETRYABLE_CODES.has( error.code );
}

/**
 * @param error Anything thrown
 * @return Whether the request may have been carried out although no answer came (a lost
 *  answer: a time-out, a dropped connection, a server error after the work was done), so
 *  that sending a write again must not be able to do it twice
 */
export function mayHaveLanded( error: unknown ): boolean {
	if ( !( error instanceof ApiError ) ) {
		return false;
	}
	if ( error.code === 'http' ) {
		return error.status === undefined || error.status >= 500;
	}
	return [ 'timeout', 'network', 'ok-but-empty', 'invalid-response' ].includes( error.code ) ||
		error.code.startsWith( 'internal_api_error' );
}

/**
 * @param attempt The attempt that failed, from 1
 * @param error Why
 * @param options Retry options
 * @return Milliseconds to wait: exponential backoff with jitter (half fixed, half
 *  random, so clients that failed together do not come back together), at least
 *  what the server asked for, at most maxDelayMs
 */
export function retryDelay( attempt: number, error: unknown, options: RetryOptions = {} ): number {
	const base = options.baseDelayMs ?? 500;
	const max = options.maxDelayMs ?? 30000;
	const random = options.random ?? Math.random;
	const backoff = base * Math.pow( 2, attempt - 1 );
	const jittered = backoff / 2 + random() * backoff / 2;
	const asked = error instanceof ApiError && error.retryAfter !== undefined ? error.retryAfter * 1000 : 0;
	return Math.round( Math.min( max, Math.max( asked, jittered ) ) );
}

function realSleep( ms: number ): Promise<void> {
	return new Promise( ( resolve ) => {
		setTimeout( resolve, ms );
	} );
}

/**
 * Run fn, and again after a wait when it fails in a way that may pass (see
 * isRetryable), a bounded number of times. The last error is thrown as it came.
 *
 * @param fn What to run; must be safe to run again (callers make writes idempotent)
 * @param options Retry options
 * @return What fn returned
 */
export async function withRetry<T>( fn: () => Promise<T>, options: RetryOptions = {} ): Promise<T> {
	const attempts = Math.max( 1, Math.floor( options.attempts ?? 4 ) );
	const sleep = options.sleep ?? realSleep;
	for ( let attempt = 1; ; attempt++ ) {
		try {
			return await fn();
		} catch ( error ) {
			if ( attempt >= attempts || !isRetryable( error ) ) {
				throw error;
			}
			const delayMs = retryDelay( attempt, error, options );
			if ( options.onRetry ) {
				options.onRetry( { attempt, delayMs, error } );
			}
			await sleep( delayMs );
		}
	}
}
