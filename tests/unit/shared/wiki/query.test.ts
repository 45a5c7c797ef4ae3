import { describe, expect, it } from 'vitest';
import { ApiError, ApiParams, ApiResponse } from '../../../../src/shared/api/ActionApi';
import { apiTime, namespaceName, queryAll, retryingRead } from '../../../../src/shared/wiki/query';
import { ScriptedApi } from '../../../support/fakes';

describe( 'apiTime', () => {
	it( 'writes whole seconds, as the API takes them', () => {
		expect( apiTime( Date.parse( '2026-11-01T12:34:56.789Z' ) ) ).toBe( '2026-11-01T12:34:56Z' );
	} );
} );

describe( 'queryAll', () => {
	const answers = (): ScriptedApi => new ScriptedApi(
		() => ( { continue: { rccontinue: '2', continue: '-||' }, curtimestamp: '2026-11-01T00:00:00Z', query: { n: 1 } } ),
		() => ( { curtimestamp: '2026-11-01T00:00:05Z', query: { n: 2 } } ),
	);

	it( 'follows continue with the query\'s own parameters, and gives the first answer\'s time', async () => {
		const api = answers();
		const seen: [ number, number ][] = [];
		const readAt = await queryAll( ( p ) => api.get( p ), { list: 'recentchanges', rclimit: 'max' }, ( a ) => seen.push( [ a.query.n, api.calls.length ] ) );
		expect( readAt ).toBe( '2026-11-01T00:00:00Z' );
		expect( api.calls ).toEqual( [ { list: 'recentchanges', rclimit: 'max' }, { list: 'recentchanges', rclimit: 'max', rccontinue: '2', continue: '-||' } ] );
		// Without `ahead`, the next request waits for the caller.
		expect( seen ).toEqual( [ [ 1, 1 ], [ 2, 2 ] ] );
	} );

	it( 'asks for the next answer first when told to go ahead', async () => {
		const api = answers();
		const seen: number[] = [];
		await queryAll( ( p ) => api.get( p ), {}, () => seen.push( api.calls.length ), true );
		expect( seen ).toEqual( [ 2, 2 ] );
	} );
} );

describe( 'retryingRead', () => {
	it( 'retries what may pass, counting every request', async () => {
		const api = new ScriptedApi( () => Promise.reject( new ApiError( 'maxlag', 'lag', undefined, undefined, 1 ) ), () => ( { ok: 1 } ) );
		let requests = 0;
		const delays: number[] = [];
		const read = retryingRead( api, { sleep: async ( ms ) => {
			delays.push( ms );
		} }, () => requests++ );
		expect( await read( { action: 'query' } ) ).toEqual( { ok: 1 } );
		expect( requests ).toBe( 2 );
		expect( delays ).toEqual( [ 1000 ] );
	} );
} );

describe( 'namespaceName', () => {
	it( 'gives the wiki\'s own name, and fails for a namespace it does not have', async () => {
		const answer = { query: { namespaces: { 0: { id: 0, name: '' }, 4: { id: 4, name: 'Wikipedia' } } } };
		const api = new ScriptedApi( () => answer, () => answer, () => answer );
		const read = ( p: ApiParams ): Promise<ApiResponse> => api.get( p );
		expect( await namespaceName( read, 4 ) ).toBe( 'Wikipedia' );
		expect( await namespaceName( read, 0 ) ).toBe( '' );
		await expect( namespaceName( read, 2600 ) ).rejects.toMatchObject( { code: 'invalidtitle' } );
		expect( api.calls[ 0 ] ).toEqual( { action: 'query', meta: 'siteinfo', siprop: 'namespaces' } );
	} );
} );
