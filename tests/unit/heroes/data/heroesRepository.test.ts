import { beforeEach, describe, expect, it } from 'vitest';
import { ActionApi, ApiError, ApiParams, ApiResponse } from '../../../../src/shared/api/ActionApi';
import { HeroesRepository, NominationInput, TalkMessage } from '../../../../src/heroes/data/heroesRepository';
import { AccountInfo, DEFAULT_CELEBRATE_POLICY, Nomination, canonicalUserName } from '../../../../src/heroes/domain/heroes';
import { FakeWiki } from '../../../support/fakeWiki';

const FOLDER = 'Project:Partnerships/Heroes';
const root = { namespace: 4, title: 'Partnerships' };
const ORDINARY: AccountInfo = { groups: [ '*', 'user' ], rights: [ 'edit' ] };
const COORDINATOR: AccountInfo = { groups: [ '*', 'user', 'partnership-coordinator' ], rights: [ 'edit', 'partnerships-celebrate' ] };

function list( value: unknown ): string[] {
	return Array.isArray( value ) ? value.map( String ) : String( value ).split( '|' );
}

type Fault = 'lose' | ApiError;

interface TalkRevision {
	revid: number;
	user: string;
	timestamp: string;
	content: string;
}

/**
 * FakeWiki (pages, revisions, createonly, assert=user) plus what the heroes repository
 * asks besides: namespaces, accounts and their rights, talk pages with new sections,
 * and faults injected into matching requests ('lose': carried out, answer lost).
 */
class HeroWiki {
	public readonly wiki = new FakeWiki();

	public readonly calls: { user: string | null; params: ApiParams }[] = [];

	public readonly accounts = new Map<string, AccountInfo>();

	public readonly talk = new Map<string, TalkRevision[]>();

	private readonly faults: { match: ( params: ApiParams ) => boolean; fault: Fault }[] = [];

	private nextTalkRev = 90000;

	/** Called with every request before it is answered (e.g. someone else edits meanwhile) */
	public beforeRequest: ( params: ApiParams ) => void = () => undefined;

	public constructor( names: Record<string, AccountInfo> ) {
		for ( const [ name, info ] of Object.entries( names ) ) {
			this.accounts.set( name, info );
		}
	}

	/**
	 * @param match Which requests
	 * @param faults What happens to the next ones, in order
	 */
	public fail( match: ( params: ApiParams ) => boolean, ...faults: Fault[] ): void {
		for ( const fault of faults ) {
			this.faults.push( { match, fault } );
		}
	}

	public session( user: string | null ): ActionApi {
		const request = ( params: ApiParams ): Promise<ApiResponse> => this.request( user, params );
		return { get: request, postWithEditToken: request };
	}

	public repo( user: string | null, sleeps: number[] = [] ): HeroesRepository {
		return new HeroesRepository( {
			api: this.session( user ),
			root,
			policy: DEFAULT_CELEBRATE_POLICY,
			threshold: 2,
			userName: user,
			now: () => this.wiki.now(),
			retry: {
				random: () => 0,
				sleep: async ( ms ) => {
					sleeps.push( ms );
				},
			},
		} );
	}

	public edits( title?: string ): ApiParams[] {
		return this.calls.map( ( c ) => c.params ).filter( ( p ) => p.action === 'edit' && ( title === undefined || p.title === title ) );
	}

	/** @return Titles of every page under the folder (FakeWiki keeps its pages private) */
	public titles(): string[] {
		return [ ...( this.wiki as any ).pages.keys() ].filter( ( t: string ) => t.startsWith( `${ FOLDER }/` ) ).sort();
	}

