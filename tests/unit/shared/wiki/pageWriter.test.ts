import { describe, expect, it } from 'vitest';
import { ApiError, ApiParams } from '../../../../src/shared/api/ActionApi';
import { PageRevision } from '../../../../src/shared/wiki/jsonPages';
import { PageWriter } from '../../../../src/shared/wiki/pageWriter';
import { FakeWiki, failing, lostAnswer } from '../../../support/fakeWiki';

const TITLE = 'Project:Partnerships/Things/one';
const TEXT = JSON.stringify( { schema: 'thing/1', name: 'One' }, null, '\t' );

function setup( user = 'Alice' ): { wiki: FakeWiki; writer: PageWriter; delays: number[]; edits: () => ApiParams[] } {
	const wiki = new FakeWiki();
	const delays: number[] = [];
	const writer = new PageWriter( {
		api: wiki,
		userName: user,
		retry: {
			random: () => 0.5,
			sleep: async ( ms ) => {
				delays.push( ms );
			},
		},
	} );
	return { wiki, writer, delays, edits: () => wiki.calls.filter( ( c ) => c.action === 'edit' ) };
}

const byAlice = ( page: PageRevision ): boolean => page.user === 'Alice';

describe( 'PageWriter.create', () => {
	it( 'creates only: createonly, JSON, assert=user, and says what it made', async () => {
		const { wiki, writer, edits } = setup();
		const result = await writer.create( { title: TITLE, text: TEXT, summary: 'New' } );
		expect( edits() ).toEqual( [ {
			action: 'edit', title: TITLE, text: TEXT, contentmodel: 'json', assert: 'user', summary: 'New', createonly: true,
		} ] );
		const [ rev ] = wiki.history( TITLE );
		expect( result ).toEqual( {
			status: 'saved',
			page: { pageid: expect.any( Number ), title: TITLE, revid: rev.revid, timestamp: rev.timestamp, user: 'Alice', content: TEXT },
			oldrevid: 0,
			attempts: 1,
		} );
	} );

	it( 'finds its own page when the retry after a lost answer meets articleexists', async () => {
		const { wiki, writer, delays } = setup();
		wiki.interceptors.push( lostAnswer() );
		const result = await writer.create( { title: TITLE, text: TEXT }, { ours: byAlice } );
		expect( result ).toMatchObject( { status: 'saved', attempts: 2, page: { title: TITLE, user: 'Alice', content: TEXT } } );
		expect( wiki.history( TITLE ) ).toHaveLength( 1 );
		expect( delays ).toHaveLength( 1 );
	} );

	it( 'does not take someone else\'s page for its own after a lost answer', async () => {
		const { wiki, writer } = setup();
		wiki.interceptors.push( async () => {
			// Lost before it arrived, and Bob creates the page meanwhile.
			wiki.edit( TITLE, TEXT, 'Bob' );
			throw new ApiError( 'timeout', 'timeout' );
		} );
		const result = await writer.create( { title: TITLE, text: TEXT }, { ours: byAlice } );
		expect( result ).toMatchObject( { status: 'exists', error: { code: 'articleexists' }, page: { user: 'Bob' }, attempts: 2 } );
	} );

	it( 'says "exists" without reading when no answer was lost', async () => {
		const { wiki, writer } = setup();
		wiki.edit( TITLE, TEXT, 'Alice' );
		wiki.calls.length = 0;
		const result = await writer.create( { title: TITLE, text: TEXT }, { ours: byAlice } );
		expect( result ).toMatchObject( { status: 'exists', page: null, attempts: 1 } );
		expect( wiki.calls ).toHaveLength( 1 );
	} );

	it( 'settles a last failure that may have landed only when asked to', async () => {
		for ( const settleLastFailure of [ false, true ] ) {
			const { wiki, writer } = setup();
			// Every answer lost; the last attempt is the one that landed.
			wiki.interceptors.push( ...[ 1, 2, 3 ].map( () => failing( new ApiError( 'http', 'HTTP 502', 502 ) ) ), lostAnswer() );
			const result = await writer.create( { title: TITLE, text: TEXT }, { ours: byAlice, settleLastFailure } );
			expect( result ).toMatchObject( settleLastFailure ?
				{ status: 'saved', attempts: 4 } :
				{ status: 'failed', lost: true, attempts: 4, error: { code: 'timeout' } } );
			expect( wiki.calls.filter( ( c ) => c.action === 'query' ) ).toHaveLength( settleLastFailure ? 1 : 0 );
		}
	} );
} );

