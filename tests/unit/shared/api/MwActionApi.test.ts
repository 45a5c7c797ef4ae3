import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../../src/shared/api/ActionApi';
import { MwActionApi } from '../../../../src/shared/api/MwActionApi';

type Settle = ( ok: ( data: unknown ) => void, fail: ( ...args: unknown[] ) => void ) => void;

/**
 * @param settle How the jQuery promise settles
 * @return An mw.Api stand-in recording its calls
 */
function fakeMwApi( settle: Settle ): { api: mw.Api; calls: { method: string; params: unknown; ajax: unknown }[] } {
	const calls: { method: string; params: unknown; ajax: unknown }[] = [];
	const promise = { then: ( ok: ( data: unknown ) => void, fail: ( ...args: unknown[] ) => void ) => settle( ok, fail ) };
	const record = ( method: string ) => ( params: unknown, ajax: unknown ) => {
		calls.push( { method, params, ajax } );
		return promise;
	};
	return { api: { get: record( 'get' ), postWithEditToken: record( 'postWithEditToken' ) } as unknown as mw.Api, calls };
}

function xhr( status: number, headers: Record<string, string> = {} ): { status: number; getResponseHeader: ( name: string ) => string | null } {
	return { status, getResponseHeader: ( name: string ) => headers[ name ] ?? null };
}

describe( 'MwActionApi', () => {
	it( 'asks for formatversion=2 with a timeout, and resolves with the answer', async () => {
		const { api, calls } = fakeMwApi( ( ok ) => ok( { query: {} } ) );
		const client = new MwActionApi( api, { timeoutMs: 1234 } );
		await expect( client.get( { action: 'query' } ) ).resolves.toEqual( { query: {} } );
		await client.postWithEditToken( { action: 'edit' } );
		expect( calls ).toEqual( [
			{ method: 'get', params: { formatversion: 2, action: 'query' }, ajax: { timeout: 1234 } },
			{ method: 'postWithEditToken', params: { formatversion: 2, action: 'edit' }, ajax: { timeout: 1234 } },
		] );
	} );

	it( 'leaves the badtoken retry to mw.Api: one call, and the error passed on', async () => {
		const result = { error: { code: 'badtoken', info: 'Invalid CSRF token.' } };
		const { api, calls } = fakeMwApi( ( _ok, fail ) => fail( 'badtoken', result, result, xhr( 200 ) ) );
		await expect( new MwActionApi( api ).postWithEditToken( { action: 'edit' } ) ).rejects.toMatchObject( { code: 'badtoken' } );
		expect( calls ).toHaveLength( 1 );
	} );

	it.each( [
		[
			'an API error',
			[ 'editconflict', { error: { code: 'editconflict', info: 'Edit conflict.' } }, {}, xhr( 200 ) ],
			{ code: 'editconflict', message: 'Edit conflict.', retryAfter: undefined },
		],
		[
			'maxlag with Retry-After',
			[ 'maxlag', { error: { code: 'maxlag', info: 'Waiting', lag: 3 } }, {}, xhr( 200, { 'Retry-After': '5' } ) ],
			{ code: 'maxlag', retryAfter: 5 },
		],
		[
			'maxlag without a header',
			[ 'maxlag', { error: { code: 'maxlag', info: 'Waiting', lag: 3 } } ],
			{ code: 'maxlag', retryAfter: 3 },
		],
		[
			'HTTP 429 with Retry-After',
			[ 'http', { xhr: xhr( 429, { 'Retry-After': '30' } ), textStatus: 'error' } ],
			{ code: 'http', status: 429, retryAfter: 30 },
		],
		[
			'HTTP 503',
			[ 'http', { xhr: xhr( 503 ), textStatus: 'error' } ],
			{ code: 'http', status: 503, retryAfter: undefined },
		],
		[
			'a timeout',
			[ 'http', { xhr: xhr( 0 ), textStatus: 'timeout' } ],
			{ code: 'timeout', status: undefined },
		],
		[
			'a dropped connection',
			[ 'http', { xhr: xhr( 0 ), textStatus: 'error' } ],
			{ code: 'http', status: undefined },
		],
		[
			'an empty answer',
			[ 'ok-but-empty', 'OK response but empty result (check HTTP headers?)' ],
			{ code: 'ok-but-empty' },
		],
	] )( 'turns %s into an ApiError', async ( _name, args, expected ) => {
		const { api } = fakeMwApi( ( _ok, fail ) => fail( ...args ) );
		const error = await new MwActionApi( api ).get( { action: 'query' } ).catch( ( e ) => e );
		expect( error ).toBeInstanceOf( ApiError );
		expect( error ).toMatchObject( expected );
	} );

	it( 'survives headers that cannot be read', () => {
		const error = MwActionApi.toError( 'http', { xhr: { status: 502, getResponseHeader: () => {
			throw new Error( 'CORS' );
		} }, textStatus: 'error' } );
		expect( error ).toMatchObject( { code: 'http', status: 502, retryAfter: undefined } );
	} );
} );
