import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../../src/shared/api/ActionApi';
import { CacheSnapshot } from '../../../../src/shared/wiki/recordCache';
import { PartnershipRepository, loadPartnerships } from '../../../../src/knowledge/data/partnershipRepository';
import { serializePartnership } from '../../../../src/knowledge/domain/partnership';
import { failing } from '../../../support/fakeWiki';
import { ScriptedApi, pagesAnswer, record, recordText, root, setup, titleOf } from '../../../support/fakes';

// PartnershipRepository.open (recordSync.ts): cold and warm reads, the cache.

describe( 'PartnershipRepository.open', () => {
	it( 'reads 120 records cold in 3 content requests and saves a snapshot', async () => {
		const s = setup( 120 );
		const progress: number[] = [];
		const result = await s.repo().open( ( p ) => progress.push( p.loaded ) );
		expect( result.warm ).toBe( false );
		expect( result.requests ).toBe( 3 );
		expect( s.wiki.calls ).toHaveLength( 3 );
		expect( s.wiki.calls[ 0 ] ).toMatchObject( {
			action: 'query', generator: 'allpages', gapnamespace: 4, gapprefix: 'Partnerships/Records/', gaplimit: 50,
			prop: 'revisions', rvprop: [ 'ids', 'timestamp', 'user', 'content' ], rvslots: 'main', curtimestamp: true,
		} );
		expect( progress ).toEqual( [ 50, 100, 120 ] );
		expect( result.entries ).toHaveLength( 120 );
		expect( result.entries[ 0 ] ).toMatchObject( { id: 'r000', title: titleOf( 'r000' ), user: 'Seeder', valid: true } );
		const snapshot = await s.cache.load() as CacheSnapshot;
		expect( snapshot.pages ).toHaveLength( 120 );
		expect( snapshot.syncedAt ).toBe( new Date( s.wiki.now() ).toISOString().replace( /\.\d+Z$/, 'Z' ) );
	} );

	it( 'answers a warm open with nothing changed in exactly 1 request', async () => {
		const s = setup( 120 );
		const cold = await s.repo().open();
		s.wiki.advance( 3600 * 1000 );
		s.wiki.calls.length = 0;
		const warm = await s.repo().open();
		expect( warm ).toMatchObject( { warm: true, requests: 1 } );
		expect( s.wiki.calls ).toEqual( [ expect.objectContaining( {
			list: 'recentchanges', rcnamespace: 4, rcdir: 'newer', rctype: [ 'edit', 'new', 'log' ],
			rcprop: [ 'title', 'ids', 'timestamp', 'loginfo' ], rclimit: 'max', curtimestamp: true,
		} ) ] );
		expect( warm.entries ).toEqual( cold.entries );
	} );

	it( 'applies 2 edits, 1 deletion and 1 move with one content request', async () => {
		const s = setup( 120 );
		await s.repo().open();
		s.wiki.advance( 3600 * 1000 );
		s.wiki.edit( titleOf( 'r001' ), serializePartnership( record( { name: 'Edited one' } ) ) );
		s.wiki.edit( titleOf( 'r002' ), serializePartnership( record( { name: 'Edited two' } ) ) );
		s.wiki.delete( titleOf( 'r003' ) );
		s.wiki.move( titleOf( 'r004' ), titleOf( 'moved' ) );
		// Noise the filter drops: another page in the namespace
		s.wiki.edit( 'Project:Village pump', 'chatter' );
		s.wiki.calls.length = 0;

		const warm = await s.repo().open();
		expect( warm ).toMatchObject( { warm: true, requests: 2 } );
		expect( s.wiki.calls[ 1 ] ).toMatchObject( { titles: [ titleOf( 'r001' ), titleOf( 'r002' ), titleOf( 'moved' ) ] } );
		const byId = new Map( warm.entries.map( ( e ) => [ e.id, e ] ) );
		expect( warm.entries ).toHaveLength( 119 );
		expect( byId.get( 'r001' ) ).toMatchObject( { valid: true, record: { name: 'Edited one' }, user: 'Bob' } );
		expect( byId.get( 'r002' ) ).toMatchObject( { valid: true, record: { name: 'Edited two' } } );
		expect( byId.has( 'r003' ) ).toBe( false );
		expect( byId.has( 'r004' ) ).toBe( false );
		expect( byId.get( 'moved' ) ).toMatchObject( { valid: true, record: { name: 'Record r004' } } );

		// The snapshot moved on to the time of that open: the next warm open reads the
		// recent changes from there (less the overlap), in one request, with the same
		// answer as a cold read.
		const syncedAt = ( await s.cache.load() )?.syncedAt as string;
		expect( Date.parse( syncedAt ) ).toBe( s.wiki.now() );
		s.wiki.advance( 120 * 1000 );
		s.wiki.calls.length = 0;
		const again = await s.repo().open();
		expect( again.requests ).toBe( 1 );
		expect( Date.parse( String( s.wiki.calls[ 0 ].rcstart ) ) ).toBe( Date.parse( syncedAt ) - 60 * 1000 );
		const cold = await new PartnershipRepository( { api: s.wiki, root } ).open();
		expect( again.entries ).toEqual( cold.entries );
	} );

	it( 'follows recentchanges continuation and fetches changed pages 50 at a time', async () => {
		const s = setup( 120 );
		await s.repo().open();
		s.wiki.advance( 3600 * 1000 );
		for ( let i = 0; i < 60; i++ ) {
			const id = `r${ String( i ).padStart( 3, '0' ) }`;
			s.wiki.edit( titleOf( id ), serializePartnership( record( { name: `New ${ id }` } ) ) );
		}
		s.wiki.rcPageSize = 25;
		s.wiki.calls.length = 0;
		const warm = await s.repo().open();
		// 3 recentchanges pages (25 + 25 + 10), 2 content batches (50 + 10)
		expect( warm.requests ).toBe( 5 );
		expect( warm.entries.filter( ( e ) => e.valid && e.record.name.startsWith( 'New ' ) ) ).toHaveLength( 60 );
	} );

	it( 'does not fetch changes in the overlap window that the snapshot already has', async () => {
		const s = setup( 3 );
		// Edited just before the cold read: inside the re-read window of the next open.
		s.wiki.edit( titleOf( 'r001' ), serializePartnership( record( { name: 'Recent' } ) ) );
		await s.repo().open();
		s.wiki.advance( 5000 );
		s.wiki.calls.length = 0;
		const warm = await s.repo().open();
		expect( warm.requests ).toBe( 1 );
		expect( Date.parse( String( s.wiki.calls[ 0 ].rcstart ) ) ).toBeLessThan( s.wiki.now() - 5000 );
	} );

	it.each( [
		[ 'older than 30 days', 31 * 24 * 3600 * 1000, 'test-wiki' ],
		[ 'for another wiki', 0, 'other-wiki' ],
	] )( 'reads cold when the snapshot is %s', async ( _name, age, key ) => {
		const s = setup( 3 );
		await s.repo().open();
		const snapshot = await s.cache.load() as CacheSnapshot;
		await s.cache.save( { ...snapshot, key } );
		s.wiki.advance( age );
		const result = await s.repo().open();
		expect( result ).toMatchObject( { warm: false, requests: 1 } );
	} );

	it( 'keeps invalid pages with their reason', async () => {
		const s = setup( 1 );
		s.wiki.edit( titleOf( 'broken' ), '{"schema": "partnership/1", "name": ""}' );
		const { entries } = await s.repo().open();
		const broken = entries.find( ( e ) => e.id === 'broken' );
		expect( broken && !broken.valid && broken.reason ).toBe( 'invalid-field' );
	} );

	it( 'works without a cache, and with a cache that fails', async () => {
		const s = setup( 2 );
		expect( ( await new PartnershipRepository( { api: s.wiki, root } ).open() ).entries ).toHaveLength( 2 );
		const broken = {
			key: 'k',
			load: () => Promise.reject( new Error( 'broken' ) ),
			save: () => Promise.reject( new Error( 'broken' ) ),
			clear: () => Promise.reject( new Error( 'broken' ) ),
		};
		const result = await new PartnershipRepository( { api: s.wiki, root, cache: broken } ).open();
		expect( result ).toMatchObject( { warm: false } );
		expect( result.entries ).toHaveLength( 2 );
	} );

	it( 'retries a read that failed with maxlag, waiting as long as asked', async () => {
		const s = setup( 2 );
		s.wiki.interceptors.push( failing( new ApiError( 'maxlag', 'lagged', undefined, undefined, 7 ) ) );
		const result = await s.repo().open();
		expect( result.requests ).toBe( 2 );
		expect( s.delays ).toEqual( [ 7000 ] );
	} );
} );

describe( 'loadPartnerships', () => {
	it( 'follows continuation, batches by 50 and keeps invalid pages with a reason', async () => {
		const api = new ScriptedApi(
			() => pagesAnswer( [ [ 'Project:Partnerships/Records/b', recordText( 'B' ) ] ], { gapcontinue: 'Partnerships/Records/c', continue: 'gapcontinue||' } ),
			() => pagesAnswer( [ [ 'Project:Partnerships/Records/c', '{oops' ], [ 'Project:Partnerships/Records/a', recordText( 'A' ) ] ] ),
		);
		const progress: number[] = [];
		const entries = await loadPartnerships( api, { namespace: 4, title: 'Partnerships' }, ( p ) => progress.push( p.requests ) );
		expect( api.calls ).toHaveLength( 2 );
		expect( api.calls[ 0 ] ).toMatchObject( { generator: 'allpages', gapnamespace: 4, gapprefix: 'Partnerships/Records/', gaplimit: 50, rvslots: 'main' } );
		expect( api.calls[ 1 ] ).toMatchObject( { gapcontinue: 'Partnerships/Records/c' } );
		// The next batch is asked for before this one is read: two requests sent by then.
		expect( progress ).toEqual( [ 2, 2 ] );
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
