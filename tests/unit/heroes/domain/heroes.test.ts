import { describe, expect, it } from 'vitest';
import {
	AccountInfo,
	DEFAULT_CELEBRATE_POLICY,
	HeroPage,
	NominationRecord,
	Nominee,
	accountsToCheck,
	assembleNominations,
	canonicalUserName,
	nomineeKey,
	openNominationOf,
	parseEndorsement,
	parseMark,
	parseNomination,
	publicNominations,
	serializeNomination,
	validateNomination,
} from '../../../../src/heroes/domain/heroes';

const FOLDER = 'Project:Partnerships/Heroes';
const COORDINATOR: AccountInfo = { groups: [ 'partnership-coordinator', 'user' ], rights: [ 'partnerships-celebrate', 'edit' ] };
const ORDINARY: AccountInfo = { groups: [ 'user', 'autoconfirmed' ], rights: [ 'edit' ] };
const ACCOUNTS = new Map<string, AccountInfo>( [ [ 'Coord', COORDINATOR ], [ 'Carol', ORDINARY ], [ 'Mallory', ORDINARY ] ] );

let revid = 100;

function page( title: string, content: unknown, user: string, timestamp = '2026-11-02T00:00:00Z' ): HeroPage {
	return {
		title: `${ FOLDER }/${ title }`,
		content: typeof content === 'string' ? content : JSON.stringify( content ),
		user,
		revid: revid++,
		timestamp,
	};
}

function nomination( overrides: Partial<NominationRecord> = {} ): NominationRecord {
	return {
		schema: 'nomination/1',
		nominee: { kind: 'user', user: 'Bob' },
		category: 'volunteer',
		citation: 'For years of patient work welcoming newcomers to the wiki.',
		partnerships: [],
		regions: [],
		languages: [],
		nominator: 'Alice',
		created: '2026-11-01T00:00:00Z',
		...overrides,
	};
}

const endorsement = ( time = '2026-11-02T00:00:00Z', comment = '' ): unknown => ( { schema: 'endorsement/1', comment, time } );
const mark = ( kind: 'celebration' | 'decline' ): unknown => ( { schema: `${ kind }/1`, time: '2026-11-03T00:00:00Z' } );

function assemble( pages: HeroPage[], threshold = 2 ): ReturnType<typeof assembleNominations> {
	return assembleNominations( FOLDER, pages, ACCOUNTS, DEFAULT_CELEBRATE_POLICY, threshold );
}

