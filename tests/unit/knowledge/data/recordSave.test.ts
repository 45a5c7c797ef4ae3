import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../../src/shared/api/ActionApi';
import { SaveOutcome, draftKey } from '../../../../src/knowledge/data/partnershipRepository';
import { Partnership, serializePartnership } from '../../../../src/knowledge/domain/partnership';
import { failing, lostAnswer } from '../../../support/fakeWiki';
import { baseOf, parsed, record, root, setup, titleOf } from '../../../support/fakes';

// PartnershipRepository.save (recordSave.ts, with the draft kept by partnershipRepository.ts).

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