	private async request( user: string | null, params: ApiParams ): Promise<ApiResponse> {
		this.calls.push( { user, params } );
		this.beforeRequest( params );
		const i = this.faults.findIndex( ( f ) => f.match( params ) );
		const fault = i === -1 ? undefined : this.faults.splice( i, 1 )[ 0 ].fault;
		if ( fault instanceof ApiError ) {
			throw fault;
		}
		const answer = await this.answer( user, params );
		if ( fault === 'lose' ) {
			throw new ApiError( 'timeout', 'timeout of 30000ms exceeded (the request was carried out)' );
		}
		return answer;
	}

	private async answer( user: string | null, params: ApiParams ): Promise<ApiResponse> {
		if ( params.meta === 'siteinfo' ) {
			return { query: { namespaces: { 0: { id: 0, name: '' }, 4: { id: 4, name: 'Project' } } } };
		}
		if ( params.meta === 'userinfo' ) {
			const info = user ? this.accounts.get( user ) ?? ORDINARY : undefined;
			return { query: { userinfo: user ? { id: 1, name: user, ...info } : { id: 0, name: '127.0.0.1', anon: true } } };
		}
		if ( params.list === 'users' ) {
			const names = list( params.ususers );
			const props = params.usprop ? list( params.usprop ) : [];
			return {
				query: {
					users: names.map( ( raw ) => {
						const name = canonicalUserName( raw );
						const info = this.accounts.get( name );
						if ( !info ) {
							return { name, missing: true };
						}
						return {
							userid: 1, name,
							...( props.includes( 'groups' ) ? { groups: info.groups } : {} ),
							...( props.includes( 'rights' ) ? { rights: info.rights } : {} ),
						};
					} ),
				},
			};
		}
		if ( params.action === 'edit' && params.section === 'new' ) {
			return this.newSection( user, params );
		}
		const title = params.titles === undefined ? '' : String( params.titles );
		if ( title.startsWith( 'User talk:' ) ) {
			const revs = [ ...( this.talk.get( title ) ?? [] ) ].reverse().slice( 0, Number( params.rvlimit ?? 1 ) );
			return {
				query: {
					pages: [ revs.length ? {
						pageid: 1, ns: 3, title,
						revisions: revs.map( ( r ) => ( { revid: r.revid, user: r.user, timestamp: r.timestamp, slots: { main: { content: r.content } } } ) ),
					} : { ns: 3, title, missing: true } ],
				},
			};
		}
		if ( params.rvdir === 'newer' ) {
			const first = this.wiki.history( title )[ 0 ];
			return { query: { pages: [ first ? { pageid: 1, ns: 4, title, revisions: [ { user: first.user } ] } : { ns: 4, title, missing: true } ] } };
		}
		this.wiki.user = user;
		return this.wiki.get( params );
	}

