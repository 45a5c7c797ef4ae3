// The heroes repository against the simulated wiki (tests/support/fakeWiki.ts): loading,
// nominating, endorsing, celebrating, declining and the talk message, with faults. One file
// (a little over 400 lines) because the cases share one wiki's accounts and pages, as the
// repository's methods share one trust rule.
import { beforeEach, describe, expect, it } from 'vitest';
import { ApiError, ApiParams } from '../../../../src/shared/api/ActionApi';
import { HeroesRepository, NominationInput, TalkMessage } from '../../../../src/heroes/data/heroesRepository';
import { AccountInfo, DEFAULT_CELEBRATE_POLICY, Nomination } from '../../../../src/heroes/domain/heroes';
import { FakeWiki } from '../../../support/fakeWiki';

const FOLDER = 'Project:Partnerships/Heroes';
const root = { namespace: 4, title: 'Partnerships' };
const ORDINARY: AccountInfo = { groups: [ '*', 'user' ], rights: [ 'edit' ] };
const COORDINATOR: AccountInfo = { groups: [ '*', 'user', 'partnership-coordinator' ], rights: [ 'edit', 'partnerships-celebrate' ] };

function list( value: unknown ): string[] {
	return Array.isArray( value ) ? value.map( String ) : String( value ).split( '|' );
}

let wiki: FakeWiki;

/**
 * @param user The account, or null
 * @param sleeps Waits between retries, recorded
 * @return A repository in that account's session
 */
function repoAs( user: string | null, sleeps: number[] = [] ): HeroesRepository {
	return new HeroesRepository( {
		api: wiki.session( user ),
		root,
		policy: DEFAULT_CELEBRATE_POLICY,
		threshold: 2,
		userName: user,
		now: () => wiki.now(),
		retry: {
			random: () => 0,
			sleep: async ( ms ) => {
				sleeps.push( ms );
			},
		},
	} );
}

function editsOf( title?: string ): ApiParams[] {
	return wiki.calls.filter( ( p ) => p.action === 'edit' && ( title === undefined || p.title === title ) );
}

const isEdit = ( params: ApiParams ): boolean => params.action === 'edit';

function input( overrides: Partial<NominationInput> = {} ): NominationInput {
	return {
		nominee: { kind: 'user', user: 'bob' },
		category: 'volunteer',
		citation: 'For years of patient work welcoming newcomers to the wiki.',
		partnerships: [],
		regions: [],
		languages: [],
		...overrides,
	};
}

const endorsement = ( time = '2026-11-01T00:00:00Z' ): string => JSON.stringify( { schema: 'endorsement/1', comment: '', time } );
const celebration = JSON.stringify( { schema: 'celebration/1', time: '2026-11-01T00:00:00Z' } );

beforeEach( () => {
	wiki = new FakeWiki();
	const accounts = { Alice: ORDINARY, Bob: ORDINARY, Carol: ORDINARY, Dave: ORDINARY, Mallory: ORDINARY, Coord: COORDINATOR };
	for ( const [ name, info ] of Object.entries( accounts ) ) {
		wiki.accounts.set( name, info );
	}
} );

async function nominated( by = 'Alice', overrides: Partial<NominationInput> = {} ): Promise<Nomination> {
	const made = await repoAs( by ).nominate( input( overrides ) );
	if ( !made.ok ) {
		throw new Error( JSON.stringify( made ) );
	}
	const found = ( await repoAs( by ).load() ).nominations.find( ( n ) => n.id === made.id );
	if ( !found ) {
		throw new Error( 'not loaded' );
	}
	return found;
}