describe( 'PageWriter.edit', () => {
	it( 'edits from a base revision: baserevid, basetimestamp, starttimestamp, nocreate', async () => {
		const { wiki, writer, edits } = setup();
		const base = wiki.edit( TITLE, TEXT, 'Bob' );
		const text = TEXT.replace( 'One', 'Two' );
		const result = await writer.edit( { title: TITLE, text }, base, '2026-11-02T00:00:00Z' );
		expect( edits()[ 0 ] ).toEqual( {
			action: 'edit', title: TITLE, text, contentmodel: 'json', assert: 'user', summary: '',
			baserevid: base.revid, basetimestamp: base.timestamp, starttimestamp: '2026-11-02T00:00:00Z', nocreate: true,
		} );
		expect( result ).toMatchObject( { status: 'saved', oldrevid: base.revid, attempts: 1, page: { user: 'Alice', content: text } } );
		expect( await writer.edit( { title: 'Project:Missing', text }, base ) ).toMatchObject( { status: 'failed', error: { code: 'missingtitle' } } );
		expect( edits()[ 1 ].starttimestamp ).toBe( base.timestamp );
	} );

	it( 'is a null edit when retried after a lost answer: one revision', async () => {
		const { wiki, writer } = setup();
		const base = wiki.edit( TITLE, TEXT, 'Bob' );
		wiki.interceptors.push( lostAnswer( new ApiError( 'http', 'dropped' ) ) );
		const result = await writer.edit( { title: TITLE, text: TEXT.replace( 'One', 'Two' ) }, base );
		expect( result ).toEqual( { status: 'nochange', attempts: 2, lost: true } );
		expect( wiki.history( TITLE ).map( ( r ) => r.user ) ).toEqual( [ 'Bob', 'Alice' ] );
	} );

	it( 'passes an edit conflict on, and settles a lost last answer by a newer revision of ours', async () => {
		const { wiki, writer } = setup();
		wiki.staleBase = 'conflict';
		const base = wiki.edit( TITLE, TEXT, 'Bob' );
		wiki.edit( TITLE, TEXT.replace( 'One', 'Bob' ), 'Bob' );
		expect( await writer.edit( { title: TITLE, text: TEXT.replace( 'One', 'Alice' ) }, base ) )
			.toMatchObject( { status: 'failed', error: { code: 'editconflict' }, lost: false, attempts: 1 } );

		const latest = wiki.history( TITLE )[ 1 ];
		wiki.interceptors.push( ...[ 1, 2, 3 ].map( () => failing( new ApiError( 'timeout', 'timeout' ) ) ), lostAnswer() );
		const result = await writer.edit( { title: TITLE, text: TEXT.replace( 'One', 'Alice' ) }, latest, undefined, {
			ours: byAlice, settleLastFailure: true,
		} );
		expect( result ).toMatchObject( { status: 'saved', attempts: 4, page: { user: 'Alice' } } );
	} );
} );

