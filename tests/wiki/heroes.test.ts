// Community heroes against the real MediaWiki 1.43 wikis: the whole flow on the extension
// wiki (nominate, endorse, forged pages not counted, celebrate with a talk-page message
// that renders as text), decline, logged-out refusals, 20 accounts endorsing at the same
// moment, and a short flow on the gadgets wiki (pages that are wikitext by default).
//
// One file (a little over 400 lines) because the flow's steps build on each other's pages
// and share the accounts made once in beforeAll.
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { createUsers } from '../../scripts/wiki/harness';
import { startFaultProxy } from '../../scripts/lib/faultProxy';
import { ActionApi, ApiError, ApiParams, ApiResponse } from '../../src/shared/api/ActionApi';
import { HttpActionApi } from '../../src/shared/api/HttpActionApi';
import { HeroesRepository, NominationInput } from '../../src/heroes/data/heroesRepository';
import {
	DEFAULT_CELEBRATE_POLICY,
	HeroesResult,
	Nomination,
	publicNominations,
} from '../../src/heroes/domain/heroes';
import { buildTalkMessage, talkMessageParts } from '../../src/heroes/domain/talkMessage';
import type { WikiInfo } from './globalSetup';

const wikis = inject( 'wikis' );
const root = { namespace: 4, title: 'Partnerships' };
/** Unique per run: names of nominated groups, so that reruns on the same wiki do not collide */
const RUN = `r${ Date.now().toString( 36 ) }`;
const ENDORSERS = Array.from( { length: 21 }, ( _, i ) => `Hero endorser ${ String( i + 1 ).padStart( 2, '0' ) }` );
const COORDINATOR = 'Hero coordinator';
const password = ( name: string ): string => `partnerships-dev-${ name.replace( / /g, '-' ) }-1`;

const HOSTILE_CITATION = 'Bob fixed [[Category:Hacked]] and {{Template:Evil}} {{#invoke:Evil|x}} {{PLURAL:2|a|b}} ~~~~ ~~~ ' +
	'__NOTOC__ __NOINDEX__ <script>alert(1)</script> <ref>cite</ref> <nowiki>x</nowiki> &amp; &lt;b&gt; ' +
	'http://evil.example/x [https://evil.example/y spam] //evil.example/z mailto:evil@example.org\n' +
	'== Injected heading ==\n* list item\n# numbered\n; term : def\n ' +
	'leading space ----\n{| class="wikitable"\n| cell\n|} \'\'\'bold\'\'\' -{zh-hans:x}- ISBN 978-3-16-148410-0 RFC 1234 ' +
	'[[User:Mallory|Mallory]] [[:File:X.png]] $1 $4 \u202eevil';

/** English messages, as mw.message().plain() gives them: parameters substituted in one pass. */
const EN: Record<string, string> = JSON.parse( readFileSync( 'i18n/en.json', 'utf8' ) );
function plainMessage( key: string, ...params: string[] ): string {
	return EN[ key ].replace( /\$(\d+)/g, ( whole, n ) => params[ Number( n ) - 1 ] ?? whole );
}

/** Forwards to a real client and counts requests. */
class CountingApi implements ActionApi {
	public readonly calls: ApiParams[] = [];

	public constructor( private readonly api: ActionApi ) {}

	public get( params: ApiParams ): Promise<ApiResponse> {
		this.calls.push( params );
		return this.api.get( params );
	}

	public postWithEditToken( params: ApiParams ): Promise<ApiResponse> {
		this.calls.push( params );
		return this.api.postWithEditToken( params );
	}
}

interface Person {
	name: string;
	http: HttpActionApi;
	api: CountingApi;
	repo: HeroesRepository;
}

async function person( wiki: WikiInfo, name: string, pass: string, bot = false, url = wiki.api ): Promise<Person> {
	const http = new HttpActionApi( url, 'Partnerships-tests/0.1' );
	if ( bot ) {
		await http.login( name, pass );
	} else {
		await http.clientLogin( name, pass );
	}
	const api = new CountingApi( http );
	const userName = bot ? name.replace( /@.*$/, '' ) : name;
	const repo = new HeroesRepository( {
		api, root, policy: DEFAULT_CELEBRATE_POLICY, threshold: 2, userName, retry: { baseDelayMs: 50 },
	} );
	return { name: userName, http, api, repo };
}

