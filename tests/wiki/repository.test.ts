// PartnershipRepository against the real MediaWiki 1.43 extension wiki: saves, conflicts
// between two accounts, lost answers, and what warm opens cost in requests.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { ActionApi, ApiError, ApiParams, ApiResponse } from '../../src/shared/api/ActionApi';
import { HttpActionApi } from '../../src/shared/api/HttpActionApi';
import { MemoryDraftStore } from '../../src/shared/wiki/drafts';
import { MemoryRecordCache } from '../../src/shared/wiki/recordCache';
import { PartnershipRepository, RecordEntry, SaveOutcome } from '../../src/knowledge/data/partnershipRepository';
import { Partnership, normalisePartnership, parsePartnership } from '../../src/knowledge/domain/partnership';

const wiki = inject( 'wikis' ).ext;
const root = { namespace: 4, title: 'Partnerships' };
const RUN = `repo-test-${ Date.now() }`;
const created = new Set<string>();

const titleOf = ( id: string ): string => `Project:Partnerships/Records/${ id }`;

function record( overrides: Partial<Partnership> = {} ): Partnership {
	return normalisePartnership( {
		schema: 'partnership/1',
		name: 'Repository test',
		partners: [ { label: 'Test partner' } ],
		type: 'other',
		status: 'proposed',
		...overrides,
	} );
}

/** Forwards to a real client and keeps every request and its answer (or error). */
class RecordingApi implements ActionApi {
	public readonly log: { params: ApiParams; answer?: ApiResponse; error?: ApiError }[] = [];

	/** Lose the answer of the next N edits (the edit is made; the client sees a timeout) */
	public loseNextEdits = 0;

	public constructor( private readonly api: ActionApi ) {}

	public get( params: ApiParams ): Promise<ApiResponse> {
		return this.track( params, () => this.api.get( params ) );
	}

	public postWithEditToken( params: ApiParams ): Promise<ApiResponse> {
		return this.track( params, () => this.api.postWithEditToken( params ) );
	}

	public edits(): { params: ApiParams; answer?: ApiResponse; error?: ApiError }[] {
		return this.log.filter( ( l ) => l.params.action === 'edit' );
	}

	private async track( params: ApiParams, run: () => Promise<ApiResponse> ): Promise<ApiResponse> {
		const entry: { params: ApiParams; answer?: ApiResponse; error?: ApiError } = { params };
		this.log.push( entry );
		if ( params.action === 'edit' && typeof params.title === 'string' ) {
			created.add( params.title );
		}
		try {
			entry.answer = await run();
		} catch ( e ) {
			entry.error = e as ApiError;
			throw e;
		}
		if ( params.action === 'edit' && this.loseNextEdits > 0 ) {
			this.loseNextEdits--;
			throw new ApiError( 'timeout', 'timeout of 60000ms exceeded (simulated: the edit was made)' );
		}
		return entry.answer;
	}
}

interface Person {
	api: RecordingApi;
	cache: MemoryRecordCache;
	drafts: MemoryDraftStore;
	repo: PartnershipRepository;
}

async function person( index: number ): Promise<Person> {
	const account = wiki.accounts.users[ index ];
	const http = new HttpActionApi( wiki.api, 'Partnerships-tests/0.1' );
	await http.clientLogin( account.username, account.password );
	const api = new RecordingApi( http );
	const cache = new MemoryRecordCache( `${ wiki.api }#4:Partnerships` );
	const drafts = new MemoryDraftStore();
	// Real waits, kept short: the local wiki has no lag and no rate limit we hit.
	const repo = new PartnershipRepository( { api, root, cache, drafts, userName: account.username, retry: { baseDelayMs: 50 } } );
	return { api, cache, drafts, repo };
}