	private newSection( user: string | null, params: ApiParams ): ApiResponse {
		if ( params.assert === 'user' && !user ) {
			throw new ApiError( 'assertuserfailed', 'Not logged in' );
		}
		const title = String( params.title );
		const revs = this.talk.get( title ) ?? [];
		const previous = revs.length ? revs[ revs.length - 1 ].content : '';
		const text = String( params.text ).replace( /~~~~/g, `[[User:${ user }|${ user }]] 00:00, 1 November 2026 (UTC)` );
		this.wiki.advance( 1000 );
		const rev = {
			revid: this.nextTalkRev++,
			user: String( user ),
			timestamp: new Date( this.wiki.now() ).toISOString().replace( /\.\d+Z$/, 'Z' ),
			content: `${ previous }${ previous ? '\n\n' : '' }== ${ params.sectiontitle } ==\n\n${ text }`,
		};
		this.talk.set( title, [ ...revs, rev ] );
		return { edit: { result: 'Success', title, newrevid: rev.revid } };
	}
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

let hw: HeroWiki;

beforeEach( () => {
	hw = new HeroWiki( {
		Alice: ORDINARY, Bob: ORDINARY, Carol: ORDINARY, Dave: ORDINARY, Mallory: ORDINARY, Coord: COORDINATOR,
	} );
} );

async function nominated( by = 'Alice', overrides: Partial<NominationInput> = {} ): Promise<Nomination> {
	const made = await hw.repo( by ).nominate( input( overrides ) );
	if ( !made.ok ) {
		throw new Error( JSON.stringify( made ) );
	}
	const found = ( await hw.repo( by ).load() ).nominations.find( ( n ) => n.id === made.id );
	if ( !found ) {
		throw new Error( 'not loaded' );
	}
	return found;
}

describe( 'HeroesRepository reads', () => {
	it( 'names the folder with the namespace the wiki gives, asking once', async () => {
		const repo = hw.repo( 'Alice' );
		expect( await repo.folderTitle() ).toBe( FOLDER );
		expect( await repo.folderTitle() ).toBe( FOLDER );
		expect( hw.calls.filter( ( c ) => c.params.meta === 'siteinfo' ) ).toHaveLength( 1 );
		const main = new HeroesRepository( { ...repo.options, root: { namespace: 0, title: 'Partnerships' } } );
		expect( await main.folderTitle() ).toBe( 'Partnerships/Heroes' );
		expect( hw.calls.filter( ( c ) => c.params.meta === 'siteinfo' ) ).toHaveLength( 1 );
	} );

	it( 'reads every page in batches of 50, following continue, and asks about accounts 50 at a time', async () => {
		const nomination = JSON.stringify( {
			schema: 'nomination/1', nominee: { kind: 'group', name: 'G' }, category: 'organiser',
			citation: 'For years of patient work welcoming newcomers to the wiki.', nominator: 'Alice', created: '2026-11-01T00:00:00Z',
		} );
		for ( let i = 0; i < 60; i++ ) {
			const id = `g-${ String( i ).padStart( 2, '0' ) }`;
			hw.wiki.edit( `${ FOLDER }/${ id }`, nomination, 'Alice' );
			hw.wiki.edit( `${ FOLDER }/${ id }/Celebration`, celebration, `Celebrator ${ i }` );
		}
		hw.wiki.edit( 'Project:Partnerships/Records/not-ours', '{}', 'Alice' );
		hw.accounts.set( 'Celebrator 7', COORDINATOR );
		const result = await hw.repo( 'Alice' ).load();
		const reads = hw.calls.filter( ( c ) => c.params.generator === 'allpages' ).map( ( c ) => c.params );
		expect( reads ).toHaveLength( 3 );
		expect( reads.every( ( p ) => p.gaplimit === 50 && p.gapprefix === 'Partnerships/Heroes/' && p.gapnamespace === 4 ) ).toBe( true );
		expect( reads[ 1 ].gapcontinue ).toBeDefined();
		const userReads = hw.calls.filter( ( c ) => c.params.list === 'users' ).map( ( c ) => list( c.params.ususers ) );
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
		hw.fail( reads, new ApiError( 'http', 'HTTP 503', 503, undefined, 7 ), new ApiError( 'maxlag', 'lag', undefined, undefined, 2 ) );
		await hw.repo( 'Alice', sleeps ).load();
		expect( sleeps ).toEqual( [ 7000, 2000 ] );

		const more: number[] = [];
		hw.fail( reads, ...Array.from( { length: 6 }, () => new ApiError( 'http', 'HTTP 503', 503 ) ) );
		const before = hw.calls.length;
		await expect( hw.repo( 'Alice', more ).load() ).rejects.toMatchObject( { code: 'http', status: 503 } );
		expect( hw.calls.slice( before ).filter( ( c ) => reads( c.params ) ) ).toHaveLength( 4 );
		expect( more ).toHaveLength( 3 );
	} );

	it( 'checks accounts: exists, canonical name, and names the API would split', async () => {
		const repo = hw.repo( 'Alice' );
		expect( await repo.checkUser( 'carol' ) ).toEqual( { exists: true, name: 'Carol' } );
		expect( await repo.checkUser( 'Nobody_here' ) ).toEqual( { exists: false, name: 'Nobody here' } );
		const before = hw.calls.length;
		expect( ( await repo.checkUser( 'Carol|Coord' ) ).exists ).toBe( false );
		expect( ( await repo.checkUser( '' ) ).exists ).toBe( false );
		expect( hw.calls.length ).toBe( before );
	} );

	it( 'names the creator of a nomination from its first revision', async () => {
		const n = await nominated();
		hw.wiki.edit( n.title, JSON.stringify( { ...n.record, citation: `${ n.record.citation } More.` } ), 'Mallory' );
		expect( await hw.repo( 'Bob' ).creatorOf( n ) ).toBe( 'Alice' );
	} );
} );

describe( 'HeroesRepository.nominate', () => {
	it( 'creates the page with schema, nominator, time and the canonical nominee, as JSON, createonly, assert=user', async () => {
		const made = await hw.repo( 'Alice' ).nominate( input() );
		expect( made ).toEqual( { ok: true, id: 'bob-2026', title: `${ FOLDER }/bob-2026` } );
		const [ edit ] = hw.edits();
		expect( edit ).toMatchObject( { title: `${ FOLDER }/bob-2026`, contentmodel: 'json', createonly: true, assert: 'user' } );
		const record = JSON.parse( hw.wiki.text( `${ FOLDER }/bob-2026` ) ?? '' );
		expect( record ).toMatchObject( { schema: 'nomination/1', nominator: 'Alice', nominee: { kind: 'user', user: 'Bob' } } );
		expect( record.created ).toMatch( /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/ );
	} );

	it( 'takes the next id when one is taken', async () => {
		hw.wiki.edit( `${ FOLDER }/bob-2026`, '{}', 'Mallory' );
		hw.wiki.edit( `${ FOLDER }/bob-2026-2`, '{}', 'Mallory' );
		const made = await hw.repo( 'Alice' ).nominate( input() );
		expect( made ).toMatchObject( { ok: true, id: 'bob-2026-3' } );
		expect( hw.edits().map( ( e ) => e.title ) ).toEqual( [ `${ FOLDER }/bob-2026`, `${ FOLDER }/bob-2026-2`, `${ FOLDER }/bob-2026-3` ] );
	} );

	it( 'gives up after a bounded number of taken ids', async () => {
		hw.wiki.edit( `${ FOLDER }/bob-2026`, '{}', 'Mallory' );
		for ( let i = 2; i <= 20; i++ ) {
			hw.wiki.edit( `${ FOLDER }/bob-2026-${ i }`, '{}', 'Mallory' );
		}
		expect( await hw.repo( 'Alice' ).nominate( input() ) ).toMatchObject( { ok: false, reason: 'exists' } );
		expect( hw.edits() ).toHaveLength( 10 );
	} );

	it.each( [ 1, 4 ] )( 'makes exactly one page when %i answer(s) are lost', async ( lost ) => {
		const sleeps: number[] = [];
		hw.fail( isEdit, ...Array( lost ).fill( 'lose' ) );
		const made = await hw.repo( 'Alice', sleeps ).nominate( input() );
		expect( made ).toEqual( { ok: true, id: 'bob-2026', title: `${ FOLDER }/bob-2026` } );
		expect( hw.titles() ).toEqual( [ `${ FOLDER }/bob-2026` ] );
		expect( hw.wiki.history( `${ FOLDER }/bob-2026` ) ).toHaveLength( 1 );
		expect( hw.edits().length ).toBeLessThanOrEqual( 4 );
	} );

	it( 'does not take someone else\'s page for its own after a lost answer', async () => {
		// The answer is lost and the page turns out to be Mallory's: the next id.
		hw.fail( isEdit, new ApiError( 'timeout', 'lost before it arrived' ) );
		hw.wiki.edit( `${ FOLDER }/bob-2026`, '{}', 'Mallory' );
		expect( await hw.repo( 'Alice' ).nominate( input() ) ).toMatchObject( { ok: true, id: 'bob-2026-2' } );
	} );

	it( 'refuses invalid input, a missing account and a logged-out reader', async () => {
		expect( await hw.repo( 'Alice' ).nominate( input( { citation: 'short' } ) ) ).toMatchObject( { ok: false, reason: 'invalid' } );
		expect( hw.calls ).toHaveLength( 0 );
		expect( await hw.repo( 'Alice' ).nominate( input( { nominee: { kind: 'user', user: 'Nobody' } } ) ) ).toMatchObject( { ok: false, reason: 'nouser' } );
		expect( hw.edits() ).toHaveLength( 0 );
		const calls = hw.calls.length;
		expect( await hw.repo( null ).nominate( input() ) ).toMatchObject( { ok: false, reason: 'session' } );
		expect( hw.calls.length ).toBe( calls );
	} );

	it( 'maps a lost session and a permanent failure to the reasons of a draft', async () => {
		const stale = new HeroesRepository( { ...hw.repo( 'Alice' ).options, api: hw.session( null ) } );
		expect( await stale.nominate( input( { nominee: { kind: 'group', name: 'G' } } ) ) ).toMatchObject( { ok: false, reason: 'session', code: 'assertuserfailed' } );
		hw.fail( isEdit, new ApiError( 'protectedpage', 'Protected' ) );
		expect( await hw.repo( 'Alice' ).nominate( input() ) ).toMatchObject( { ok: false, reason: 'permission' } );
		expect( hw.titles() ).toEqual( [] );
	} );

	it( 'tells a rate limit on content-model changes from a missing right', async () => {
		const refused = (): ApiError => new ApiError( 'cantchangecontentmodel', 'You don\'t have permission to change the content model of a page.' );
		hw.accounts.set( 'Alice', { groups: [ '*', 'user' ], rights: [ 'edit', 'editcontentmodel' ] } );
		hw.fail( isEdit, refused() );
		expect( await hw.repo( 'Alice' ).nominate( input() ) ).toMatchObject( { ok: false, reason: 'ratelimited', code: 'cantchangecontentmodel' } );
		hw.accounts.set( 'Alice', { groups: [ '*', 'user' ], rights: [ 'edit' ] } );
		hw.fail( isEdit, refused() );
		expect( await hw.repo( 'Alice' ).nominate( input() ) ).toMatchObject( { ok: false, reason: 'permission' } );
		const n = await nominated();
		hw.accounts.set( 'Carol', { groups: [ '*', 'user' ], rights: [ 'edit', 'editcontentmodel' ] } );
		hw.fail( isEdit, refused() );
		expect( await hw.repo( 'Carol' ).endorse( n, '' ) ).toMatchObject( { ok: false, reason: 'ratelimited' } );
	} );
} );

describe( 'HeroesRepository.endorse', () => {
	it( 'creates one page per account and says "exists" the second time', async () => {
		const n = await nominated();
		expect( await hw.repo( 'Carol' ).endorse( n, 'Yes!' ) ).toEqual( { ok: true } );
		const title = `${ n.title }/Endorsements/Carol`;
		expect( hw.edits( title )[ 0 ] ).toMatchObject( { contentmodel: 'json', createonly: true, assert: 'user' } );
		expect( JSON.parse( hw.wiki.text( title ) ?? '' ) ).toMatchObject( { schema: 'endorsement/1', comment: 'Yes!' } );
		expect( await hw.repo( 'Carol' ).endorse( n, 'Again' ) ).toMatchObject( { ok: false, reason: 'exists' } );
		expect( hw.wiki.history( title ) ).toHaveLength( 1 );
		const loaded = ( await hw.repo( 'Bob' ).load() ).nominations[ 0 ];
		expect( loaded.endorsements.map( ( e ) => e.user ) ).toEqual( [ 'Carol' ] );
	} );

	it( 'refuses the nominee, the nominator, a long comment and a logged-out reader without a request', async () => {
		const n = await nominated();
		const before = hw.calls.length;
		expect( await hw.repo( 'Bob' ).endorse( n, '' ) ).toMatchObject( { ok: false, reason: 'not-allowed' } );
		expect( await hw.repo( 'alice' ).endorse( n, '' ) ).toMatchObject( { ok: false, reason: 'not-allowed' } );
		expect( await hw.repo( 'Carol' ).endorse( n, 'x'.repeat( 501 ) ) ).toMatchObject( { ok: false, reason: 'invalid' } );
		expect( await hw.repo( null ).endorse( n, '' ) ).toMatchObject( { ok: false, reason: 'session' } );
		expect( hw.calls.length ).toBe( before );
	} );

	it( 'makes exactly one page after a lost answer', async () => {
		const n = await nominated();
		hw.fail( isEdit, 'lose' );
		expect( await hw.repo( 'Carol' ).endorse( n, '' ) ).toEqual( { ok: true } );
		expect( hw.wiki.history( `${ n.title }/Endorsements/Carol` ) ).toHaveLength( 1 );
		expect( hw.edits( `${ n.title }/Endorsements/Carol` ) ).toHaveLength( 2 );
	} );

	it( 'takes over a page forged in its name, from that page\'s revision', async () => {
		const n = await nominated();
		const forged = hw.wiki.edit( `${ n.title }/Endorsements/Carol`, endorsement(), 'Mallory' );
		expect( ( await hw.repo( 'Bob' ).load() ).nominations[ 0 ].endorsements ).toEqual( [] );
		expect( await hw.repo( 'Carol' ).endorse( n, 'Mine' ) ).toEqual( { ok: true } );
		const edits = hw.edits( `${ n.title }/Endorsements/Carol` );
		expect( edits[ 1 ] ).toMatchObject( { baserevid: forged.revid, basetimestamp: forged.timestamp, nocreate: true } );
		expect( edits[ 1 ].createonly ).toBeUndefined();
		const loaded = ( await hw.repo( 'Bob' ).load() ).nominations[ 0 ];
		expect( loaded.endorsements.map( ( e ) => [ e.user, e.comment ] ) ).toEqual( [ [ 'Carol', 'Mine' ] ] );
	} );

	it( 'takes over a forged page again when it changes during the takeover, once', async () => {
		const n = await nominated();
		const forge = ( title: string, times: number ): void => {
			hw.wiki.edit( title, endorsement(), 'Mallory' );
			let forgeries = 0;
			// Mallory edits again just before a takeover lands: an edit conflict.
			hw.beforeRequest = ( p ) => {
				if ( p.action === 'edit' && p.title === title && p.nocreate && forgeries < times ) {
					forgeries++;
					hw.wiki.edit( title, endorsement( `2026-11-0${ forgeries + 1 }T00:00:00Z` ), 'Mallory' );
				}
			};
		};
		const carol = `${ n.title }/Endorsements/Carol`;
		forge( carol, 1 );
		expect( await hw.repo( 'Carol' ).endorse( n, 'Mine' ) ).toEqual( { ok: true } );
		const edits = hw.edits( carol );
		expect( edits ).toHaveLength( 3 );
		const history = hw.wiki.history( carol );
		expect( history.map( ( rev ) => rev.user ) ).toEqual( [ 'Mallory', 'Mallory', 'Carol' ] );
		expect( edits[ 2 ] ).toMatchObject( { baserevid: history[ 1 ].revid, basetimestamp: history[ 1 ].timestamp, nocreate: true } );
		const loaded = ( await hw.repo( 'Bob' ).load() ).nominations[ 0 ];
		expect( loaded.endorsements.map( ( e ) => [ e.user, e.comment ] ) ).toEqual( [ [ 'Carol', 'Mine' ] ] );

		// A page that keeps changing is reported after one more try, not as "exists".
		const dave = `${ n.title }/Endorsements/Dave`;
		forge( dave, Infinity );
		expect( await hw.repo( 'Dave' ).endorse( n, '' ) ).toMatchObject( { ok: false, reason: 'unknown', code: 'editconflict' } );
		expect( hw.edits( dave ) ).toHaveLength( 3 );
	} );

	it( 'stops after a bounded number of attempts, waiting as the server asks', async () => {
		const n = await nominated();
		const sleeps: number[] = [];
		hw.fail( isEdit, ...Array.from( { length: 8 }, () => new ApiError( 'ratelimited', 'Slow down', undefined, undefined, 3 ) ) );
		expect( await hw.repo( 'Carol', sleeps ).endorse( n, '' ) ).toMatchObject( { ok: false, reason: 'ratelimited' } );
		expect( hw.edits( `${ n.title }/Endorsements/Carol` ) ).toHaveLength( 4 );
		expect( sleeps ).toEqual( [ 3000, 3000, 3000 ] );
	} );
} );

describe( 'HeroesRepository.celebrate, postTalk and decline', () => {
	const talk: TalkMessage = { title: 'User talk:Bob', sectionTitle: 'Community hero: Volunteer', text: 'Congratulations, Bob! ~~~~' };

	async function ready(): Promise<Nomination> {
		const n = await nominated();
		await hw.repo( 'Carol' ).endorse( n, '' );
		await hw.repo( 'Dave' ).endorse( n, '' );
		const loaded = ( await hw.repo( 'Coord' ).load() ).nominations[ 0 ];
		expect( loaded.status ).toBe( 'ready' );
		return loaded;
	}

	it( 'refuses a nomination that is not ready, and an account without the right, without writing', async () => {
		const n = await nominated();
		expect( await hw.repo( 'Coord' ).celebrate( n, null ) ).toMatchObject( { ok: false, reason: 'not-ready' } );
		const r = await ready();
		expect( await hw.repo( 'Carol' ).celebrate( r, talk ) ).toMatchObject( { ok: false, reason: 'not-allowed' } );
		expect( await hw.repo( null ).celebrate( r, talk ) ).toMatchObject( { ok: false, reason: 'session' } );
		expect( hw.edits( `${ r.title }/Celebration` ) ).toEqual( [] );
		expect( hw.talk.size ).toBe( 0 );
	} );

	it( 'celebrates, posts the message once, and counts', async () => {
		const r = await ready();
		expect( await hw.repo( 'Coord' ).celebrate( r, talk ) ).toEqual( { ok: true, talk: 'posted' } );
		expect( hw.edits( `${ r.title }/Celebration` )[ 0 ] ).toMatchObject( { createonly: true, contentmodel: 'json', assert: 'user' } );
		expect( hw.edits( 'User talk:Bob' )[ 0 ] ).toMatchObject( {
			section: 'new', sectiontitle: 'Community hero: Volunteer', text: 'Congratulations, Bob! ~~~~', assert: 'user',
		} );
		expect( hw.talk.get( 'User talk:Bob' ) ).toHaveLength( 1 );
		const loaded = ( await hw.repo( 'Bob' ).load() ).nominations[ 0 ];
		expect( loaded ).toMatchObject( { status: 'celebrated', celebration: { by: 'Coord' } } );
		expect( await hw.repo( 'Coord' ).celebrate( loaded, talk ) ).toMatchObject( { ok: false, reason: 'exists' } );
	} );

	it( 'takes over a celebration forged by an ordinary account, and says "exists" for a real one', async () => {
		const r = await ready();
		hw.wiki.edit( `${ r.title }/Celebration`, celebration, 'Mallory' );
		expect( await hw.repo( 'Coord' ).celebrate( r, null ) ).toEqual( { ok: true, talk: 'none' } );
		expect( ( await hw.repo( 'Bob' ).load() ).nominations[ 0 ].celebration?.by ).toBe( 'Coord' );
		hw.accounts.set( 'Coord2', COORDINATOR );
		expect( await hw.repo( 'Coord2' ).celebrate( r, null ) ).toMatchObject( { ok: false, reason: 'exists' } );
		expect( hw.wiki.history( `${ r.title }/Celebration` ).map( ( rev ) => rev.user ) ).toEqual( [ 'Mallory', 'Coord' ] );
	} );

	it( 'says "exists" when the page in the way comes to count during the takeover', async () => {
		const r = await ready();
		const title = `${ r.title }/Celebration`;
		hw.wiki.edit( title, celebration, 'Mallory' );
		hw.accounts.set( 'Coord2', COORDINATOR );
		let once = true;
		hw.beforeRequest = ( p ) => {
			if ( p.action === 'edit' && p.title === title && p.nocreate && once ) {
				once = false;
				hw.wiki.edit( title, celebration.replace( '01T', '02T' ), 'Coord2' );
			}
		};
		expect( await hw.repo( 'Coord' ).celebrate( r, null ) ).toMatchObject( { ok: false, reason: 'exists' } );
		expect( hw.edits( title ) ).toHaveLength( 2 );
		expect( ( await hw.repo( 'Bob' ).load() ).nominations[ 0 ].celebration?.by ).toBe( 'Coord2' );
	} );

	it( 'does not post the message twice after a lost answer', async () => {
		const r = await ready();
		const talkEdit = ( p: ApiParams ): boolean => p.section === 'new';
		hw.fail( talkEdit, 'lose' );
		expect( await hw.repo( 'Coord' ).celebrate( r, talk ) ).toEqual( { ok: true, talk: 'posted' } );
		expect( hw.talk.get( 'User talk:Bob' ) ).toHaveLength( 1 );
		expect( hw.edits( 'User talk:Bob' ) ).toHaveLength( 1 );
	} );

	it( 'keeps the celebration when the message fails, and posts it later with postTalk', async () => {
		const r = await ready();
		const talkEdit = ( p: ApiParams ): boolean => p.section === 'new';
		hw.fail( talkEdit, ...Array.from( { length: 4 }, () => new ApiError( 'readonly', 'Read-only' ) ) );
		const repo = hw.repo( 'Coord' );
		expect( await repo.celebrate( r, talk ) ).toEqual( { ok: true, talk: 'failed' } );
		expect( hw.edits( 'User talk:Bob' ) ).toHaveLength( 4 );
		expect( ( await repo.load() ).nominations[ 0 ].status ).toBe( 'celebrated' );
		hw.fail( talkEdit, new ApiError( 'protectedpage', 'Protected' ) );
		expect( await repo.postTalk( talk ) ).toBe( 'failed' );
		expect( await repo.postTalk( talk ) ).toBe( 'posted' );
		expect( hw.talk.get( 'User talk:Bob' ) ).toHaveLength( 1 );
	} );

	it( 'lets the nominee or a coordinator decline, not others', async () => {
		const n = await nominated();
		expect( await hw.repo( 'Carol' ).decline( n ) ).toMatchObject( { ok: false, reason: 'not-allowed' } );
		expect( await hw.repo( null ).decline( n ) ).toMatchObject( { ok: false, reason: 'session' } );
		expect( await hw.repo( 'Bob' ).decline( n ) ).toEqual( { ok: true } );
		expect( JSON.parse( hw.wiki.text( `${ n.title }/Decline` ) ?? '' ) ).toMatchObject( { schema: 'decline/1' } );
		const group = await nominated( 'Alice', { nominee: { kind: 'group', name: 'Wikimedians of X' } } );
		expect( await hw.repo( 'Coord' ).decline( group ) ).toEqual( { ok: true } );
		const all = await hw.repo( 'Alice' ).load();
		expect( all.nominations.map( ( x ) => x.status ) ).toEqual( [ 'declined', 'declined' ] );
	} );
} );