function userOf( wiki: WikiInfo, name: string ): { username: string; password: string } {
	const found = wiki.accounts.users.find( ( u ) => u.username === name );
	if ( !found ) {
		throw new Error( `No account ${ name }` );
	}
	return found;
}

function find( result: HeroesResult, id: string ): Nomination {
	const found = result.nominations.find( ( n ) => n.id === id );
	if ( !found ) {
		throw new Error( `No nomination ${ id } among ${ result.nominations.map( ( n ) => n.id ).join( ', ' ) }` );
	}
	return found;
}

function ok<T extends { ok: boolean }>( outcome: T ): Extract<T, { ok: true }> {
	expect( outcome.ok, JSON.stringify( outcome ) ).toBe( true );
	return outcome as Extract<T, { ok: true }>;
}

async function titlesUnder( api: ActionApi, prefix: string ): Promise<string[]> {
	const out: string[] = [];
	let cont: ApiParams = {};
	do {
		const answer = await api.get( { action: 'query', list: 'allpages', apnamespace: 4, apprefix: prefix, aplimit: 'max', ...cont } );
		out.push( ...answer.query.allpages.map( ( p: { title: string } ) => p.title ) );
		cont = answer.continue ?? {};
	} while ( Object.keys( cont ).length );
	return out;
}

async function exists( api: ActionApi, title: string ): Promise<boolean> {
	const answer = await api.get( { action: 'query', titles: title } );
	return !answer.query.pages[ 0 ].missing;
}

/** A page written through the raw API, as anyone could, bypassing the repository */
async function forge( who: Person, title: string, content: unknown ): Promise<void> {
	const answer = await who.http.postWithEditToken( {
		action: 'edit', title, text: JSON.stringify( content ), contentmodel: 'json', assert: 'user', createonly: true,
	} );
	expect( answer.edit.result ).toBe( 'Success' );
}

/**
 * The same on the extension wiki, whose permission hook refuses it
 *
 * @return The API's error code
 */
async function forgeRefused( who: Person, title: string, content: unknown ): Promise<string> {
	try {
		await forge( who, title, content );
	} catch ( e ) {
		return ( e as { code?: string } ).code ?? String( e );
	}
	throw new Error( `The wiki saved ${ title }` );
}

function decodeHtml( html: string ): string {
	const named: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: '\'', nbsp: '\u00a0' };
	return html
		.replace( /<[^>]*>/g, '' )
		.replace( /&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, ( whole, ref: string ) => {
			if ( ref[ 0 ] === '#' ) {
				const code = ref[ 1 ].toLowerCase() === 'x' ? parseInt( ref.slice( 2 ), 16 ) : Number( ref.slice( 1 ) );
				return String.fromCodePoint( code );
			}
			return named[ ref.toLowerCase() ] ?? whole;
		} );
}

function nomination( overrides: Partial<NominationInput> = {} ): NominationInput {
	return {
		nominee: { kind: 'group', name: `${ RUN } group` },
		category: 'organiser',
		citation: 'For years of patient organising, mentoring and welcoming newcomers.',
		partnerships: [],
		regions: [],
		languages: [],
		...overrides,
	};
}

/**
 * @param api A client
 * @param title A talk page
 * @return How many sections it has (0 when it does not exist)
 */
async function talkSections( api: HttpActionApi, title: string ): Promise<number> {
	try {
		return ( await api.get( { action: 'parse', page: title, prop: 'sections' } ) ).parse.sections.length;
	} catch ( e ) {
		if ( e instanceof ApiError && e.code === 'missingtitle' ) {
			return 0;
		}
		throw e;
	}
}