describe( 'HeroesRepository reads', () => {
	it( 'names the folder with the namespace the wiki gives, asking once', async () => {
		const repo = repoAs( 'Alice' );
		expect( await repo.folderTitle() ).toBe( FOLDER );
		expect( await repo.folderTitle() ).toBe( FOLDER );
		expect( wiki.calls.filter( ( p ) => p.meta === 'siteinfo' ) ).toHaveLength( 1 );
		const main = new HeroesRepository( { ...repo.options, root: { namespace: 0, title: 'Partnerships' } } );
		expect( await main.folderTitle() ).toBe( 'Partnerships/Heroes' );
		expect( wiki.calls.filter( ( p ) => p.meta === 'siteinfo' ) ).toHaveLength( 1 );
	} );

	it( 'reads every page in batches of 50, following continue, and asks about accounts 50 at a time', async () => {
		const nomination = JSON.stringify( {
			schema: 'nomination/1', nominee: { kind: 'group', name: 'G' }, category: 'organiser',
			citation: 'For years of patient work welcoming newcomers to the wiki.', nominator: 'Alice', created: '2026-11-01T00:00:00Z',
		} );
		for ( let i = 0; i < 60; i++ ) {
			const id = `g-${ String( i ).padStart( 2, '0' ) }`;
			wiki.edit( `${ FOLDER }/${ id }`, nomination, 'Alice' );
			wiki.edit( `${ FOLDER }/${ id }/Celebration`, celebration, `Celebrator ${ i }` );
		}
		wiki.edit( 'Project:Partnerships/Records/not-ours', '{}', 'Alice' );
		wiki.accounts.set( 'Celebrator 7', COORDINATOR );
		const result = await repoAs( 'Alice' ).load();
		const reads = wiki.calls.filter( ( p ) => p.generator === 'allpages' );
		expect( reads ).toHaveLength( 3 );
		expect( reads.every( ( p ) => p.gaplimit === 50 && p.gapprefix === 'Partnerships/Heroes/' && p.gapnamespace === 4 ) ).toBe( true );
		expect( reads[ 1 ].gapcontinue ).toBeDefined();
		const userReads = wiki.calls.filter( ( p ) => p.list === 'users' ).map( ( p ) => list( p.ususers ) );
		expect( userReads.map( ( names ) => names.length ) ).toEqual( [ 50, 10 ] );
		expect( new Set( userReads.flat() ).size ).toBe( 60 );
		expect( result.nominations ).toHaveLength( 60 );
		// Only the celebration by an account with the right counts (none are ready, so: not-ready).
		const reasons = result.nominations.map( ( n ) => n.rejected[ 0 ].reason );
		expect( reasons.filter( ( r ) => r === 'not-ready' ) ).toHaveLength( 1 );
		expect( reasons.filter( ( r ) => r === 'not-allowed' ) ).toHaveLength( 59 );
	} );

	it( 'retries a failed read, waiting at least what the server asks, a bounded number of times', async () => {
		const sleeps: number[] = [];
		const reads = ( p: ApiParams ): boolean => p.generator === 'allpages';
		wiki.fail( reads, new ApiError( 'http', 'HTTP 503', 503, undefined, 7 ), new ApiError( 'maxlag', 'lag', undefined, undefined, 2 ) );
		await repoAs( 'Alice', sleeps ).load();
		expect( sleeps ).toEqual( [ 7000, 2000 ] );

		const more: number[] = [];
		wiki.fail( reads, ...Array.from( { length: 6 }, () => new ApiError( 'http', 'HTTP 503', 503 ) ) );
		const before = wiki.calls.length;
		await expect( repoAs( 'Alice', more ).load() ).rejects.toMatchObject( { code: 'http', status: 503 } );
		expect( wiki.calls.slice( before ).filter( reads ) ).toHaveLength( 4 );
		expect( more ).toHaveLength( 3 );
	} );

	it( 'checks accounts: exists, canonical name, and names the API would split', async () => {
		const repo = repoAs( 'Alice' );
		expect( await repo.checkUser( 'carol' ) ).toEqual( { exists: true, name: 'Carol' } );
		expect( await repo.checkUser( 'Nobody_here' ) ).toEqual( { exists: false, name: 'Nobody here' } );
		const before = wiki.calls.length;
		expect( ( await repo.checkUser( 'Carol|Coord' ) ).exists ).toBe( false );
		expect( ( await repo.checkUser( '' ) ).exists ).toBe( false );
		expect( wiki.calls.length ).toBe( before );
	} );

	it( 'names the creator of a nomination from its first revision', async () => {
		const n = await nominated();
		wiki.edit( n.title, JSON.stringify( { ...n.record, citation: `${ n.record.citation } More.` } ), 'Mallory' );
		expect( await repoAs( 'Bob' ).creatorOf( n ) ).toBe( 'Alice' );
	} );
} );

