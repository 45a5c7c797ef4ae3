import { describe, expect, it } from 'vitest';
import { loadPartnerships } from '../../../src/data/partnershipRepository';
import { ScriptedApi, pagesAnswer } from '../../fakes';

const record = ( name: string ): string => JSON.stringify( { schema: 'partnership/1', name, type: 'glam', status: 'active', partners: [] } );

describe( 'loadPartnerships', () => {
	it( 'follows continuation, batches by 50 and keeps invalid pages with a reason', async () => {
		const api = new ScriptedApi(
			() => pagesAnswer( [ [ 'Project:Partnerships/Records/b', record( 'B' ) ] ], { gapcontinue: 'Partnerships/Records/c', continue: 'gapcontinue||' } ),
			() => pagesAnswer( [ [ 'Project:Partnerships/Records/c', '{oops' ], [ 'Project:Partnerships/Records/a', record( 'A' ) ] ] ),
		);
		const progress: number[] = [];
		const entries = await loadPartnerships( api, { namespace: 4, title: 'Partnerships' }, ( p ) => progress.push( p.requests ) );
		expect( api.calls ).toHaveLength( 2 );
		expect( api.calls[ 0 ] ).toMatchObject( { generator: 'allpages', gapnamespace: 4, gapprefix: 'Partnerships/Records/', gaplimit: 50, rvslots: 'main' } );
		expect( api.calls[ 1 ] ).toMatchObject( { gapcontinue: 'Partnerships/Records/c' } );
		expect( progress ).toEqual( [ 1, 2 ] );
		expect( entries.map( ( e ) => [ e.title, e.valid ] ) ).toEqual( [
			[ 'Project:Partnerships/Records/a', true ],
			[ 'Project:Partnerships/Records/b', true ],
			[ 'Project:Partnerships/Records/c', false ],
		] );
		const bad = entries[ 2 ];
		expect( !bad.valid && bad.reason ).toBe( 'not-json' );
	} );

	it( 'passes API errors on', async () => {
		const api = new ScriptedApi( () => Promise.reject( new Error( 'maxlag' ) ) );
		await expect( loadPartnerships( api, { namespace: 4, title: 'P' } ) ).rejects.toThrow( 'maxlag' );
	} );
} );