describe( 'assembleNominations: who wrote a page is its last editor', () => {
	it( 'counts an endorsement made by the account its title names', () => {
		const result = assemble( [
			page( 'bob-2026', nomination(), 'Alice' ),
			page( 'bob-2026/Endorsements/Carol', endorsement( '2026-11-02T00:00:01Z', 'Yes' ), 'Carol' ),
			page( 'bob-2026/Endorsements/Dave', endorsement( '2026-11-02T00:00:00Z' ), 'Dave' ),
		] );
		const [ n ] = result.nominations;
		expect( n.endorsements.map( ( e ) => [ e.user, e.comment ] ) ).toEqual( [ [ 'Dave', '' ], [ 'Carol', 'Yes' ] ] );
		expect( n.status ).toBe( 'ready' );
		expect( n.rejected ).toEqual( [] );
	} );

	it( 'does not count an endorsement page made by another account (a forgery)', () => {
		const [ n ] = assemble( [
			page( 'bob-2026', nomination(), 'Alice' ),
			page( 'bob-2026/Endorsements/Carol', endorsement(), 'Mallory' ),
			page( 'bob-2026/Endorsements/Dave', endorsement(), '' ),
		] ).nominations;
		expect( n.endorsements ).toEqual( [] );
		expect( n.rejected ).toEqual( [
			{ title: `${ FOLDER }/bob-2026/Endorsements/Carol`, reason: 'not-author' },
			{ title: `${ FOLDER }/bob-2026/Endorsements/Dave`, reason: 'not-author' },
		] );
		expect( n.status ).toBe( 'open' );
	} );

	it( 'matches names as MediaWiki does (underscores, first letter)', () => {
		const [ n ] = assemble( [
			page( 'bob-2026', nomination(), 'Alice' ),
			page( 'bob-2026/Endorsements/Carol_smith', endorsement(), 'Carol smith' ),
			page( 'bob-2026/Endorsements/dave', endorsement(), 'Dave' ),
		] ).nominations;
		expect( n.endorsements.map( ( e ) => e.user ).sort() ).toEqual( [ 'Carol smith', 'Dave' ] );
	} );

	it( 'counts one endorsement per account, however many pages name it', () => {
		const [ n ] = assemble( [
			page( 'bob-2026', nomination(), 'Alice' ),
			page( 'bob-2026/Endorsements/Carol', endorsement( '2026-11-02T00:00:00Z', 'first' ), 'Carol' ),
			page( 'bob-2026/Endorsements/carol', endorsement( '2026-11-02T00:00:05Z', 'second' ), 'Carol' ),
		] ).nominations;
		expect( n.endorsements.map( ( e ) => [ e.user, e.comment ] ) ).toEqual( [ [ 'Carol', 'first' ] ] );
		expect( n.rejected ).toEqual( [ { title: `${ FOLDER }/bob-2026/Endorsements/carol`, reason: 'duplicate' } ] );
		expect( n.status ).toBe( 'open' );
	} );

	it( 'does not count the nominee\'s or the nominator\'s own endorsement', () => {
		const [ n ] = assemble( [
			page( 'bob-2026', nomination(), 'Alice' ),
			page( 'bob-2026/Endorsements/Bob', endorsement(), 'Bob' ),
			page( 'bob-2026/Endorsements/Alice', endorsement(), 'Alice' ),
		] ).nominations;
		expect( n.endorsements ).toEqual( [] );
		expect( n.rejected.map( ( r ) => r.reason ) ).toEqual( [ 'self', 'self' ] );
	} );

	it( 'marks a self-nomination and does not count the nominator endorsing it', () => {
		const [ n ] = assemble( [
			page( 'bob-2026', nomination( { nominator: 'Bob' } ), 'Bob' ),
			page( 'bob-2026/Endorsements/Bob', endorsement(), 'Bob' ),
		] ).nominations;
		expect( n.self ).toBe( true );
		expect( n.endorsements ).toEqual( [] );
	} );

	it( 'sets aside invalid endorsements and unknown subpages', () => {
		const [ n ] = assemble( [
			page( 'bob-2026', nomination(), 'Alice' ),
			page( 'bob-2026/Endorsements/Carol', '{not json', 'Carol' ),
			page( 'bob-2026/Endorsements/Dave', { schema: 'endorsement/1', time: 'yesterday' }, 'Dave' ),
			page( 'bob-2026/Endorsements/Erin/More', endorsement(), 'Erin' ),
			page( 'bob-2026/Notes', { x: 1 }, 'Erin' ),
		] ).nominations;
		expect( n.endorsements ).toEqual( [] );
		expect( n.rejected.map( ( r ) => r.reason ) ).toEqual( [ 'invalid', 'invalid', 'unknown-page', 'unknown-page' ] );
	} );

	it( 'counts a celebration only by an account that may celebrate', () => {
		const pages = [
			page( 'bob-2026', nomination(), 'Alice' ),
			page( 'bob-2026/Endorsements/Carol', endorsement(), 'Carol' ),
			page( 'bob-2026/Endorsements/Dave', endorsement(), 'Dave' ),
		];
		const byCarol = assemble( [ ...pages, page( 'bob-2026/Celebration', mark( 'celebration' ), 'Carol' ) ] ).nominations[ 0 ];
		expect( byCarol.status ).toBe( 'ready' );
		expect( byCarol.celebration ).toBeUndefined();
		expect( byCarol.rejected ).toEqual( [ { title: `${ FOLDER }/bob-2026/Celebration`, reason: 'not-allowed' } ] );
		// An account the wiki said nothing about (not asked, or gone) does not count either.
		const byStranger = assemble( [ ...pages, page( 'bob-2026/Celebration', mark( 'celebration' ), 'Stranger' ) ] ).nominations[ 0 ];
		expect( byStranger.celebration ).toBeUndefined();
		const byCoordinator = assemble( [ ...pages, page( 'bob-2026/Celebration', mark( 'celebration' ), 'Coord' ) ] ).nominations[ 0 ];
		expect( byCoordinator.status ).toBe( 'celebrated' );
		expect( byCoordinator.celebration ).toEqual( { by: 'Coord', time: '2026-11-03T00:00:00Z' } );
	} );

	it( 'does not count a celebration of a nomination that is not ready', () => {
		const [ n ] = assemble( [
			page( 'bob-2026', nomination(), 'Alice' ),
			page( 'bob-2026/Endorsements/Carol', endorsement(), 'Carol' ),
			page( 'bob-2026/Celebration', mark( 'celebration' ), 'Coord' ),
		] ).nominations;
		expect( n.status ).toBe( 'open' );
		expect( n.celebration ).toBeUndefined();
		expect( n.rejected ).toEqual( [ { title: `${ FOLDER }/bob-2026/Celebration`, reason: 'not-ready' } ] );
	} );

	it( 'counts a decline by the nominee or a coordinator, not by anyone else, and hides it from public lists', () => {
		const pages = [ page( 'bob-2026', nomination(), 'Alice' ), page( 'grp-2026', nomination( { nominee: { kind: 'group', name: 'Wikimedians of X' } } ), 'Alice' ) ];
		const result = assemble( [
			...pages,
			page( 'bob-2026/Decline', mark( 'decline' ), 'Bob' ),
			page( 'grp-2026/Decline', mark( 'decline' ), 'Coord' ),
		] );
		expect( result.nominations.map( ( n ) => [ n.id, n.status, n.declined?.by ] ).sort() ).toEqual( [
			[ 'bob-2026', 'declined', 'Bob' ], [ 'grp-2026', 'declined', 'Coord' ],
		] );
		expect( publicNominations( result.nominations ) ).toEqual( [] );

		const forged = assemble( [
			...pages,
			page( 'bob-2026/Decline', mark( 'decline' ), 'Mallory' ),
			page( 'grp-2026/Decline', mark( 'decline' ), 'Alice' ),
		] );
		expect( forged.nominations.map( ( n ) => n.status ) ).toEqual( [ 'open', 'open' ] );
		expect( forged.nominations.flatMap( ( n ) => n.rejected.map( ( r ) => r.reason ) ) ).toEqual( [ 'not-allowed', 'not-allowed' ] );
		expect( publicNominations( forged.nominations ) ).toHaveLength( 2 );
	} );

	it( 'lists invalid nomination pages with the reason, and ignores pages outside the folder', () => {
		const result = assemble( [
			page( 'broken', '{"schema":', 'Mallory' ),
			page( 'short', nomination( { citation: 'too short' } ), 'Mallory' ),
			page( 'ok-2026', nomination(), 'Alice' ),
			{ title: 'Project:Partnerships/Records/x', content: '{}', user: 'A', revid: 1, timestamp: '2026-11-01T00:00:00Z' },
		] );
		expect( result.nominations.map( ( n ) => n.id ) ).toEqual( [ 'ok-2026' ] );
		expect( result.invalid.map( ( i ) => i.id ) ).toEqual( [ 'broken', 'short' ] );
		expect( result.invalid[ 1 ].detail ).toContain( 'citation' );
	} );

	it( 'sorts nominations newest first', () => {
		const result = assemble( [
			page( 'a', nomination( { created: '2026-01-01T00:00:00Z' } ), 'Alice' ),
			page( 'b', nomination( { created: '2026-03-01T00:00:00Z' } ), 'Alice' ),
			page( 'c', nomination( { created: '2026-02-01T00:00:00Z' } ), 'Alice' ),
		] );
		expect( result.nominations.map( ( n ) => n.id ) ).toEqual( [ 'b', 'c', 'a' ] );
	} );
} );