async function history( title: string ): Promise<{ revid: number; user: string; content: string }[]> {
	const answer = await new HttpActionApi( wiki.api ).get( {
		action: 'query', titles: title, prop: 'revisions', rvprop: [ 'ids', 'user', 'content' ], rvslots: 'main', rvlimit: 50, rvdir: 'newer',
	} );
	const page = answer.query.pages[ 0 ];
	return ( page.revisions ?? [] ).map( ( r: { revid: number; user: string; slots: { main: { content: string } } } ) => ( {
		revid: r.revid, user: r.user, content: r.slots.main.content,
	} ) );
}

function current( revisions: { content: string }[] ): Partnership {
	const parsed = parsePartnership( revisions[ revisions.length - 1 ].content );
	if ( !parsed.ok ) {
		throw new Error( parsed.detail );
	}
	return parsed.record;
}

function baseOf( entry: RecordEntry | undefined ): { revid: number; timestamp: string; record: Partnership } {
	if ( !entry || !entry.valid ) {
		throw new Error( 'No valid entry' );
	}
	return { revid: entry.revid, timestamp: entry.timestamp, record: entry.record };
}

/**
 * @param timestamp A revision's time (second precision)
 * @return After that second is over: MediaWiki only counts an edit as made after a base
 *  revision when its second is later (see PartnershipRepository.save)
 */
async function afterSecondOf( timestamp: string ): Promise<void> {
	const wait = Date.parse( timestamp ) + 1050 - Date.now();
	if ( wait > 0 ) {
		await new Promise( ( resolve ) => {
			setTimeout( resolve, wait );
		} );
	}
}

/** @return At the start of a second, so that a few quick edits share it */
async function startOfSecond(): Promise<void> {
	await new Promise( ( resolve ) => {
		setTimeout( resolve, 1000 - Date.now() % 1000 + 10 );
	} );
}

function saved( outcome: SaveOutcome ): Extract<SaveOutcome, { status: 'saved' }> {
	expect( outcome.status, JSON.stringify( outcome ) ).toBe( 'saved' );
	return outcome as Extract<SaveOutcome, { status: 'saved' }>;
}

let alice: Person;
let bob: Person;

beforeAll( async () => {
	alice = await person( 0 );
	bob = await person( 1 );
} );

afterAll( async () => {
	// Leave the wiki as we found it: other tests count the records on it.
	const admin = new HttpActionApi( wiki.api );
	await admin.login( wiki.accounts.admin.botUsername, wiki.accounts.admin.botPassword );
	for ( const title of created ) {
		await admin.postWithEditToken( { action: 'delete', title, reason: 'Repository test clean-up' } ).catch( ( e ) => {
			if ( !( e instanceof ApiError && e.code === 'missingtitle' ) ) {
				throw e;
			}
		} );
	}
	const left = await admin.get( { action: 'query', list: 'allpages', apnamespace: 4, apprefix: `Partnerships/Records/${ RUN }` } );
	expect( left.query.allpages ).toEqual( [] );
} );