describe( 'HeroesRepository.nominate', () => {
	it( 'creates the page with schema, nominator, time and the canonical nominee, as JSON, createonly, assert=user', async () => {
		const made = await repoAs( 'Alice' ).nominate( input() );
		expect( made ).toEqual( { ok: true, id: 'bob-2026', title: `${ FOLDER }/bob-2026` } );
		const [ edit ] = editsOf();
		expect( edit ).toMatchObject( { title: `${ FOLDER }/bob-2026`, contentmodel: 'json', createonly: true, assert: 'user' } );
		const record = JSON.parse( wiki.text( `${ FOLDER }/bob-2026` ) ?? '' );
		expect( record ).toMatchObject( { schema: 'nomination/1', nominator: 'Alice', nominee: { kind: 'user', user: 'Bob' } } );
		expect( record.created ).toMatch( /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/ );
	} );

	it( 'takes the next id when one is taken', async () => {
		wiki.edit( `${ FOLDER }/bob-2026`, '{}', 'Mallory' );
		wiki.edit( `${ FOLDER }/bob-2026-2`, '{}', 'Mallory' );
		const made = await repoAs( 'Alice' ).nominate( input() );
		expect( made ).toMatchObject( { ok: true, id: 'bob-2026-3' } );
		expect( editsOf().map( ( e ) => e.title ) ).toEqual( [ `${ FOLDER }/bob-2026`, `${ FOLDER }/bob-2026-2`, `${ FOLDER }/bob-2026-3` ] );
	} );

	it( 'gives up after a bounded number of taken ids', async () => {
		wiki.edit( `${ FOLDER }/bob-2026`, '{}', 'Mallory' );
		for ( let i = 2; i <= 20; i++ ) {
			wiki.edit( `${ FOLDER }/bob-2026-${ i }`, '{}', 'Mallory' );
		}
		expect( await repoAs( 'Alice' ).nominate( input() ) ).toMatchObject( { ok: false, reason: 'exists' } );
		expect( editsOf() ).toHaveLength( 10 );
	} );

	it.each( [ 1, 4 ] )( 'makes exactly one page when %i answer(s) are lost', async ( lost ) => {
		const sleeps: number[] = [];
		wiki.fail( isEdit, ...Array( lost ).fill( 'lose' ) );
		const made = await repoAs( 'Alice', sleeps ).nominate( input() );
		expect( made ).toEqual( { ok: true, id: 'bob-2026', title: `${ FOLDER }/bob-2026` } );
		expect( wiki.titles( `${ FOLDER }/` ) ).toEqual( [ `${ FOLDER }/bob-2026` ] );
		expect( wiki.history( `${ FOLDER }/bob-2026` ) ).toHaveLength( 1 );
		expect( editsOf().length ).toBeLessThanOrEqual( 4 );
	} );

	it( 'does not take someone else\'s page for its own after a lost answer', async () => {
		// The answer is lost and the page turns out to be Mallory's: the next id.
		wiki.fail( isEdit, new ApiError( 'timeout', 'lost before it arrived' ) );
		wiki.edit( `${ FOLDER }/bob-2026`, '{}', 'Mallory' );
		expect( await repoAs( 'Alice' ).nominate( input() ) ).toMatchObject( { ok: true, id: 'bob-2026-2' } );
	} );

	it( 'refuses invalid input, a missing account and a logged-out reader', async () => {
		expect( await repoAs( 'Alice' ).nominate( input( { citation: 'short' } ) ) ).toMatchObject( { ok: false, reason: 'invalid' } );
		expect( wiki.calls ).toHaveLength( 0 );
		expect( await repoAs( 'Alice' ).nominate( input( { nominee: { kind: 'user', user: 'Nobody' } } ) ) ).toMatchObject( { ok: false, reason: 'nouser' } );
		expect( editsOf() ).toHaveLength( 0 );
		const calls = wiki.calls.length;
		expect( await repoAs( null ).nominate( input() ) ).toMatchObject( { ok: false, reason: 'session' } );
		expect( wiki.calls.length ).toBe( calls );
	} );

	it( 'maps a lost session and a permanent failure to the reasons of a draft', async () => {
		const stale = new HeroesRepository( { ...repoAs( 'Alice' ).options, api: wiki.session( null ) } );
		expect( await stale.nominate( input( { nominee: { kind: 'group', name: 'G' } } ) ) ).toMatchObject( { ok: false, reason: 'session', code: 'assertuserfailed' } );
		wiki.fail( isEdit, new ApiError( 'protectedpage', 'Protected' ) );
		expect( await repoAs( 'Alice' ).nominate( input() ) ).toMatchObject( { ok: false, reason: 'permission' } );
		expect( wiki.titles( `${ FOLDER }/` ) ).toEqual( [] );
	} );

	it( 'tells a rate limit on content-model changes from a missing right', async () => {
		const refused = (): ApiError => new ApiError( 'cantchangecontentmodel', 'You don\'t have permission to change the content model of a page.' );
		wiki.accounts.set( 'Alice', { groups: [ '*', 'user' ], rights: [ 'edit', 'editcontentmodel' ] } );
		wiki.fail( isEdit, refused() );
		expect( await repoAs( 'Alice' ).nominate( input() ) ).toMatchObject( { ok: false, reason: 'ratelimited', code: 'cantchangecontentmodel' } );
		wiki.accounts.set( 'Alice', { groups: [ '*', 'user' ], rights: [ 'edit' ] } );
		wiki.fail( isEdit, refused() );
		expect( await repoAs( 'Alice' ).nominate( input() ) ).toMatchObject( { ok: false, reason: 'permission' } );
		const n = await nominated();
		wiki.accounts.set( 'Carol', { groups: [ '*', 'user' ], rights: [ 'edit', 'editcontentmodel' ] } );
		wiki.fail( isEdit, refused() );
		expect( await repoAs( 'Carol' ).endorse( n, '' ) ).toMatchObject( { ok: false, reason: 'ratelimited' } );
	} );
} );