describe( 'community heroes on the extension wiki', () => {
	const wiki = wikis.ext;
	let alice: Person;
	let bob: Person;
	let carol: Person;
	let coordinator: Person;
	let endorsers: Person[];
	let anonymous: HttpActionApi;

	beforeAll( async () => {
		const t0 = Date.now();
		const made = await createUsers( wiki.site, [
			...ENDORSERS.map( ( username ) => ( { username, password: password( username ) } ) ),
			{ username: COORDINATOR, password: password( COORDINATOR ), groups: [ 'partnership-coordinator' ] },
		] );
		console.log( `[heroes] ${ made.created } accounts created (${ made.promoted } groups added) in one maintenance run: ${ Date.now() - t0 } ms` );
		alice = await person( wiki, 'Alice', userOf( wiki, 'Alice' ).password );
		bob = await person( wiki, 'Bob', userOf( wiki, 'Bob' ).password );
		carol = await person( wiki, 'Carol', userOf( wiki, 'Carol' ).password );
		coordinator = await person( wiki, COORDINATOR, password( COORDINATOR ) );
		endorsers = [];
		for ( const name of ENDORSERS ) {
			endorsers.push( await person( wiki, name, password( name ) ) );
		}
		anonymous = new HttpActionApi( wiki.api, 'Partnerships-tests/0.1' );
	} );

	it( 'gives the coordinator the group, and ordinary accounts nothing to celebrate with', async () => {
		const answer = await anonymous.get( { action: 'query', list: 'users', ususers: [ COORDINATOR, 'Carol' ], usprop: [ 'groups', 'rights' ] } );
		const [ coord, plain ] = answer.query.users;
		expect( coord.groups ).toContain( 'partnership-coordinator' );
		expect( coord.rights ).toContain( 'partnerships-celebrate' );
		expect( plain.rights ).not.toContain( 'partnerships-celebrate' );
	} );

	it( 'nominates, endorses, refuses forgeries, celebrates, and posts a message that is only text', async () => {
		expect( await alice.repo.folderTitle() ).toBe( 'Project:Partnerships/Heroes' );
		const created = ok( await alice.repo.nominate( nomination( {
			nominee: { kind: 'user', user: 'bob' },
			category: 'volunteer',
			citation: HOSTILE_CITATION,
		} ) ) );
		expect( created.id ).toMatch( /^bob-\d{4}$|^bob-\d{4}-\d+$/ );
		expect( created.id.slice( 4, 8 ) ).toBe( String( new Date().getUTCFullYear() ) );
		expect( await alice.repo.creatorOf( { title: created.title } as Nomination ) ).toBe( 'Alice' );
		let current = find( await alice.repo.load(), created.id );
		expect( current ).toMatchObject( { status: 'open', record: { nominee: { kind: 'user', user: 'Bob' }, nominator: 'Alice', citation: HOSTILE_CITATION } } );

		// The nominator and the nominee may not endorse: refused before any request.
		for ( const who of [ alice, bob ] ) {
			const before = who.api.calls.length;
			expect( await who.repo.endorse( current, '' ) ).toMatchObject( { ok: false, reason: 'not-allowed' } );
			expect( who.api.calls.length ).toBe( before );
		}

		// Forged through the raw API by Alice: an endorsement "by Bob" (the nominee), and
		// one "by Carol" before Carol endorses. The extension's permission hook refuses
		// both (that the hall does not count such pages where they exist is tested on the
		// gadgets wiki below, which has no hook).
		expect( await forgeRefused( alice, `${ created.title }/Endorsements/Bob`, { schema: 'endorsement/1', comment: 'forged', time: '2026-01-01T00:00:00Z' } ) )
			.toBe( 'partnerships-permission-heroes-endorsement' );
		expect( await forgeRefused( alice, `${ created.title }/Endorsements/Carol`, { schema: 'endorsement/1', comment: 'forged', time: '2026-01-01T00:00:00Z' } ) )
			.toBe( 'partnerships-permission-heroes-endorsement' );
		current = find( await alice.repo.load(), created.id );
		expect( current.endorsements ).toEqual( [] );
		expect( current.rejected ).toEqual( [] );

		// Carol endorses; then one more account.
		ok( await carol.repo.endorse( current, 'Well deserved' ) );
		ok( await endorsers[ 0 ].repo.endorse( current, '' ) );
		expect( await carol.repo.endorse( current, 'again' ) ).toMatchObject( { ok: false, reason: 'exists' } );
		current = find( await alice.repo.load(), created.id );
		expect( current.endorsements.map( ( e ) => e.user ).sort() ).toEqual( [ 'Carol', ENDORSERS[ 0 ] ] );
		expect( current.endorsements.find( ( e ) => e.user === 'Carol' )?.comment ).toBe( 'Well deserved' );
		expect( current.status ).toBe( 'ready' );

		// An ordinary account cannot celebrate through the repository: nothing is written.
		expect( await carol.repo.celebrate( current, null ) ).toMatchObject( { ok: false, reason: 'not-allowed' } );
		expect( await exists( anonymous, `${ created.title }/Celebration` ) ).toBe( false );
		// …nor through the raw API: the wiki refuses the page.
		expect( await forgeRefused( carol, `${ created.title }/Celebration`, { schema: 'celebration/1', time: '2026-01-01T00:00:00Z' } ) )
			.toBe( 'partnerships-permission-heroes-celebration' );
		current = find( await alice.repo.load(), created.id );
		expect( current.status ).toBe( 'ready' );
		expect( current.celebration ).toBeUndefined();
		expect( await exists( anonymous, `${ created.title }/Celebration` ) ).toBe( false );

		// The coordinator celebrates and Bob gets a message.
		const talk = buildTalkMessage( talkMessageParts( current, 'Volunteer', 'the nomination' ), plainMessage );
		expect( talk.title ).toBe( 'User talk:Bob' );
		// Other tests on this wiki (the browser's) may have thanked Bob before: only the
		// section added now is checked.
		const sectionsBefore = await talkSections( anonymous, 'User talk:Bob' );
		const celebrated = ok( await coordinator.repo.celebrate( current, talk ) );
		expect( celebrated.talk ).toBe( 'posted' );
		current = find( await bob.repo.load(), created.id );
		expect( current.status ).toBe( 'celebrated' );
		expect( current.celebration?.by ).toBe( COORDINATOR );
		expect( await coordinator.repo.celebrate( current, talk ) ).toMatchObject( { ok: false, reason: 'exists' } );

		expect( await talkSections( anonymous, 'User talk:Bob' ) ).toBe( sectionsBefore + 1 );
		const parsed = ( await anonymous.get( {
			action: 'parse', page: 'User talk:Bob', section: sectionsBefore + 1,
			prop: [ 'text', 'links', 'templates', 'categories', 'externallinks', 'sections' ],
		} ) ).parse;
		expect( parsed.sections.map( ( s: { line: string } ) => s.line ) ).toEqual( [ 'Community hero: Volunteer' ] );
		expect( parsed.categories ).toEqual( [] );
		expect( parsed.templates ).toEqual( [] );
		expect( parsed.externallinks ).toEqual( [] );
		expect( parsed.links.map( ( l: { title: string } ) => l.title ).sort() ).toEqual(
			[ created.title, `User:${ COORDINATOR }`, `User talk:${ COORDINATOR }` ].sort() );
		const html: string = parsed.text;
		expect( html ).not.toMatch( /<script|<ref|class="reference"|<table|<li|<dl|<hr|<pre/i );
		expect( html.match( /<h2/g ) ).toHaveLength( 1 );
		// The citation as text, every character of it (line breaks and the bidi override as spaces).
		const text = decodeHtml( html ).replace( /\s+/g, ' ' );
		const expected = HOSTILE_CITATION.replace( /[\n\u202e]/g, ' ' ).replace( /\s+/g, ' ' );
		expect( text ).toContain( expected );
		console.log( `[heroes] talk page section rendered: ${ text.slice( 0, 160 ) }…` );
	} );

	it( 'takes a declined nomination out of public lists', async () => {
		const group = ok( await alice.repo.nominate( nomination( { nominee: { kind: 'group', name: `${ RUN } declined group` } } ) ) );
		const self = ok( await bob.repo.nominate( nomination( { nominee: { kind: 'user', user: 'Carol' } } ) ) );
		let all = await alice.repo.load();
		// Not the nominee (Alice nominated a group) and no coordinator: refused.
		expect( await carol.repo.decline( find( all, group.id ) ) ).toMatchObject( { ok: false, reason: 'not-allowed' } );
		ok( await coordinator.repo.decline( find( all, group.id ) ) );
		ok( await carol.repo.decline( find( all, self.id ) ) );
		all = await alice.repo.load();
		expect( find( all, group.id ) ).toMatchObject( { status: 'declined', declined: { by: COORDINATOR } } );
		expect( find( all, self.id ) ).toMatchObject( { status: 'declined', declined: { by: 'Carol' } } );
		const shown = publicNominations( all.nominations ).map( ( n ) => n.id );
		expect( shown ).not.toContain( group.id );
		expect( shown ).not.toContain( self.id );
		expect( all.nominations.length - shown.length ).toBeGreaterThanOrEqual( 2 );
	} );

	it( 'refuses logged-out writes and creates nothing', async () => {
		const api = new CountingApi( anonymous );
		const loggedOut = new HeroesRepository( { api, root, policy: DEFAULT_CELEBRATE_POLICY, threshold: 2, userName: null } );
		const name = `${ RUN } logged out group`;
		expect( await loggedOut.nominate( nomination( { nominee: { kind: 'group', name } } ) ) ).toMatchObject( { ok: false, reason: 'session' } );
		const mine = ok( await bob.repo.nominate( nomination( { nominee: { kind: 'group', name: `${ RUN } target group` } } ) ) );
		const target = find( await loggedOut.load(), mine.id );
		const before = api.calls.length;
		expect( await loggedOut.endorse( target, '' ) ).toMatchObject( { ok: false, reason: 'session' } );
		expect( api.calls.length ).toBe( before );

		// A client that believes it is logged in, with a session the wiki does not know:
		// assert=user refuses the edit.
		const stale = new HeroesRepository( { api, root, policy: DEFAULT_CELEBRATE_POLICY, threshold: 2, userName: 'Alice' } );
		expect( await stale.nominate( nomination( { nominee: { kind: 'group', name } } ) ) ).toMatchObject( { ok: false, reason: 'session' } );
		expect( await stale.endorse( target, '' ) ).toMatchObject( { ok: false, reason: 'session' } );
		expect( await titlesUnder( anonymous, `Partnerships/Heroes/${ RUN }-logged-out` ) ).toEqual( [] );
		expect( await exists( anonymous, `${ target.title }/Endorsements/Alice` ) ).toBe( false );
	} );

	it( 'makes each page once when the wiki saves it but the answer is lost', async () => {
		const proxy = await startFaultProxy( { target: wiki.url, showHostnames: false } );
		try {
			const viaProxy = async ( name: string, pass: string ): Promise<Person> => {
				const p = await person( wiki, name, pass, false, `${ proxy.url }/api.php` );
				await p.http.token( 'csrf' );
				return p;
			};
			const lose = (): void => proxy.inject( { match: { method: 'POST', action: 'edit' }, times: 1, fault: { kind: 'drop-after-forward' } } );
			const aliceLost = await viaProxy( 'Alice', userOf( wiki, 'Alice' ).password );
			lose();
			const made = ok( await aliceLost.repo.nominate( nomination( { nominee: { kind: 'group', name: `${ RUN } lost answer group` } } ) ) );
			expect( made.id ).toBe( `${ RUN }-lost-answer-group-${ new Date().getUTCFullYear() }` );
			expect( await titlesUnder( anonymous, `Partnerships/Heroes/${ RUN }-lost-answer` ) ).toEqual( [ made.title ] );
			const edits = proxy.log.filter( ( r ) => r.action === 'edit' );
			// The create, its answer lost; the same create again (articleexists); then a read found it ours.
			expect( edits.map( ( r ) => [ r.upstreamStatus, r.status ] ) ).toEqual( [ [ 200, null ], [ 200, 200 ] ] );

			const target = find( await alice.repo.load(), made.id );
			const carolLost = await viaProxy( 'Carol', userOf( wiki, 'Carol' ).password );
			lose();
			ok( await carolLost.repo.endorse( target, 'Lost and found' ) );
			const revisions = await anonymous.get( { action: 'query', titles: `${ made.title }/Endorsements/Carol`, prop: 'revisions', rvlimit: 10, rvprop: 'user' } );
			expect( revisions.query.pages[ 0 ].revisions ).toEqual( [ { user: 'Carol' } ] );

			// A talk message whose answer is lost is not posted a second time.
			const coordLost = await viaProxy( COORDINATOR, password( COORDINATOR ) );
			const talkTitle = `User talk:${ ENDORSERS[ 20 ] }`;
			const message = buildTalkMessage( {
				nominee: ENDORSERS[ 20 ], category: 'Mentor', citation: 'Lost answers are found again, never doubled.',
				heroTitle: made.title, linkText: 'nomination', endorsers: [ 'Carol' ],
			}, plainMessage );
			lose();
			expect( await coordLost.repo.postTalk( message ) ).toBe( 'posted' );
			expect( proxy.pending() ).toEqual( [] );
			const sections = await anonymous.get( { action: 'parse', page: talkTitle, prop: 'sections' } );
			expect( sections.parse.sections ).toHaveLength( 1 );
			const talkRevisions = await anonymous.get( { action: 'query', titles: talkTitle, prop: 'revisions', rvlimit: 10, rvprop: 'user' } );
			expect( talkRevisions.query.pages[ 0 ].revisions ).toEqual( [ { user: COORDINATOR } ] );

			// An overloaded front end asking to wait: the endorsement waits, then is made.
			const daveish = await viaProxy( ENDORSERS[ 0 ], password( ENDORSERS[ 0 ] ) );
			proxy.inject( { match: { method: 'POST', action: 'edit' }, times: 1, fault: { kind: 'http', status: 503, retryAfter: 1 } } );
			const t0 = Date.now();
			ok( await daveish.repo.endorse( target, '' ) );
			expect( Date.now() - t0 ).toBeGreaterThanOrEqual( 1000 );
			const last = proxy.log.filter( ( r ) => r.action === 'edit' ).slice( -2 );
			expect( last.map( ( r ) => [ r.status, r.upstreamStatus ] ) ).toEqual( [ [ 503, null ], [ 200, 200 ] ] );
		} finally {
			await proxy.close();
		}
	} );

	it( 'keeps every one of 20 endorsements made at the same moment, and none twice', async () => {
		const created = ok( await alice.repo.nominate( nomination( { nominee: { kind: 'group', name: `${ RUN } concurrency group` } } ) ) );
		const target = find( await alice.repo.load(), created.id );
		const twenty = endorsers.slice( 1, 21 );
		expect( twenty ).toHaveLength( 20 );

		const t0 = Date.now();
		const outcomes = await Promise.all( twenty.map( ( p ) => p.repo.endorse( target, `From ${ p.name }` ) ) );
		const ms = Date.now() - t0;
		expect( outcomes.filter( ( o ) => o.ok ), JSON.stringify( outcomes ) ).toHaveLength( 20 );
		const pages = await titlesUnder( anonymous, `Partnerships/Heroes/${ created.id }/Endorsements/` );
		console.log( `[heroes] 20 concurrent endorsements: ${ pages.length } stored in ${ ms } ms` );
		expect( pages ).toHaveLength( 20 );
		let loaded = find( await bob.repo.load(), created.id );
		expect( loaded.endorsements ).toHaveLength( 20 );
		expect( new Set( loaded.endorsements.map( ( e ) => e.user ) ) ).toEqual( new Set( twenty.map( ( p ) => p.name ) ) );
		expect( loaded.rejected ).toEqual( [] );

		const again = await Promise.all( twenty.map( ( p ) => p.repo.endorse( target, 'Twice?' ) ) );
		expect( again.map( ( o ) => o.ok ? 'ok' : o.reason ) ).toEqual( Array( 20 ).fill( 'exists' ) );
		expect( await titlesUnder( anonymous, `Partnerships/Heroes/${ created.id }/Endorsements/` ) ).toHaveLength( 20 );
		loaded = find( await bob.repo.load(), created.id );
		expect( loaded.endorsements ).toHaveLength( 20 );
		expect( loaded.endorsements.every( ( e ) => e.comment === `From ${ e.user }` ) ).toBe( true );
	} );
} );