describe( 'PartnershipRepository on MediaWiki 1.43', () => {
	it( 'creates a record, lists it, and updates it', async () => {
		const id = `${ RUN }-create`;
		const cold = await alice.repo.open();
		console.log( `[repository] cold open of ${ cold.entries.length } records: ${ cold.requests } requests` );
		expect( cold.warm ).toBe( false );
		expect( cold.requests ).toBeLessThanOrEqual( Math.ceil( cold.entries.length / 50 ) + 3 );

		const first = saved( await alice.repo.save( { id, record: record( { name: 'Created by the test' } ), base: null, summary: 'test: create' } ) );
		expect( first ).toMatchObject( { merged: false, attempts: 1, entry: { id, valid: true, title: titleOf( id ) } } );
		expect( alice.api.edits()[ 0 ].answer?.edit ).toMatchObject( { new: true, contentmodel: 'json' } );
		expect( alice.drafts.list() ).toEqual( [] );

		const listed = await alice.repo.open();
		const entry = listed.entries.find( ( e ) => e.id === id );
		expect( entry ).toMatchObject( { valid: true, record: { name: 'Created by the test' }, user: 'Alice' } );

		const update = saved( await alice.repo.save( { id, record: { ...baseOf( entry ).record, status: 'active' }, base: baseOf( entry ), summary: 'test: update' } ) );
		expect( update.merged ).toBe( false );
		const revisions = await history( titleOf( id ) );
		expect( revisions ).toHaveLength( 2 );
		expect( current( revisions ) ).toMatchObject( { name: 'Created by the test', status: 'active' } );
	} );

	it( 'merges Alice’s and Bob’s changes to different fields from the same base', async () => {
		const id = `${ RUN }-disjoint`;
		saved( await alice.repo.save( { id, record: record( { name: 'Disjoint' } ), base: null } ) );
		const base = baseOf( ( await alice.repo.open() ).entries.find( ( e ) => e.id === id ) );
		await afterSecondOf( base.timestamp );

		saved( await bob.repo.save( { id, record: { ...base.record, name: 'Disjoint, renamed by Bob' }, base } ) );
		const before = alice.api.edits().length;
		const outcome = saved( await alice.repo.save( { id, record: { ...base.record, status: 'active' }, base } ) );
		const edits = alice.api.edits().slice( before );
		console.log( '[repository] stale-base JSON edit, changes on different lines: MediaWiki answered',
			JSON.stringify( edits.map( ( e ) => e.error ? e.error.code : { ...e.answer?.edit, baserevid: e.params.baserevid } ) ) );
		// MediaWiki merges the lines itself (diff3) and says Success, with Bob's revision as
		// the parent; the repository checks that against its field merge: one edit.
		expect( edits ).toHaveLength( 1 );
		expect( edits[ 0 ].answer?.edit ).toMatchObject( { result: 'Success' } );
		expect( edits[ 0 ].answer?.edit.oldrevid ).not.toBe( base.revid );

		expect( outcome.merged ).toBe( true );
		const revisions = await history( titleOf( id ) );
		expect( revisions.map( ( r ) => r.user ) ).toEqual( [ 'Alice', 'Bob', 'Alice' ] );
		expect( current( revisions ) ).toMatchObject( { name: 'Disjoint, renamed by Bob', status: 'active' } );
		expect( alice.drafts.list() ).toEqual( [] );
	} );

	it( 'hands a change of the same field to the person, overwriting nothing', async () => {
		const id = `${ RUN }-same-field`;
		saved( await alice.repo.save( { id, record: record( { name: 'Same field' } ), base: null } ) );
		const base = baseOf( ( await alice.repo.open() ).entries.find( ( e ) => e.id === id ) );
		await afterSecondOf( base.timestamp );

		saved( await bob.repo.save( { id, record: { ...base.record, name: 'Bob’s name' }, base } ) );
		const outcome = await alice.repo.save( { id, record: { ...base.record, name: 'Alice’s name' }, base } );
		console.log( '[repository] stale-base JSON edit, same line: MediaWiki answered',
			JSON.stringify( alice.api.edits().slice( -1 ).map( ( e ) => e.error ? e.error.code : e.answer?.edit ) ) );
		expect( alice.api.edits().slice( -1 )[ 0 ].error?.code ).toBe( 'editconflict' );
		expect( outcome.status ).toBe( 'conflict' );
		const conflict = outcome as Extract<SaveOutcome, { status: 'conflict' }>;
		expect( conflict.conflicts ).toEqual( [ { field: 'name', base: 'Same field', theirs: 'Bob’s name', ours: 'Alice’s name' } ] );
		expect( conflict.theirs ).toMatchObject( { user: 'Bob', record: { name: 'Bob’s name' } } );

		let revisions = await history( titleOf( id ) );
		expect( revisions.map( ( r ) => r.user ) ).toEqual( [ 'Alice', 'Bob' ] );
		expect( current( revisions ).name ).toBe( 'Bob’s name' );
		expect( alice.drafts.list() ).toHaveLength( 1 );

		// Alice keeps her name: saved on top of Bob's revision, which she has now seen.
		saved( await alice.repo.save( { id, record: { ...conflict.merged, name: 'Alice’s name' }, base: conflict.theirs } ) );
		revisions = await history( titleOf( id ) );
		expect( revisions.map( ( r ) => r.user ) ).toEqual( [ 'Alice', 'Bob', 'Alice' ] );
		expect( current( revisions ).name ).toBe( 'Alice’s name' );
		expect( alice.drafts.list() ).toEqual( [] );
	} );

	it( 'does not let a line merge stand where the field merge conflicts', async () => {
		const id = `${ RUN }-lists`;
		const start = record( { name: 'Lists', partners: [ { label: 'One' }, { label: 'Two' } ] } );
		saved( await alice.repo.save( { id, record: start, base: null } ) );
		const base = baseOf( ( await alice.repo.open() ).entries.find( ( e ) => e.id === id ) );
		await afterSecondOf( base.timestamp );

		saved( await bob.repo.save( { id, record: { ...base.record, partners: [ { label: 'One (Bob)' }, { label: 'Two' } ] }, base } ) );
		const outcome = await alice.repo.save( { id, record: { ...base.record, partners: [ { label: 'One' }, { label: 'Two (Alice)' } ] }, base } );
		console.log( '[repository] stale-base JSON edit, different lines of one list: MediaWiki answered',
			JSON.stringify( alice.api.edits().slice( -1 ).map( ( e ) => e.error ? e.error.code : e.answer?.edit ) ) );
		expect( outcome.status ).toBe( 'conflict' );
		const conflict = outcome as Extract<SaveOutcome, { status: 'conflict' }>;
		expect( conflict.conflicts.map( ( c ) => c.field ) ).toEqual( [ 'partners' ] );
		// MediaWiki saved its line merge; the repository put Bob's list back on top, and
		// that revision is "theirs" for the resolution.
		const revisions = await history( titleOf( id ) );
		expect( revisions.map( ( r ) => r.user ) ).toEqual( [ 'Alice', 'Bob', 'Alice', 'Alice' ] );
		expect( current( revisions.slice( 0, 3 ) ).partners ).toEqual( [ { label: 'One (Bob)' }, { label: 'Two (Alice)' } ] );
		expect( current( revisions ).partners ).toEqual( [ { label: 'One (Bob)' }, { label: 'Two' } ] );
		expect( conflict.theirs.revid ).toBe( revisions[ revisions.length - 1 ].revid );
		saved( await alice.repo.save( { id, record: { ...conflict.merged, partners: [ { label: 'One (Bob)' }, { label: 'Two (Alice)' } ] }, base: conflict.theirs } ) );
		expect( current( await history( titleOf( id ) ) ).partners ).toEqual( [ { label: 'One (Bob)' }, { label: 'Two (Alice)' } ] );
	} );

	it.each( [
		[ 'different fields', { status: 'active' }, 'saved' ],
		[ 'the same field', { name: 'Alice, same second' }, 'conflict' ],
	] as const )( 'loses nothing when Bob saved %s in the same second as the base revision', async ( _name, change, expected ) => {
		const id = `${ RUN }-same-second-${ expected }`;
		await startOfSecond();
		const first = saved( await alice.repo.save( { id, record: record( { name: 'Same second' } ), base: null } ) );
		const base = { revid: first.entry.revid, timestamp: first.entry.timestamp, record: record( { name: 'Same second' } ) };
		saved( await bob.repo.save( { id, record: { ...base.record, name: 'Bob, same second' }, base } ) );
		const outcome = await alice.repo.save( { id, record: { ...base.record, ...change }, base } );
		const revisions = await history( titleOf( id ) );
		const times = ( await new HttpActionApi( wiki.api ).get( { action: 'query', titles: titleOf( id ), prop: 'revisions', rvprop: 'timestamp', rvlimit: 10, rvdir: 'newer' } ) )
			.query.pages[ 0 ].revisions.map( ( r: { timestamp: string } ) => r.timestamp );
		console.log( `[repository] Bob and Alice in the second of the base (${ times.join( ', ' ) }): Alice's first edit answered`,
			JSON.stringify( alice.api.edits().filter( ( e ) => e.params.title === titleOf( id ) ).slice( 1, 2 ).map( ( e ) => e.error ? e.error.code : e.answer?.edit ) ),
			`; ${ revisions.length } revisions` );
		expect( outcome.status ).toBe( expected );
		if ( expected === 'saved' ) {
			expect( current( revisions ) ).toMatchObject( { name: 'Bob, same second', status: 'active' } );
		} else {
			// Bob's name is what the page says until Alice decides.
			expect( current( revisions ).name ).toBe( 'Bob, same second' );
			expect( ( outcome as Extract<SaveOutcome, { status: 'conflict' }> ).theirs.revid ).toBe( revisions[ revisions.length - 1 ].revid );
		}
	} );

	it( 'saves exactly once when the answer to an edit is lost', async () => {
		const id = `${ RUN }-lost`;
		alice.api.loseNextEdits = 1;
		const create = saved( await alice.repo.save( { id, record: record( { name: 'Lost answer' } ), base: null } ) );
		expect( create.attempts ).toBe( 2 );
		expect( alice.api.edits().slice( -1 )[ 0 ].error?.code ).toBe( 'articleexists' );
		expect( await history( titleOf( id ) ) ).toHaveLength( 1 );

		alice.api.loseNextEdits = 1;
		const base = { revid: create.entry.revid, timestamp: create.entry.timestamp, record: record( { name: 'Lost answer' } ) };
		const update = saved( await alice.repo.save( { id, record: { ...base.record, status: 'active' }, base } ) );
		expect( update.attempts ).toBe( 2 );
		expect( alice.api.edits().slice( -1 )[ 0 ].answer?.edit ).toMatchObject( { nochange: true } );
		const revisions = await history( titleOf( id ) );
		expect( revisions ).toHaveLength( 2 );
		expect( current( revisions ).status ).toBe( 'active' );
	} );

	it( 'keeps a draft when the session is gone', async () => {
		const anonymous = new PartnershipRepository( {
			api: new HttpActionApi( wiki.api ), root, drafts: new MemoryDraftStore(),
		} );
		const outcome = await anonymous.save( { id: `${ RUN }-anon`, record: record(), base: null } );
		expect( outcome ).toMatchObject( { status: 'draft', reason: 'session', code: 'assertuserfailed' } );
		expect( await history( titleOf( `${ RUN }-anon` ) ) ).toEqual( [] );
	} );

	it( 'opens warm in 1 request when nothing changed, and fetches only what changed', async () => {
		const id = `${ RUN }-warm`;
		saved( await alice.repo.save( { id, record: record( { name: 'Warm' } ), base: null } ) );
		await alice.repo.open();

		let before = alice.api.log.length;
		const unchanged = await alice.repo.open();
		expect( unchanged ).toMatchObject( { warm: true, requests: 1 } );
		expect( alice.api.log.slice( before ).map( ( l ) => l.params.list ) ).toEqual( [ 'recentchanges' ] );

		const base = baseOf( unchanged.entries.find( ( e ) => e.id === id ) );
		saved( await bob.repo.save( { id, record: { ...base.record, status: 'active' }, base } ) );
		before = alice.api.log.length;
		const changed = await alice.repo.open();
		console.log( `[repository] warm open of ${ changed.entries.length } records: ${ unchanged.requests } request unchanged, ${ changed.requests } after one edit` );
		expect( changed ).toMatchObject( { warm: true, requests: 2 } );
		expect( alice.api.log[ before + 1 ].params ).toMatchObject( { titles: [ titleOf( id ) ] } );
		expect( changed.entries.find( ( e ) => e.id === id ) ).toMatchObject( { user: 'Bob', record: { status: 'active' } } );
		// The same as a cold read.
		const cold = await new PartnershipRepository( { api: new HttpActionApi( wiki.api ), root } ).open();
		expect( changed.entries ).toEqual( cold.entries );
	} );
} );