describe( 'accountsToCheck', () => {
	it( 'names the last editors of celebrations and declines only', () => {
		expect( accountsToCheck( FOLDER, [
			page( 'a', nomination(), 'Alice' ),
			page( 'a/Endorsements/Carol', endorsement(), 'Carol' ),
			page( 'a/Celebration', mark( 'celebration' ), 'coord' ),
			page( 'b/Decline', mark( 'decline' ), 'Bob_smith' ),
			page( 'c/Celebration', mark( 'celebration' ), '' ),
		] ).sort() ).toEqual( [ 'Bob smith', 'Coord' ] );
	} );
} );

describe( 'nominees and duplicates', () => {
	it( 'gives one key to the same nominee however it is written', () => {
		expect( nomineeKey( { kind: 'user', user: 'bob_smith' } ) ).toBe( nomineeKey( { kind: 'user', user: 'Bob smith' } ) );
		expect( nomineeKey( { kind: 'user', user: 'Bob  smith ' } ) ).toBe( 'user:Bob smith' );
		expect( nomineeKey( { kind: 'group', name: ' Wikimedians  of X' } ) ).toBe( nomineeKey( { kind: 'group', name: 'wikimedians of x' } ) );
		expect( nomineeKey( { kind: 'group', name: 'Other name', wikidata: 'Q5' } ) ).toBe( nomineeKey( { kind: 'group', name: 'X', wikidata: 'Q5' } ) );
		expect( nomineeKey( { kind: 'community', language: 'DAG', region: '002' } ) ).toBe( 'community:dag|002' );
		expect( nomineeKey( { kind: 'user', user: 'Bob' } ) ).not.toBe( nomineeKey( { kind: 'user', user: 'Bobby' } ) );
		expect( canonicalUserName( 'éva_x' ) ).toBe( 'Éva x' );
	} );

	it( 'finds an open or ready nomination of the same nominee, not a celebrated or declined one', () => {
		const open = assemble( [ page( 'bob-2026', nomination( { nominee: { kind: 'user', user: 'bob_smith' } } ), 'Alice' ) ] ).nominations;
		const other: Nominee = { kind: 'user', user: 'Bob smith' };
		expect( openNominationOf( open, other )?.id ).toBe( 'bob-2026' );
		expect( openNominationOf( open, { kind: 'user', user: 'Carol' } ) ).toBeUndefined();
		const declined = assemble( [
			page( 'bob-2026', nomination( { nominee: { kind: 'user', user: 'Bob smith' } } ), 'Alice' ),
			page( 'bob-2026/Decline', mark( 'decline' ), 'Bob smith' ),
		] ).nominations;
		expect( openNominationOf( declined, other ) ).toBeUndefined();
	} );
} );