describe( 'community heroes on the gadgets wiki (pages are wikitext by default)', () => {
	const wiki = wikis.gadgets;

	it( 'nominates, endorses and loads with contentmodel=json', async () => {
		const alice = await person( wiki, 'Alice', userOf( wiki, 'Alice' ).password );
		const carol = await person( wiki, 'Carol', userOf( wiki, 'Carol' ).password );
		const admin = await person( wiki, wiki.accounts.admin.botUsername, wiki.accounts.admin.botPassword, true );
		const created = ok( await alice.repo.nominate( nomination( { nominee: { kind: 'user', user: 'Bob' } } ) ) );
		// Forged through the raw API (no permission hook here): an endorsement "by Bob"
		// (the nominee) and one "by Carol" made by Alice, and a celebration by an ordinary
		// account. None counts: the hall reads authors from the wiki, not from the pages.
		await forge( alice, `${ created.title }/Endorsements/Bob`, { schema: 'endorsement/1', comment: 'forged', time: '2026-01-01T00:00:00Z' } );
		await forge( alice, `${ created.title }/Endorsements/Carol`, { schema: 'endorsement/1', comment: 'forged', time: '2026-01-01T00:00:00Z' } );
		await forge( carol, `${ created.title }/Celebration`, { schema: 'celebration/1', time: '2026-01-01T00:00:00Z' } );
		const target = find( await alice.repo.load(), created.id );
		expect( target.endorsements ).toEqual( [] );
		expect( target.celebration ).toBeUndefined();
		expect( target.rejected ).toEqual( expect.arrayContaining( [
			{ title: `${ created.title }/Endorsements/Bob`, reason: 'not-author' },
			{ title: `${ created.title }/Endorsements/Carol`, reason: 'not-author' },
			{ title: `${ created.title }/Celebration`, reason: 'not-allowed' },
		] ) );
		// Carol's endorsement takes over the page forged in her name.
		ok( await carol.repo.endorse( target, '' ) );
		ok( await admin.repo.endorse( target, '' ) );
		const loaded = find( await alice.repo.load(), created.id );
		expect( loaded.endorsements.map( ( e ) => e.user ).sort() ).toEqual( [ 'Admin', 'Carol' ] );
		expect( loaded.status ).toBe( 'ready' );
		const info = await alice.http.get( { action: 'query', titles: [ created.title, `${ created.title }/Endorsements/Carol`, 'Project:Partnerships/Heroes/x' ], prop: 'info' } );
		const models = Object.fromEntries( info.query.pages.map( ( p: { title: string; contentmodel: string } ) => [ p.title, p.contentmodel ] ) );
		// The default for a page there that does not exist yet is wikitext: our pages are JSON.
		expect( models ).toEqual( {
			[ created.title ]: 'json',
			[ `${ created.title }/Endorsements/Carol` ]: 'json',
			'Project:Partnerships/Heroes/x': 'wikitext',
		} );
		// Here the sysop celebrates (no coordinators group on this wiki), taking over the
		// forged page.
		const celebrated = ok( await admin.repo.celebrate( loaded, null ) );
		expect( celebrated.talk ).toBe( 'none' );
		expect( find( await alice.repo.load(), created.id ).status ).toBe( 'celebrated' );
	} );
} );

