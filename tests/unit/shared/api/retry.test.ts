import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../../src/shared/api/ActionApi';
import { RetryInfo, isRetryable, retryDelay, withRetry } from '../../../../src/shared/api/retry';

function scripted( failures: unknown[], value = 'ok' ): { fn: () => Promise<string>; calls: () => number } {
	let calls = 0;
	return {
		fn: async () => {
			const failure = failures[ calls++ ];
			if ( failure !== undefined ) {
				throw failure;
			}
			return value;
		},
		calls: () => calls,
	};
}

describe( 'isRetryable', () => {
	it.each( [
		[ new ApiError( 'maxlag', 'lag' ), true ],
		[ new ApiError( 'ratelimited', 'slow' ), true ],
		[ new ApiError( 'readonly', 'ro' ), true ],
		[ new ApiError( 'network', 'down' ), true ],
		[ new ApiError( 'timeout', 'slow' ), true ],
		[ new ApiError( 'http', 'HTTP 429', 429 ), true ],
		[ new ApiError( 'http', 'HTTP 500', 500 ), true ],
		[ new ApiError( 'http', 'HTTP 503', 503 ), true ],
		[ new ApiError( 'http', 'dropped' ), true ],
		[ new ApiError( 'ok-but-empty', 'empty' ), true ],
		[ new ApiError( 'http', 'HTTP 404', 404 ), false ],
		[ new ApiError( 'http', 'HTTP 403', 403 ), false ],
		[ new ApiError( 'editconflict', 'conflict' ), false ],
		[ new ApiError( 'badtoken', 'token' ), false ],
		[ new ApiError( 'assertuserfailed', 'session' ), false ],
		[ new ApiError( 'permissiondenied', 'no' ), false ],
		[ new ApiError( 'invalid-json-data', 'json' ), false ],
		[ new ApiError( 'articleexists', 'exists' ), false ],
		[ new Error( 'maxlag' ), false ],
		[ 'maxlag', false ],
	] )( '%s → %s', ( error, expected ) => {
		expect( isRetryable( error ) ).toBe( expected );
	} );
} );

describe( 'retryDelay', () => {
	it.each( [
		// attempt, random, retryAfter (s), expected ms
		[ 1, 0, undefined, 250 ],
		[ 1, 0.999, undefined, 500 ],
		[ 2, 0.5, undefined, 750 ],
		[ 3, 0.5, undefined, 1500 ],
		[ 3, 0.5, 5, 5000 ],
		[ 1, 0.5, 0.1, 375 ],
		[ 10, 1, undefined, 30000 ],
		[ 1, 0, 120, 30000 ],
	] )( 'attempt %i, random %f, Retry-After %s → %i ms', ( attempt, random, retryAfter, expected ) => {
		const error = new ApiError( 'maxlag', 'lag', undefined, undefined, retryAfter );
		expect( retryDelay( attempt, error, { random: () => random } ) ).toBe( expected );
	} );

	it( 'takes its base and cap from the options', () => {
		expect( retryDelay( 3, new Error( 'x' ), { baseDelayMs: 100, maxDelayMs: 300, random: () => 1 } ) ).toBe( 300 );
	} );
} );

describe( 'withRetry', () => {
	const maxlag = new ApiError( 'maxlag', 'lag', undefined, undefined, 2 );
	const timeout = new ApiError( 'timeout', 'timeout' );
	const conflict = new ApiError( 'editconflict', 'conflict' );

	it.each( [
		[ 'succeeds at once', [], 4, 'ok', 1, [] ],
		[ 'retries maxlag as long as asked', [ maxlag, maxlag ], 4, 'ok', 3, [ 2000, 2000 ] ],
		[ 'backs off on timeouts', [ timeout, timeout, timeout ], 4, 'ok', 4, [ 375, 750, 1500 ] ],
		[ 'gives up after the attempts', [ timeout, timeout, timeout, timeout ], 4, timeout, 4, [ 375, 750, 1500 ] ],
		[ 'never retries an edit conflict', [ conflict ], 4, conflict, 1, [] ],
		[ 'stops at a non-retryable error after retries', [ timeout, conflict ], 4, conflict, 2, [ 375 ] ],
		[ 'with one attempt, does not retry', [ timeout ], 1, timeout, 1, [] ],
	] )( '%s', async ( _name, failures, attempts, result, calls, delays ) => {
		const slept: number[] = [];
		const { fn, calls: made } = scripted( failures );
		const run = withRetry( fn, { attempts, random: () => 0.5, sleep: async ( ms ) => {
			slept.push( ms );
		} } );
		if ( typeof result === 'string' ) {
			await expect( run ).resolves.toBe( result );
		} else {
			await expect( run ).rejects.toBe( result );
		}
		expect( made() ).toBe( calls );
		expect( slept ).toEqual( delays );
	} );

	it( 'tells onRetry about each wait', async () => {
		const seen: RetryInfo[] = [];
		const { fn } = scripted( [ maxlag, timeout ] );
		await withRetry( fn, { random: () => 0.5, sleep: async () => undefined, onRetry: ( info ) => seen.push( info ) } );
		expect( seen ).toEqual( [
			{ attempt: 1, delayMs: 2000, error: maxlag },
			{ attempt: 2, delayMs: 750, error: timeout },
		] );
	} );

	it( 'waits for real by default', async () => {
		const { fn } = scripted( [ timeout ] );
		const t0 = Date.now();
		await expect( withRetry( fn, { baseDelayMs: 20 } ) ).resolves.toBe( 'ok' );
		expect( Date.now() - t0 ).toBeGreaterThanOrEqual( 9 );
	} );
} );
