import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../../src/shared/api/ActionApi';
import { MemoryDraftStore } from '../../../../src/shared/wiki/drafts';
import { failureKind } from '../../../../src/shared/wiki/failures';
import { CacheSnapshot, MemoryRecordCache } from '../../../../src/shared/wiki/recordCache';
import {
	PartnershipRepository,
	loadPartnerships,
	SaveOutcome,
	draftKey,
	isValidRecordId,
} from '../../../../src/knowledge/data/partnershipRepository';
import { Partnership, normalisePartnership, serializePartnership } from '../../../../src/knowledge/domain/partnership';
import { FakeWiki } from '../../../support/fakeWiki';
import { ScriptedApi, pagesAnswer } from '../../../support/fakes';

const root = { namespace: 4, title: 'Partnerships' };
const recordText = ( name: string ): string => JSON.stringify( { schema: 'partnership/1', name, type: 'glam', status: 'active', partners: [ { label: 'P' } ] } );
const titleOf = ( id: string ): string => `Project:Partnerships/Records/${ id }`;

function record( overrides: Partial<Partnership> = {} ): Partnership {
	return normalisePartnership( {
		schema: 'partnership/1',
		name: 'Test partnership',
		partners: [ { label: 'Test partner' } ],
		type: 'other',
		status: 'active',
		...overrides,
	} );
}

function parsed( text: string | undefined ): Partnership {
	return normalisePartnership( JSON.parse( text ?? 'null' ) );
}

interface Setup {
	wiki: FakeWiki;
	cache: MemoryRecordCache;
	drafts: MemoryDraftStore;
	delays: number[];
	repo: () => PartnershipRepository;
}

/**
 * @param n Records to start with, r000 … r(n-1)
 * @return A wiki holding them, and a factory of repositories over it sharing one cache
 */
function setup( n = 0 ): Setup {
	const wiki = new FakeWiki();
	for ( let i = 0; i < n; i++ ) {
		const id = `r${ String( i ).padStart( 3, '0' ) }`;
		wiki.edit( titleOf( id ), serializePartnership( record( { name: `Record ${ id }` } ) ), 'Seeder' );
	}
	wiki.edit( 'Project:Partnerships', 'The root page, not a record', 'Seeder' );
	wiki.advance( 24 * 3600 * 1000 );
	const cache = new MemoryRecordCache( 'test-wiki' );
	const drafts = new MemoryDraftStore();
	const delays: number[] = [];
	const repo = (): PartnershipRepository => new PartnershipRepository( {
		api: wiki,
		root,
		cache,
		drafts,
		userName: 'Alice',
		now: () => wiki.now(),
		retry: {
			random: () => 0.5,
			sleep: async ( ms ) => {
				delays.push( ms );
			},
		},
	} );
	return { wiki, cache, drafts, delays, repo };
}

/**
 * @param s A setup
 * @param id A record id
 * @return The record's base for an update, as the app holds it after an open
 */
async function baseOf( s: Setup, id: string ): Promise<{ revid: number; timestamp: string; record: Partnership }> {
	const history = s.wiki.history( titleOf( id ) );
	const last = history[ history.length - 1 ];
	return { revid: last.revid, timestamp: last.timestamp, record: parsed( last.content ) };
}

function lostAnswer( error = new ApiError( 'timeout', 'timeout' ) ) {
	return async ( _params: unknown, pass: () => Promise<unknown> ) => {
		await pass();
		throw error;
	};
}

function failing( error: ApiError ) {
	return async () => {
		throw error;
	};
}

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