describe( 'HeroesRepository.endorse', () => {
	it( 'creates one page per account and says "exists" the second time', async () => {
		const n = await nominated();
		expect( await repoAs( 'Carol' ).endorse( n, 'Yes!' ) ).toEqual( { ok: true } );
		const title = `${ n.title }/Endorsements/Carol`;
		expect( editsOf( title )[ 0 ] ).toMatchObject( { contentmodel: 'json', createonly: true, assert: 'user' } );
		expect( JSON.parse( wiki.text( title ) ?? '' ) ).toMatchObject( { schema: 'endorsement/1', comment: 'Yes!' } );
		expect( await repoAs( 'Carol' ).endorse( n, 'Again' ) ).toMatchObject( { ok: false, reason: 'exists' } );
		expect( wiki.history( title ) ).toHaveLength( 1 );
		const loaded = ( await repoAs( 'Bob' ).load() ).nominations[ 0 ];
		expect( loaded.endorsements.map( ( e ) => e.user ) ).toEqual( [ 'Carol' ] );
	} );

	it( 'refuses the nominee, the nominator, a long comment and a logged-out reader without a request', async () => {
		const n = await nominated();
		const before = wiki.calls.length;
		expect( await repoAs( 'Bob' ).endorse( n, '' ) ).toMatchObject( { ok: false, reason: 'not-allowed' } );
		expect( await repoAs( 'alice' ).endorse( n, '' ) ).toMatchObject( { ok: false, reason: 'not-allowed' } );
		expect( await repoAs( 'Carol' ).endorse( n, 'x'.repeat( 501 ) ) ).toMatchObject( { ok: false, reason: 'invalid' } );
		expect( await repoAs( null ).endorse( n, '' ) ).toMatchObject( { ok: false, reason: 'session' } );
		expect( wiki.calls.length ).toBe( before );
	} );

	it( 'makes exactly one page after a lost answer', async () => {
		const n = await nominated();
		wiki.fail( isEdit, 'lose' );
		expect( await repoAs( 'Carol' ).endorse( n, '' ) ).toEqual( { ok: true } );
		expect( wiki.history( `${ n.title }/Endorsements/Carol` ) ).toHaveLength( 1 );
		expect( editsOf( `${ n.title }/Endorsements/Carol` ) ).toHaveLength( 2 );
	} );

	it( 'takes over a page forged in its name, from that page\'s revision', async () => {
		const n = await nominated();
		const forged = wiki.edit( `${ n.title }/Endorsements/Carol`, endorsement(), 'Mallory' );
		expect( ( await repoAs( 'Bob' ).load() ).nominations[ 0 ].endorsements ).toEqual( [] );
		expect( await repoAs( 'Carol' ).endorse( n, 'Mine' ) ).toEqual( { ok: true } );
		const edits = editsOf( `${ n.title }/Endorsements/Carol` );
		expect( edits[ 1 ] ).toMatchObject( { baserevid: forged.revid, basetimestamp: forged.timestamp, nocreate: true } );
		expect( edits[ 1 ].createonly ).toBeUndefined();
		const loaded = ( await repoAs( 'Bob' ).load() ).nominations[ 0 ];
		expect( loaded.endorsements.map( ( e ) => [ e.user, e.comment ] ) ).toEqual( [ [ 'Carol', 'Mine' ] ] );
	} );

	it( 'takes over a forged page again when it changes during the takeover, once', async () => {
		const n = await nominated();
		const forge = ( title: string, times: number ): void => {
			wiki.edit( title, endorsement(), 'Mallory' );
			let forgeries = 0;
			// Mallory edits again just before a takeover lands: an edit conflict.
			wiki.beforeRequest = ( p ) => {
				if ( p.action === 'edit' && p.title === title && p.nocreate && forgeries < times ) {
					forgeries++;
					wiki.edit( title, endorsement( `2026-11-0${ forgeries + 1 }T00:00:00Z` ), 'Mallory' );
				}
			};
		};
		const carol = `${ n.title }/Endorsements/Carol`;
		forge( carol, 1 );
		expect( await repoAs( 'Carol' ).endorse( n, 'Mine' ) ).toEqual( { ok: true } );
		const edits = editsOf( carol );
		expect( edits ).toHaveLength( 3 );
		const history = wiki.history( carol );
		expect( history.map( ( rev ) => rev.user ) ).toEqual( [ 'Mallory', 'Mallory', 'Carol' ] );
		expect( edits[ 2 ] ).toMatchObject( { baserevid: history[ 1 ].revid, basetimestamp: history[ 1 ].timestamp, nocreate: true } );
		const loaded = ( await repoAs( 'Bob' ).load() ).nominations[ 0 ];
		expect( loaded.endorsements.map( ( e ) => [ e.user, e.comment ] ) ).toEqual( [ [ 'Carol', 'Mine' ] ] );

		// A page that keeps changing is reported after one more try, not as "exists".
		const dave = `${ n.title }/Endorsements/Dave`;
		forge( dave, Infinity );
		expect( await repoAs( 'Dave' ).endorse( n, '' ) ).toMatchObject( { ok: false, reason: 'unknown', code: 'editconflict' } );
		expect( editsOf( dave ) ).toHaveLength( 3 );
	} );

	it( 'stops after a bounded number of attempts, waiting as the server asks', async () => {
		const n = await nominated();
		const sleeps: number[] = [];
		wiki.fail( isEdit, ...Array.from( { length: 8 }, () => new ApiError( 'ratelimited', 'Slow down', undefined, undefined, 3 ) ) );
		expect( await repoAs( 'Carol', sleeps ).endorse( n, '' ) ).toMatchObject( { ok: false, reason: 'ratelimited' } );
		expect( editsOf( `${ n.title }/Endorsements/Carol` ) ).toHaveLength( 4 );
		expect( sleeps ).toEqual( [ 3000, 3000, 3000 ] );
	} );
} );