describe( 'community heroes on the gadgets wiki: who did what comes from the history', () => {
	const wiki = wikis.gadgets;

	it( 'ignores a forged nominator, keeps an endorsement someone else edited, and never moves a hero to another nominee', async () => {
		// New accounts: ordinary ones are rate-limited in content-model changes (8 a minute).
		await createUsers( wiki.site, [ 'Mallory', 'Trent' ].map( ( username ) => ( { username, password: password( username ) } ) ) );
		const mallory = await person( wiki, 'Mallory', password( 'Mallory' ) );
		const trent = await person( wiki, 'Trent', password( 'Trent' ) );
		const bob = await person( wiki, 'Bob', userOf( wiki, 'Bob' ).password );
		const admin = await person( wiki, wiki.accounts.admin.botUsername, wiki.accounts.admin.botPassword, true );
		const folder = await admin.repo.folderTitle();

		// Mallory makes a nomination whose text says Trent nominated: the wiki says Mallory did,
		// so Trent's endorsement counts (it would be "self" if the text were believed).
		const forgedId = `forged-${ RUN }`;
		await forge( mallory, `${ folder }/${ forgedId }`, {
			schema: 'nomination/1', nominee: { kind: 'group', name: `Forged group ${ RUN }` }, category: 'organiser',
			citation: 'For years of patient work welcoming newcomers to the wiki.', partnerships: [], regions: [], languages: [],
			nominator: 'Trent', created: '2026-11-01T00:00:00Z',
		} );
		ok( await trent.repo.endorse( find( await trent.repo.load(), forgedId ), 'Trent saw it' ) );
		// Mallory edits Trent's endorsement (no hook on this wiki): it is still Trent's, and shows as tampered.
		const trentsPage = `${ folder }/${ forgedId }/Endorsements/Trent`;
		const edit = await mallory.http.postWithEditToken( { action: 'edit', title: trentsPage, text: '{}', assert: 'user' } );
		expect( edit.edit.result ).toBe( 'Success' );
		const forged = find( await trent.repo.load(), forgedId );
		expect( forged.record.nominator ).toBe( 'Mallory' );
		expect( forged.endorsements.map( ( e ) => e.user ) ).toEqual( [ 'Trent' ] );
		expect( forged.rejected ).toEqual( [ { title: trentsPage, reason: 'tampered' } ] );

		// The admin nominates Carol; Trent and Bob endorse; the admin celebrates.
		const created = ok( await admin.repo.nominate( nomination( { nominee: { kind: 'user', user: 'Carol' } } ) ) );
		ok( await trent.repo.endorse( find( await admin.repo.load(), created.id ), '' ) );
		ok( await bob.repo.endorse( find( await admin.repo.load(), created.id ), '' ) );
		ok( await admin.repo.celebrate( find( await admin.repo.load(), created.id ), null ) );
		expect( find( await admin.repo.load(), created.id ).status ).toBe( 'celebrated' );

		// Mallory rewrites the celebrated nomination's nominee (and nominator) to herself.
		const text = JSON.parse( ( await mallory.http.get( {
			action: 'query', titles: created.title, prop: 'revisions', rvprop: 'content', rvslots: 'main', formatversion: 2,
		} ) ).query.pages[ 0 ].revisions[ 0 ].slots.main.content );
		const rewrite = await mallory.http.postWithEditToken( {
			action: 'edit', title: created.title, assert: 'user',
			text: JSON.stringify( { ...text, nominee: { kind: 'user', user: 'Mallory' }, nominator: 'Mallory' } ),
		} );
		expect( rewrite.edit.result ).toBe( 'Success' );

		const after = find( await admin.repo.load(), created.id );
		expect( after.record.nominee ).toEqual( { kind: 'user', user: 'Carol' } );
		expect( after.record.nominator ).toBe( 'Admin' );
		expect( after.status ).toBe( 'celebrated' );
		expect( after.endorsements.map( ( e ) => e.user ).sort() ).toEqual( [ 'Bob', 'Trent' ] );
		expect( after.changed ).toEqual( { revid: expect.any( Number ), latest: expect.any( Number ) } );
		const heroes = publicNominations( ( await admin.repo.load() ).nominations ).filter( ( n ) => n.status === 'celebrated' );
		expect( heroes.some( ( n ) => n.record.nominee.kind === 'user' && n.record.nominee.user === 'Mallory' ) ).toBe( false );
	} );
} );