describe( 'PartnershipRepository.save', () => {
	it( 'creates a record: createonly, JSON, assert=user; the draft goes once confirmed', async () => {
		const s = setup( 1 );
		const repo = s.repo();
		await repo.open();
		const seen: unknown[] = [];
		s.wiki.interceptors.push( async ( _params, pass ) => {
			seen.push( s.drafts.get( draftKey( root, 'new-one' ) ) );
			return pass();
		} );
		const outcome = await repo.save( { id: 'new-one', record: record( { name: 'New one' } ), base: null, summary: 'Create' } );
		expect( outcome ).toMatchObject( { status: 'saved', merged: false, attempts: 1, entry: { id: 'new-one', user: 'Alice', valid: true, record: { name: 'New one' } } } );
		const edit = s.wiki.calls[ s.wiki.calls.length - 1 ];
		expect( edit ).toMatchObject( { action: 'edit', title: titleOf( 'new-one' ), contentmodel: 'json', assert: 'user', createonly: true, summary: 'Create' } );
		expect( edit ).not.toHaveProperty( 'baserevid' );
		expect( parsed( edit.text as string ) ).toEqual( record( { name: 'New one' } ) );
		// The draft was there while the request was in flight, and is gone now.
		expect( seen[ 0 ] ).toMatchObject( { key: 'Partnerships/new-one', id: 'new-one', base: null } );
		expect( s.drafts.list() ).toEqual( [] );
		// The snapshot has it: the next warm open needs nothing more than the recent changes.
		s.wiki.calls.length = 0;
		const warm = await s.repo().open();
		expect( warm.requests ).toBe( 1 );
		expect( warm.entries.map( ( e ) => e.id ) ).toContain( 'new-one' );
	} );

	it( 'updates a record from its base revision', async () => {
		const s = setup( 1 );
		const repo = s.repo();
		await repo.open();
		const syncedAt = ( await s.cache.load() )?.syncedAt;
		const base = await baseOf( s, 'r000' );
		const outcome = await repo.save( { id: 'r000', record: { ...base.record, status: 'concluded' }, base } );
		expect( outcome ).toMatchObject( { status: 'saved', merged: false, attempts: 1 } );
		expect( s.wiki.calls[ s.wiki.calls.length - 1 ] ).toMatchObject( {
			action: 'edit', baserevid: base.revid, basetimestamp: base.timestamp, starttimestamp: syncedAt, nocreate: true,
		} );
		expect( s.wiki.history( titleOf( 'r000' ) ) ).toHaveLength( 2 );
		expect( parsed( s.wiki.text( titleOf( 'r000' ) ) ).status ).toBe( 'concluded' );
	} );

	describe( 'when someone else saved first', () => {
		it.each( [ 'conflict', 'lines' ] as const )( 'merges disjoint changes (MediaWiki answers %s)', async ( mode ) => {
			const s = setup( 1 );
			s.wiki.staleBase = mode;
			const base = await baseOf( s, 'r000' );
			s.wiki.edit( titleOf( 'r000' ), serializePartnership( { ...base.record, name: 'Bob renamed it' } ), 'Bob' );
			const outcome = await s.repo().save( { id: 'r000', record: { ...base.record, status: 'paused' }, base } );
			expect( outcome ).toMatchObject( { status: 'saved', merged: true } );
			const now = parsed( s.wiki.text( titleOf( 'r000' ) ) );
			expect( now ).toMatchObject( { name: 'Bob renamed it', status: 'paused' } );
			// Base, Bob's, ours: nothing lost, one revision each.
			expect( s.wiki.history( titleOf( 'r000' ) ).map( ( r ) => r.user ) ).toEqual( [ 'Seeder', 'Bob', 'Alice' ] );
			expect( s.drafts.list() ).toEqual( [] );
			const edits = s.wiki.calls.filter( ( c ) => c.action === 'edit' );
			expect( edits ).toHaveLength( mode === 'conflict' ? 2 : 1 );
			if ( mode === 'conflict' ) {
				expect( edits[ 1 ].baserevid ).toBe( s.wiki.history( titleOf( 'r000' ) )[ 1 ].revid );
			}
		} );

		it.each( [ 'conflict', 'lines' ] as const )( 'hands the same field to the person (MediaWiki answers %s)', async ( mode ) => {
			const s = setup( 1 );
			s.wiki.staleBase = mode;
			const base = await baseOf( s, 'r000' );
			const bob = s.wiki.edit( titleOf( 'r000' ), serializePartnership( { ...base.record, name: 'Bob’s name' } ), 'Bob' );
			const ours = { ...base.record, name: 'Alice’s name' };
			const outcome = await s.repo().save( { id: 'r000', record: ours, base } );
			expect( outcome.status ).toBe( 'conflict' );
			const conflict = outcome as Extract<SaveOutcome, { status: 'conflict' }>;
			expect( conflict.conflicts ).toEqual( [ { field: 'name', base: 'Record r000', theirs: 'Bob’s name', ours: 'Alice’s name' } ] );
			expect( conflict.theirs ).toMatchObject( { revid: bob.revid, user: 'Bob', record: { name: 'Bob’s name' } } );
			// Nothing overwritten; the draft stays, with the reason.
			expect( s.wiki.history( titleOf( 'r000' ) ) ).toHaveLength( 2 );
			expect( s.drafts.get( draftKey( root, 'r000' ) ) ).toMatchObject( { record: ours, lastError: 'editconflict' } );

			// The person chooses; saving on top of theirs goes through.
			const resolved = { ...conflict.merged, name: 'Agreed name' };
			const again = await s.repo().save( { id: 'r000', record: resolved, base: conflict.theirs } );
			expect( again ).toMatchObject( { status: 'saved', merged: false } );
			expect( parsed( s.wiki.text( titleOf( 'r000' ) ) ).name ).toBe( 'Agreed name' );
			expect( s.drafts.list() ).toEqual( [] );
		} );

		it( 'does not accept a line merge that differs from the field merge', async () => {
			// Bob changes the first partner, we change the second: lines merge, but lists
			// are merged as whole values, so the person decides.
			const s = setup( 0 );
			const start = record( { partners: [ { label: 'One' }, { label: 'Two' } ] } );
			s.wiki.edit( titleOf( 'p' ), serializePartnership( start ), 'Seeder' );
			const base = await baseOf( s, 'p' );
			s.wiki.edit( titleOf( 'p' ), serializePartnership( { ...start, partners: [ { label: 'One (Bob)' }, { label: 'Two' } ] } ), 'Bob' );
			const outcome = await s.repo().save( { id: 'p', record: { ...start, partners: [ { label: 'One' }, { label: 'Two (Alice)' } ] }, base } );
			expect( outcome.status ).toBe( 'conflict' );
			const conflict = outcome as Extract<SaveOutcome, { status: 'conflict' }>;
			expect( conflict.conflicts.map( ( c ) => c.field ) ).toEqual( [ 'partners' ] );
			// MediaWiki had saved its line merge; the field merge (their list) is put back on
			// top, and that revision is the base for the resolution.
			const history = s.wiki.history( titleOf( 'p' ) );
			expect( history.map( ( r ) => r.user ) ).toEqual( [ 'Seeder', 'Bob', 'Alice', 'Alice' ] );
			expect( parsed( history[ 2 ].content ).partners ).toEqual( [ { label: 'One (Bob)' }, { label: 'Two (Alice)' } ] );
			expect( parsed( history[ 3 ].content ).partners ).toEqual( [ { label: 'One (Bob)' }, { label: 'Two' } ] );
			expect( conflict.theirs ).toMatchObject( { revid: history[ 3 ].revid, record: { partners: [ { label: 'One (Bob)' }, { label: 'Two' } ] } } );
			expect( s.drafts.list() ).toHaveLength( 1 );
		} );

		describe( 'in the same second as the base revision (MediaWiki then overwrites without a conflict)', () => {
			it( 'brings back their change to another field with a follow-up edit', async () => {
				const s = setup( 0 );
				s.wiki.tickMs = 0;
				s.wiki.edit( titleOf( 'r000' ), serializePartnership( record( { name: 'Record r000' } ) ), 'Seeder' );
				const base = await baseOf( s, 'r000' );
				s.wiki.edit( titleOf( 'r000' ), serializePartnership( { ...base.record, name: 'Bob renamed it' } ), 'Bob' );
				const outcome = await s.repo().save( { id: 'r000', record: { ...base.record, status: 'paused' }, base } );
				expect( outcome ).toMatchObject( { status: 'saved', merged: true, attempts: 2 } );
				const history = s.wiki.history( titleOf( 'r000' ) );
				expect( parsed( history[ 2 ].content ).name ).toBe( 'Record r000' );
				expect( parsed( s.wiki.text( titleOf( 'r000' ) ) ) ).toMatchObject( { name: 'Bob renamed it', status: 'paused' } );
			} );

			it( 'puts their value back and hands the same field to the person', async () => {
				const s = setup( 0 );
				s.wiki.tickMs = 0;
				s.wiki.edit( titleOf( 'r000' ), serializePartnership( record( { name: 'Record r000' } ) ), 'Seeder' );
				const base = await baseOf( s, 'r000' );
				s.wiki.edit( titleOf( 'r000' ), serializePartnership( { ...base.record, name: 'Bob’s name' } ), 'Bob' );
				const outcome = await s.repo().save( { id: 'r000', record: { ...base.record, name: 'Alice’s name', status: 'paused' }, base } );
				expect( outcome ).toMatchObject( {
					status: 'conflict',
					conflicts: [ { field: 'name', theirs: 'Bob’s name', ours: 'Alice’s name' } ],
					merged: { name: 'Bob’s name', status: 'paused' },
					theirs: { record: { name: 'Bob’s name', status: 'paused' } },
				} );
				const history = s.wiki.history( titleOf( 'r000' ) );
				expect( history ).toHaveLength( 4 );
				expect( ( outcome as Extract<SaveOutcome, { status: 'conflict' }> ).theirs.revid ).toBe( history[ 3 ].revid );
				expect( parsed( s.wiki.text( titleOf( 'r000' ) ) ).name ).toBe( 'Bob’s name' );
			} );
		} );

		it( 'restores a change of our own that MediaWiki overwrote (self-conflict) with a follow-up edit', async () => {
			const s = setup( 1 );
			const base = await baseOf( s, 'r000' );
			// Alice, in another tab, renames it; then saves this tab's stale edit.
			s.wiki.edit( titleOf( 'r000' ), serializePartnership( { ...base.record, name: 'Other tab' } ), 'Alice' );
			const outcome = await s.repo().save( { id: 'r000', record: { ...base.record, status: 'paused' }, base } );
			expect( outcome ).toMatchObject( { status: 'saved', merged: true, attempts: 2 } );
			expect( parsed( s.wiki.text( titleOf( 'r000' ) ) ) ).toMatchObject( { name: 'Other tab', status: 'paused' } );
		} );

		it( 'reads a merge that MediaWiki made into invalid JSON as a conflict to merge by field', async () => {
			const s = setup( 1 );
			const base = await baseOf( s, 'r000' );
			s.wiki.edit( titleOf( 'r000' ), serializePartnership( { ...base.record, name: 'Bob' } ), 'Bob' );
			s.wiki.interceptors.push( failing( new ApiError( 'invalid-json-data', 'Invalid JSON' ) ) );
			const outcome = await s.repo().save( { id: 'r000', record: { ...base.record, status: 'paused' }, base } );
			expect( outcome ).toMatchObject( { status: 'saved', merged: true } );
			expect( parsed( s.wiki.text( titleOf( 'r000' ) ) ) ).toMatchObject( { name: 'Bob', status: 'paused' } );
		} );
	} );

	describe( 'saves exactly once when an answer is lost', () => {
		it( 'create: the retry finds its own page (articleexists) and counts it as saved', async () => {
			const s = setup( 0 );
			s.wiki.interceptors.push( lostAnswer() );
			const outcome = await s.repo().save( { id: 'once', record: record( { name: 'Once' } ), base: null } );
			expect( outcome ).toMatchObject( { status: 'saved', attempts: 2, entry: { id: 'once', record: { name: 'Once' } } } );
			expect( s.wiki.history( titleOf( 'once' ) ) ).toHaveLength( 1 );
			expect( s.delays ).toHaveLength( 1 );
			expect( s.drafts.list() ).toEqual( [] );
		} );

		it( 'create: someone else’s page of that name is not ours', async () => {
			const s = setup( 0 );
			s.wiki.edit( titleOf( 'taken' ), serializePartnership( record( { name: 'Theirs' } ) ), 'Bob' );
			const outcome = await s.repo().save( { id: 'taken', record: record( { name: 'Mine' } ), base: null } );
			expect( outcome ).toMatchObject( { status: 'draft', reason: 'exists', code: 'articleexists' } );
			expect( s.drafts.list() ).toHaveLength( 1 );
		} );

		it( 'update: the retried edit is a no-change edit, and one revision', async () => {
			const s = setup( 1 );
			const base = await baseOf( s, 'r000' );
			s.wiki.interceptors.push( lostAnswer( new ApiError( 'http', 'error' ) ) );
			const outcome = await s.repo().save( { id: 'r000', record: { ...base.record, name: 'Once' }, base } );
			expect( outcome ).toMatchObject( { status: 'saved', attempts: 2, entry: { record: { name: 'Once' } } } );
			expect( s.wiki.history( titleOf( 'r000' ) ) ).toHaveLength( 2 );
		} );
	} );

	it.each( [
		[ 'assertuserfailed', new ApiError( 'assertuserfailed', 'logged out' ), 'session', 1 ],
		[ 'badtoken (after the API’s own fresh-token retry)', new ApiError( 'badtoken', 'bad token' ), 'session', 1 ],
		[ 'permissiondenied', new ApiError( 'permissiondenied', 'no' ), 'permission', 1 ],
		[ 'protectedpage', new ApiError( 'protectedpage', 'no' ), 'permission', 1 ],
		[ 'readonly', new ApiError( 'readonly', 'maintenance' ), 'readonly', 4 ],
		[ 'ratelimited', new ApiError( 'ratelimited', 'slow down' ), 'ratelimited', 4 ],
		[ 'maxlag', new ApiError( 'maxlag', 'lag', undefined, undefined, 1 ), 'maxlag', 4 ],
		[ 'HTTP 503', new ApiError( 'http', 'HTTP 503', 503 ), 'server', 4 ],
		[ 'HTTP 429', new ApiError( 'http', 'HTTP 429', 429 ), 'ratelimited', 4 ],
		[ 'a dropped connection', new ApiError( 'http', 'error' ), 'network', 4 ],
		[ 'a timeout', new ApiError( 'timeout', 'timeout' ), 'network', 4 ],
		[ 'something else', new ApiError( 'spam-something', '?' ), 'unknown', 1 ],
	] )( 'keeps a draft on %s', async ( _name, error, reason, requests ) => {
		const s = setup( 0 );
		for ( let i = 0; i < 4; i++ ) {
			s.wiki.interceptors.push( failing( error ) );
		}
		const outcome = await s.repo().save( { id: 'x', record: record(), base: null } );
		expect( outcome ).toMatchObject( { status: 'draft', reason, code: error.code } );
		expect( s.wiki.calls ).toHaveLength( requests );
		expect( s.drafts.get( draftKey( root, 'x' ) ) ).toMatchObject( { id: 'x', lastError: error.code } );
		expect( s.wiki.history( titleOf( 'x' ) ) ).toEqual( [] );
	} );

	it( 'tells a rate limit on content-model changes from a missing right when creating', async () => {
		const refused = (): ApiError => new ApiError( 'cantchangecontentmodel', 'You don\'t have permission to change the content model of a page.' );
		const s = setup( 0 );
		s.wiki.interceptors.push( failing( refused() ) );
		const limited = await s.repo().save( { id: 'x', record: record(), base: null } );
		expect( limited ).toMatchObject( { status: 'draft', reason: 'ratelimited', code: 'cantchangecontentmodel' } );
		expect( s.wiki.calls.filter( ( c ) => c.meta === 'userinfo' ) ).toHaveLength( 1 );
		expect( s.drafts.get( draftKey( root, 'x' ) ) ).toMatchObject( { id: 'x', lastError: 'cantchangecontentmodel' } );

		s.wiki.rights = [ 'read', 'edit', 'createpage' ];
		s.wiki.interceptors.push( failing( refused() ) );
		const denied = await s.repo().save( { id: 'x', record: record(), base: null } );
		expect( denied ).toMatchObject( { status: 'draft', reason: 'permission', code: 'cantchangecontentmodel' } );

		// Rights that cannot be read leave it a permission problem, as the wiki said.
		s.wiki.rights = [ 'read', 'edit', 'createpage', 'editcontentmodel' ];
		s.wiki.interceptors.push( failing( refused() ), failing( new ApiError( 'http', 'HTTP 400', 400 ) ) );
		expect( await s.repo().save( { id: 'x', record: record(), base: null } ) ).toMatchObject( { status: 'draft', reason: 'permission' } );

		// Other failures need no look at the account.
		const before = s.wiki.calls.length;
		s.wiki.interceptors.push( failing( new ApiError( 'protectedpage', 'no' ) ) );
		expect( await s.repo().save( { id: 'x', record: record(), base: null } ) ).toMatchObject( { status: 'draft', reason: 'permission' } );
		expect( s.wiki.calls.slice( before ).some( ( c ) => c.meta === 'userinfo' ) ).toBe( false );

		expect( s.wiki.history( titleOf( 'x' ) ) ).toEqual( [] );
	} );

	it( 'keeps a draft when the session is lost (assert=user), and saves it once logged in again', async () => {
		const s = setup( 0 );
		s.wiki.user = null;
		const first = await s.repo().save( { id: 'later', record: record( { name: 'Later' } ), base: null } );
		expect( first ).toMatchObject( { status: 'draft', reason: 'session', code: 'assertuserfailed' } );
		const kept = s.drafts.get( draftKey( root, 'later' ) );
		expect( kept ).toMatchObject( { record: { name: 'Later' } } );
		s.wiki.user = 'Alice';
		const second = await s.repo().save( { id: 'later', record: kept?.record as Partnership, base: null } );
		expect( second.status ).toBe( 'saved' );
		expect( s.drafts.list() ).toEqual( [] );
	} );

	it( 'honours Retry-After and backs off, then saves', async () => {
		const s = setup( 0 );
		s.wiki.interceptors.push(
			failing( new ApiError( 'maxlag', 'lag', undefined, undefined, 5 ) ),
			failing( new ApiError( 'http', 'HTTP 429', 429, undefined, 12 ) ),
			failing( new ApiError( 'http', 'HTTP 503', 503 ) ),
		);
		const outcome = await s.repo().save( { id: 'patient', record: record(), base: null } );
		expect( outcome ).toMatchObject( { status: 'saved', attempts: 4 } );
		// random() = 0.5: backoff 500 → 375, 1000 → 750, 2000 → 1500; Retry-After wins when longer.
		expect( s.delays ).toEqual( [ 5000, 12000, 1500 ] );
	} );

	it.each( [
		[ 'an invalid record', 'ok', { name: '' }, 'invalid-record' ],
		[ 'an invalid id', 'bad|id', {}, 'invalid-id' ],
	] )( 'refuses %s before sending anything', async ( _name, id, overrides, code ) => {
		const s = setup( 0 );
		const outcome = await s.repo().save( { id, record: { ...record(), ...overrides }, base: null } );
		expect( outcome ).toMatchObject( { status: 'draft', reason: 'invalid', code } );
		expect( s.wiki.calls ).toEqual( [] );
	} );
} );

describe( 'helpers', () => {
	it.each( [
		[ 'abc', true ], [ 'with space', true ], [ 'a/b', true ], [ '', false ], [ ' lead', false ],
		[ 'a#b', false ], [ 'a[b', false ], [ 'a%20b', false ], [ 'a//b', false ], [ '../x', false ],
	] )( 'isValidRecordId( %j ) is %s', ( id, ok ) => {
		expect( isValidRecordId( id ) ).toBe( ok );
	} );

	it.each( [
		[ 'notloggedin', undefined, 'session' ],
		[ 'assertnameduserfailed', undefined, 'session' ],
		[ 'http', 404, 'unknown' ],
		[ 'http', 500, 'server' ],
		[ 'internal_api_error_DBQueryError', undefined, 'server' ],
		[ 'abusefilter-disallowed', undefined, 'permission' ],
		[ 'cantcreate', undefined, 'permission' ],
		[ 'contenttoobig', undefined, 'invalid' ],
		[ 'articleexists', undefined, 'exists' ],
	] )( 'draftReason( %s, %s ) is %s', ( code, status, reason ) => {
		expect( failureKind( new ApiError( code, code, status ) ) ).toBe( reason );
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