describe( 'HeroesRepository.celebrate, postTalk and decline', () => {
	const talk: TalkMessage = { title: 'User talk:Bob', sectionTitle: 'Community hero: Volunteer', text: 'Congratulations, Bob! ~~~~' };

	async function ready(): Promise<Nomination> {
		const n = await nominated();
		await repoAs( 'Carol' ).endorse( n, '' );
		await repoAs( 'Dave' ).endorse( n, '' );
		const loaded = ( await repoAs( 'Coord' ).load() ).nominations[ 0 ];
		expect( loaded.status ).toBe( 'ready' );
		return loaded;
	}

	it( 'refuses a nomination that is not ready, and an account without the right, without writing', async () => {
		const n = await nominated();
		expect( await repoAs( 'Coord' ).celebrate( n, null ) ).toMatchObject( { ok: false, reason: 'not-ready' } );
		const r = await ready();
		expect( await repoAs( 'Carol' ).celebrate( r, talk ) ).toMatchObject( { ok: false, reason: 'not-allowed' } );
		expect( await repoAs( null ).celebrate( r, talk ) ).toMatchObject( { ok: false, reason: 'session' } );
		expect( editsOf( `${ r.title }/Celebration` ) ).toEqual( [] );
		expect( wiki.titles( 'User talk:' ) ).toHaveLength( 0 );
	} );

	it( 'celebrates, posts the message once, and counts', async () => {
		const r = await ready();
		expect( await repoAs( 'Coord' ).celebrate( r, talk ) ).toEqual( { ok: true, talk: 'posted' } );
		expect( editsOf( `${ r.title }/Celebration` )[ 0 ] ).toMatchObject( { createonly: true, contentmodel: 'json', assert: 'user' } );
		expect( editsOf( 'User talk:Bob' )[ 0 ] ).toMatchObject( {
			section: 'new', sectiontitle: 'Community hero: Volunteer', text: 'Congratulations, Bob! ~~~~', assert: 'user',
		} );
		expect( wiki.history( 'User talk:Bob' ) ).toHaveLength( 1 );
		const loaded = ( await repoAs( 'Bob' ).load() ).nominations[ 0 ];
		expect( loaded ).toMatchObject( { status: 'celebrated', celebration: { by: 'Coord' } } );
		expect( await repoAs( 'Coord' ).celebrate( loaded, talk ) ).toMatchObject( { ok: false, reason: 'exists' } );
	} );

	it( 'takes over a celebration forged by an ordinary account, and says "exists" for a real one', async () => {
		const r = await ready();
		wiki.edit( `${ r.title }/Celebration`, celebration, 'Mallory' );
		expect( await repoAs( 'Coord' ).celebrate( r, null ) ).toEqual( { ok: true, talk: 'none' } );
		expect( ( await repoAs( 'Bob' ).load() ).nominations[ 0 ].celebration?.by ).toBe( 'Coord' );
		wiki.accounts.set( 'Coord2', COORDINATOR );
		expect( await repoAs( 'Coord2' ).celebrate( r, null ) ).toMatchObject( { ok: false, reason: 'exists' } );
		expect( wiki.history( `${ r.title }/Celebration` ).map( ( rev ) => rev.user ) ).toEqual( [ 'Mallory', 'Coord' ] );
	} );

	it( 'says "exists" when the page in the way comes to count during the takeover', async () => {
		const r = await ready();
		const title = `${ r.title }/Celebration`;
		wiki.edit( title, celebration, 'Mallory' );
		wiki.accounts.set( 'Coord2', COORDINATOR );
		let once = true;
		wiki.beforeRequest = ( p ) => {
			if ( p.action === 'edit' && p.title === title && p.nocreate && once ) {
				once = false;
				wiki.edit( title, celebration.replace( '01T', '02T' ), 'Coord2' );
			}
		};
		expect( await repoAs( 'Coord' ).celebrate( r, null ) ).toMatchObject( { ok: false, reason: 'exists' } );
		expect( editsOf( title ) ).toHaveLength( 2 );
		expect( ( await repoAs( 'Bob' ).load() ).nominations[ 0 ].celebration?.by ).toBe( 'Coord2' );
	} );

	it( 'does not post the message twice after a lost answer', async () => {
		const r = await ready();
		const talkEdit = ( p: ApiParams ): boolean => p.section === 'new';
		wiki.fail( talkEdit, 'lose' );
		expect( await repoAs( 'Coord' ).celebrate( r, talk ) ).toEqual( { ok: true, talk: 'posted' } );
		expect( wiki.history( 'User talk:Bob' ) ).toHaveLength( 1 );
		expect( editsOf( 'User talk:Bob' ) ).toHaveLength( 1 );
	} );

	it( 'keeps the celebration when the message fails, and posts it later with postTalk', async () => {
		const r = await ready();
		const talkEdit = ( p: ApiParams ): boolean => p.section === 'new';
		wiki.fail( talkEdit, ...Array.from( { length: 4 }, () => new ApiError( 'readonly', 'Read-only' ) ) );
		const repo = repoAs( 'Coord' );
		expect( await repo.celebrate( r, talk ) ).toEqual( { ok: true, talk: 'failed' } );
		expect( editsOf( 'User talk:Bob' ) ).toHaveLength( 4 );
		expect( ( await repo.load() ).nominations[ 0 ].status ).toBe( 'celebrated' );
		wiki.fail( talkEdit, new ApiError( 'protectedpage', 'Protected' ) );
		expect( await repo.postTalk( talk ) ).toBe( 'failed' );
		expect( await repo.postTalk( talk ) ).toBe( 'posted' );
		expect( wiki.history( 'User talk:Bob' ) ).toHaveLength( 1 );
	} );

	it( 'lets the nominee or a coordinator decline, not others', async () => {
		const n = await nominated();
		expect( await repoAs( 'Carol' ).decline( n ) ).toMatchObject( { ok: false, reason: 'not-allowed' } );
		expect( await repoAs( null ).decline( n ) ).toMatchObject( { ok: false, reason: 'session' } );
		expect( await repoAs( 'Bob' ).decline( n ) ).toEqual( { ok: true } );
		expect( JSON.parse( wiki.text( `${ n.title }/Decline` ) ?? '' ) ).toMatchObject( { schema: 'decline/1' } );
		const group = await nominated( 'Alice', { nominee: { kind: 'group', name: 'Wikimedians of X' } } );
		expect( await repoAs( 'Coord' ).decline( group ) ).toEqual( { ok: true } );
		const all = await repoAs( 'Alice' ).load();
		expect( all.nominations.map( ( x ) => x.status ) ).toEqual( [ 'declined', 'declined' ] );
	} );
} );