describe( 'nomination pages', () => {
	it( 'round-trips through serializeNomination and parseNomination', () => {
		const record = nomination( { languages: [ 'de' ], regions: [ '150' ] } );
		const parsed = parseNomination( serializeNomination( record ) );
		expect( parsed ).toEqual( { ok: true, record } );
	} );

	it( 'checks which nominee fields each kind needs and allows', () => {
		expect( validateNomination( nomination( { nominee: { kind: 'user' } } ) ) ).toContainEqual( { path: 'nominee/user', code: 'required' } );
		expect( validateNomination( nomination( { nominee: { kind: 'user', user: 'Bob', name: 'x' } } ) ) )
			.toContainEqual( { path: 'nominee/name', code: 'additionalProperties' } );
		expect( validateNomination( nomination( { nominee: { kind: 'community', language: 'dag', region: '002' } } ) ) ).toEqual( [] );
		expect( validateNomination( nomination( { nominee: { kind: 'user', user: 'Bob|Carol' } } ) ).length ).toBeGreaterThan( 0 );
	} );
} );

describe( 'user names compared the way the wiki compares them', () => {
	it.each( [
		[ 'alice', 'Alice' ],
		[ 'éva_x', 'Éva x' ],
		// A capital of more than one character: MediaWiki (as Wikimedia configures it)
		// keeps the letter; toUpperCase() would make another account's name.
		[ 'ß47', 'ß47' ],
		[ 'ﬆ47', 'ﬆ47' ],
		[ 'ŉx', 'ŉx' ],
		// Only the first letter changes, and to its title case.
		[ 'ǆemal', 'ǅemal' ],
		[ 'Ǆemal', 'ǅemal' ],
		[ 'ǉ', 'ǈ' ],
		// Georgian letters are their own title case.
		[ 'ალისა', 'ალისა' ],
		[ 'ıx', 'Ix' ],
		[ 'straße', 'Straße' ],
		[ '😀 smile', '😀 smile' ],
		[ '', '' ],
	] )( '%j is %j', ( name, canonical ) => {
		expect( canonicalUserName( name ) ).toBe( canonical );
	} );

	it( 'takes the first-letter rules from the wiki', () => {
		expect( canonicalUserName( 'ß47', { multiCharacter: 'title' } ) ).toBe( 'Ss47' );
		expect( canonicalUserName( 'ﬆ47', { multiCharacter: 'title' } ) ).toBe( 'St47' );
		expect( canonicalUserName( 'ß47', { overrides: { ß: 'ẞ' } } ) ).toBe( 'ẞ47' );
		expect( canonicalUserName( 'ǆemal', { overrides: { ǆ: 'ǆ' } } ) ).toBe( 'ǆemal' );
		expect( canonicalUserName( 'alice', { overrides: {} } ) ).toBe( 'Alice' );
	} );

	it( 'does not take an endorsement by ﬆ47 for one by ST47', () => {
		const result = assemble( [
			page( 'bob-2026', nomination(), 'Alice' ),
			page( 'bob-2026/Endorsements/ﬆ47', endorsement(), 'ST47' ),
			page( 'bob-2026/Endorsements/ST47', endorsement(), 'ﬆ47' ),
		] );
		expect( result.nominations[ 0 ].endorsements ).toEqual( [] );
		expect( result.nominations[ 0 ].rejected.map( ( r ) => r.reason ) ).toEqual( [ 'not-author', 'not-author' ] );
	} );
} );