describe( 'PageWriter retries', () => {
	it( 'honours Retry-After and backs off with jitter', async () => {
		const { wiki, writer, delays } = setup();
		wiki.interceptors.push(
			failing( new ApiError( 'maxlag', 'lag', undefined, undefined, 5 ) ),
			failing( new ApiError( 'http', 'HTTP 429', 429, undefined, 12 ) ),
			failing( new ApiError( 'http', 'HTTP 503', 503 ) ),
		);
		expect( await writer.create( { title: TITLE, text: TEXT } ) ).toMatchObject( { status: 'saved', attempts: 4 } );
		// random() = 0.5: backoff 500 → 375, 1000 → 750, 2000 → 1500; Retry-After wins when longer.
		expect( delays ).toEqual( [ 5000, 12000, 1500 ] );
	} );

	it( 'stops after 4 attempts', async () => {
		const { wiki, writer, delays, edits } = setup();
		wiki.interceptors.push( ...Array.from( { length: 6 }, () => failing( new ApiError( 'readonly', 'maintenance' ) ) ) );
		expect( await writer.create( { title: TITLE, text: TEXT } ) ).toMatchObject( { status: 'failed', error: { code: 'readonly' }, attempts: 4, lost: false } );
		expect( edits() ).toHaveLength( 4 );
		expect( delays ).toHaveLength( 3 );
		expect( wiki.history( TITLE ) ).toEqual( [] );
	} );

	it( 'sends badtoken once: the API client has already tried a fresh token', async () => {
		const { wiki, writer, edits } = setup();
		wiki.interceptors.push( failing( new ApiError( 'badtoken', 'Invalid CSRF token.' ) ) );
		const result = await writer.create( { title: TITLE, text: TEXT } );
		expect( result ).toMatchObject( { status: 'failed', error: { code: 'badtoken' }, attempts: 1 } );
		expect( edits() ).toHaveLength( 1 );
		expect( await writer.failureKind( ( result as { error: ApiError } ).error ) ).toBe( 'session' );
	} );

	it( 'makes a non-Success edit answer a failure', async () => {
		const { wiki, writer } = setup();
		wiki.interceptors.push( async () => ( { edit: { result: 'Failure', captcha: { type: 'image' } } } ) );
		expect( await writer.create( { title: TITLE, text: TEXT } ) ).toMatchObject( { status: 'failed', error: { code: 'captcha' } } );
	} );
} );

describe( 'PageWriter.send', () => {
	const post = { action: 'edit', title: 'User talk:Bob', section: 'new', text: 'Hello' };

	it( 'asks whether a lost write landed before sending it again, and after a last lost answer', async () => {
		const { wiki, writer } = setup();
		const checks: number[] = [];
		let landed = false;
		wiki.interceptors.push( async () => {
			landed = true;
			throw new ApiError( 'timeout', 'timeout' );
		} );
		const sent = await writer.send( post, async () => {
			checks.push( wiki.calls.length );
			return landed;
		} );
		expect( sent ).toEqual( { ok: true, answer: null, attempts: 1, lost: true } );
		expect( checks ).toEqual( [ 1 ] );

		const again = setup();
		again.wiki.interceptors.push( ...Array.from( { length: 4 }, () => failing( new ApiError( 'timeout', 'timeout' ) ) ) );
		let asked = 0;
		const last = await again.writer.send( post, async () => ++asked === 4 );
		expect( last ).toMatchObject( { ok: true, answer: null, attempts: 4 } );
	} );

	it( 'never asks when no answer was lost', async () => {
		const { wiki, writer } = setup();
		wiki.interceptors.push( failing( new ApiError( 'protectedpage', 'no' ) ) );
		let asked = 0;
		const sent = await writer.send( post, async () => {
			asked++;
			return true;
		} );
		expect( sent ).toMatchObject( { ok: false, error: { code: 'protectedpage' }, attempts: 1, lost: false } );
		expect( asked ).toBe( 0 );
	} );
} );

describe( 'PageWriter.failureKind', () => {
	it( 'tells a content-model rate limit from a missing right by the account\'s rights', async () => {
		const { wiki, writer } = setup();
		const refused = new ApiError( 'cantchangecontentmodel', 'no' );
		expect( await writer.failureKind( refused ) ).toBe( 'ratelimited' );
		wiki.rights = [ 'read', 'edit' ];
		expect( await writer.failureKind( refused ) ).toBe( 'permission' );
		const before = wiki.calls.length;
		expect( await writer.failureKind( new ApiError( 'readonly', 'ro' ) ) ).toBe( 'readonly' );
		expect( wiki.calls.length ).toBe( before );
	} );
} );