describe( 'HeroesRepository reads who did what from the history', () => {
	it( 'reads no history for pages with one revision, and steps back through edited ones 50 at a time', async () => {
		const nomination = await nominated( 'Alice' );
		wiki.calls.length = 0;
		await repoAs( 'Alice' ).load();
		expect( wiki.calls.filter( ( p ) => p.revids !== undefined || p.rvdir === 'newer' ) ).toEqual( [] );
		// Carol endorses; Mallory edits her page, and forges the nominator in the nomination's text.
		wiki.edit( `${ nomination.title }/Endorsements/Carol`, endorsement(), 'Carol' );
		wiki.edit( `${ nomination.title }/Endorsements/Carol`, 'blanked', 'Mallory' );
		wiki.edit( `${ nomination.title }/Endorsements/Dave`, endorsement(), 'Dave' );
		const text = JSON.parse( wiki.text( nomination.title ) ?? '' );
		wiki.edit( nomination.title, JSON.stringify( { ...text, nominator: 'Mallory' } ), 'Mallory' );
		// A page edited more times than the batched steps go back is read alone.
		for ( let i = 0; i < 6; i++ ) {
			wiki.edit( `${ nomination.title }/Endorsements/Dave`, endorsement( `2026-11-0${ i + 2 }T00:00:00Z` ), i % 2 ? 'Dave' : 'Mallory' );
		}
		wiki.calls.length = 0;
		const [ loaded ] = ( await repoAs( 'Alice' ).load() ).nominations;
		expect( loaded.record.nominator ).toBe( 'Alice' );
		expect( loaded.endorsements.map( ( e ) => e.user ).sort() ).toEqual( [ 'Carol', 'Dave' ] );
		expect( loaded.rejected.map( ( r ) => r.reason ) ).toEqual( [ 'tampered', 'tampered' ] );
		const steps = wiki.calls.filter( ( p ) => p.revids !== undefined && !list( p.rvprop ).includes( 'content' ) );
		expect( steps.length ).toBeLessThanOrEqual( 4 );
		// The nomination changed after Carol endorsed it: the endorsed text is read, once.
		expect( wiki.calls.filter( ( p ) => p.revids !== undefined && list( p.rvprop ).includes( 'content' ) ) ).toHaveLength( 1 );
		expect( loaded.changed ).toEqual( { revid: nomination.revid, latest: expect.any( Number ) } );
		expect( wiki.calls.filter( ( p ) => p.rvdir === 'newer' ) ).toHaveLength( 1 );
	} );

	it( 'never makes a nomination of an account the wiki does not know ready', async () => {
		const nomination = await nominated( 'Alice' );
		wiki.accounts.delete( 'Bob' );
		wiki.edit( `${ nomination.title }/Endorsements/Carol`, endorsement(), 'Carol' );
		wiki.edit( `${ nomination.title }/Endorsements/Dave`, endorsement(), 'Dave' );
		const [ loaded ] = ( await repoAs( 'Alice' ).load() ).nominations;
		expect( loaded.status ).toBe( 'open' );
		expect( loaded.rejected ).toEqual( [ { title: nomination.title, reason: 'invalid-nominee' } ] );
	} );
} );