describe( 'hostile pages never break the heroes', () => {
	const NESTED = '{"schema":' + '['.repeat( 100000 ) + ']'.repeat( 100000 ) + '}';
	const HUGE = JSON.stringify( { ...nomination(), citation: 'x'.repeat( 3 * 1024 * 1024 ) } );

	it( 'reads 100,000 nested arrays and huge pages as invalid, with the reason', () => {
		expect( () => parseNomination( NESTED ) ).not.toThrow();
		const nested = parseNomination( NESTED );
		expect( nested.ok ).toBe( false );
		expect( !nested.ok && nested.detail ).toMatch( /too-deep/ );
		const huge = parseNomination( HUGE );
		expect( !huge.ok && huge.detail ).toMatch( /too-large/ );
		expect( parseEndorsement( NESTED ) ).toBeNull();
		expect( parseMark( NESTED, 'celebration' ) ).toBeNull();
		expect( parseMark( NESTED, 'decline' ) ).toBeNull();
	} );

	it( 'assembles the other nominations around such pages', () => {
		const result = assemble( [
			page( 'bad-2026', NESTED, 'Mallory' ),
			page( 'bob-2026', nomination(), 'Alice' ),
			page( 'bob-2026/Endorsements/Carol', NESTED, 'Carol' ),
			page( 'bob-2026/Celebration', NESTED, 'Coord' ),
			page( 'bob-2026/Decline', HUGE, 'Bob' ),
		] );
		expect( result.invalid.map( ( i ) => i.id ) ).toEqual( [ 'bad-2026' ] );
		expect( result.nominations[ 0 ].rejected.map( ( r ) => r.reason ) ).toEqual( [ 'invalid', 'invalid', 'invalid' ] );
		expect( result.nominations[ 0 ].status ).toBe( 'open' );
	} );

	it.each( [
		'../../Special:UserLogout',
		'../x',
		'a/b',
		'~~~~',
		'&lt;script&gt;',
		'%3Cscript%3E',
		'a[b',
		'x|y',
		'x#y',
		'.',
	] )( 'refuses %j as a related partnership', ( id ) => {
		expect( validateNomination( nomination( { partnerships: [ 'rijksmuseum-2024', id ] } ) ) )
			.toContainEqual( expect.objectContaining( { path: 'partnerships/1', code: 'pattern' } ) );
	} );

	it( 'accepts related partnerships that are page names in the records folder', () => {
		expect( validateNomination( nomination( { partnerships: [ 'rijksmuseum-2024', 'British Library', 'A.B.C.' ] } ) ) ).toEqual( [] );
	} );
} );
