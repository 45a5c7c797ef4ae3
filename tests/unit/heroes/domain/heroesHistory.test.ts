// Who did what comes from the wiki's history (issue 13, deliverable 1): the nominator is
// the first revision's author, a page acts for the earliest revision by an account that
// may act through it, later edits by others change nothing and show as tampering, a
// celebration counts only once the nomination was ready, and a user nominee must exist.
import { describe, expect, it } from 'vitest';
import {
	AccountInfo,
	DEFAULT_CELEBRATE_POLICY,
	HeroPage,
	NominationRecord,
	Revision,
	accountsToCheck,
	assembleNominations,
} from '../../../../src/heroes/domain/heroes';

const FOLDER = 'Project:Partnerships/Heroes';
const COORDINATOR: AccountInfo = { groups: [ 'partnership-coordinator' ], rights: [ 'partnerships-celebrate' ] };
const ORDINARY: AccountInfo = { groups: [ 'user' ], rights: [ 'edit' ] };
const ACCOUNTS = new Map<string, AccountInfo>( [ [ 'Coord', COORDINATOR ], [ 'Carol', ORDINARY ], [ 'Mallory', ORDINARY ] ] );

let revid = 1000;

/**
 * @param title Title under the folder
 * @param content Latest text
 * @param authors Who made each revision, oldest first, with the minute it was saved
 */
function page( title: string, content: unknown, ...authors: [ string, number ][] ): HeroPage {
	const history: Revision[] = authors.map( ( [ user, minute ] ) => ( {
		user, revid: revid++, timestamp: `2026-11-02T00:${ String( minute ).padStart( 2, '0' ) }:00Z`,
	} ) );
	const latest = history[ history.length - 1 ];
	return {
		title: `${ FOLDER }/${ title }`,
		content: typeof content === 'string' ? content : JSON.stringify( content ),
		user: latest.user,
		revid: latest.revid,
		timestamp: latest.timestamp,
		history,
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

const endorsement = ( comment = '' ): unknown => ( { schema: 'endorsement/1', comment, time: '2026-11-02T00:00:00Z' } );
const mark = ( kind: 'celebration' | 'decline' ): unknown => ( { schema: `${ kind }/1`, time: '2026-11-03T00:00:00Z' } );

function assemble( pages: HeroPage[], missing: string[] = [] ): ReturnType<typeof assembleNominations> {
	return assembleNominations( FOLDER, pages, ACCOUNTS, DEFAULT_CELEBRATE_POLICY, 2, new Set( missing ) );
}

const ENDORSED = [
	page( 'bob-2026', nomination(), [ 'Alice', 0 ] ),
	page( 'bob-2026/Endorsements/Carol', endorsement( 'Yes' ), [ 'Carol', 1 ] ),
	page( 'bob-2026/Endorsements/Dave', endorsement(), [ 'Dave', 2 ] ),
];

describe( 'assembleNominations: who did what comes from the history', () => {
	it( 'takes the nominator from the first revision, not from the text', () => {
		const [ n ] = assemble( [
			page( 'bob-2026', nomination( { nominator: 'Alice' } ), [ 'Mallory', 0 ] ),
			page( 'bob-2026/Endorsements/Mallory', endorsement(), [ 'Mallory', 1 ] ),
			page( 'bob-2026/Endorsements/Alice', endorsement(), [ 'Alice', 2 ] ),
		] ).nominations;
		expect( n.record.nominator ).toBe( 'Mallory' );
		// Mallory's own endorsement is a nominator's; Alice's counts.
		expect( n.endorsements.map( ( e ) => e.user ) ).toEqual( [ 'Alice' ] );
		expect( n.rejected ).toEqual( [ { title: `${ FOLDER }/bob-2026/Endorsements/Mallory`, reason: 'self' } ] );
		// A later edit of the text does not change who nominated.
		const [ edited ] = assemble( [ page( 'bob-2026', nomination( { nominator: 'Mallory' } ), [ 'Alice', 0 ], [ 'Mallory', 5 ] ) ] ).nominations;
		expect( edited.record.nominator ).toBe( 'Alice' );
	} );

	it( 'keeps counting an endorsement someone else edited, and lists the edit as tampering', () => {
		const [ n ] = assemble( [
			ENDORSED[ 0 ],
			page( 'bob-2026/Endorsements/Carol', 'blanked', [ 'Carol', 1 ], [ 'Mallory', 3 ] ),
			ENDORSED[ 2 ],
		] ).nominations;
		expect( n.endorsements.map( ( e ) => [ e.user, e.comment ] ).sort() ).toEqual( [ [ 'Carol', '' ], [ 'Dave', '' ] ] );
		expect( n.status ).toBe( 'ready' );
		expect( n.rejected ).toEqual( [ { title: `${ FOLDER }/bob-2026/Endorsements/Carol`, reason: 'tampered' } ] );
	} );

	it( 'does not count a forged endorsement that the named account never edited, and counts it once that account does', () => {
		const forged = page( 'bob-2026/Endorsements/Carol', endorsement(), [ 'Mallory', 1 ] );
		expect( assemble( [ ENDORSED[ 0 ], forged ] ).nominations[ 0 ].rejected ).toEqual( [ { title: forged.title, reason: 'not-author' } ] );
		const taken = page( 'bob-2026/Endorsements/Carol', endorsement(), [ 'Mallory', 1 ], [ 'Carol', 2 ] );
		const [ n ] = assemble( [ ENDORSED[ 0 ], taken ] ).nominations;
		expect( n.endorsements.map( ( e ) => e.user ) ).toEqual( [ 'Carol' ] );
		expect( n.rejected ).toEqual( [] );
	} );

	it( 'keeps a celebration and a decline that someone else edited', () => {
		const [ celebrated ] = assemble( [ ...ENDORSED, page( 'bob-2026/Celebration', '{}', [ 'Coord', 5 ], [ 'Mallory', 6 ] ) ] ).nominations;
		expect( celebrated.status ).toBe( 'celebrated' );
		expect( celebrated.celebration ).toEqual( { by: 'Coord', time: '2026-11-02T00:05:00Z' } );
		expect( celebrated.rejected ).toEqual( [ { title: `${ FOLDER }/bob-2026/Celebration`, reason: 'tampered' } ] );
		const [ declined ] = assemble( [ ...ENDORSED, page( 'bob-2026/Decline', mark( 'decline' ), [ 'Bob', 5 ], [ 'Carol', 6 ] ) ] ).nominations;
		expect( declined.status ).toBe( 'declined' );
		expect( declined.declined?.by ).toBe( 'Bob' );
		// Nor does an ordinary account's edit make a celebration.
		const [ forged ] = assemble( [ ...ENDORSED, page( 'bob-2026/Celebration', mark( 'celebration' ), [ 'Coord', 5 ], [ 'Mallory', 6 ] ) ] ).nominations;
		expect( forged.celebration?.by ).toBe( 'Coord' );
	} );

	it( 'counts a celebration only if saved once the nomination was ready', () => {
		const early = page( 'bob-2026/Celebration', mark( 'celebration' ), [ 'Coord', 1 ] );
		const [ n ] = assemble( [ ...ENDORSED, early ] ).nominations;
		expect( n.celebration ).toBeUndefined();
		expect( n.status ).toBe( 'ready' );
		expect( n.rejected ).toEqual( [ { title: early.title, reason: 'not-ready' } ] );
		const [ later ] = assemble( [ ...ENDORSED, page( 'bob-2026/Celebration', mark( 'celebration' ), [ 'Coord', 2 ] ) ] ).nominations;
		expect( later.status ).toBe( 'celebrated' );
	} );

	it( 'never makes a nomination of a missing account ready or celebrated', () => {
		const [ n ] = assemble( [ ...ENDORSED, page( 'bob-2026/Celebration', mark( 'celebration' ), [ 'Coord', 5 ] ) ], [ 'Bob' ] ).nominations;
		expect( n.status ).toBe( 'open' );
		expect( n.celebration ).toBeUndefined();
		expect( n.rejected ).toEqual( expect.arrayContaining( [
			{ title: `${ FOLDER }/bob-2026`, reason: 'invalid-nominee' },
			{ title: `${ FOLDER }/bob-2026/Celebration`, reason: 'invalid-nominee' },
		] ) );
	} );

	it( 'names every author of celebrations and declines to check', () => {
		expect( accountsToCheck( FOLDER, [ page( 'bob-2026/Celebration', mark( 'celebration' ), [ 'Mallory', 1 ], [ 'Coord', 2 ] ) ] ).sort() )
			.toEqual( [ 'Coord', 'Mallory' ] );
	} );
} );

describe( 'assembleNominations: endorsements are bound to the text they saw', () => {
	const endorsedText = nomination();
	const rewritten = nomination( { nominee: { kind: 'user', user: 'Mallory' } } );

	/** The nomination, and two endorsements saved between its two revisions */
	function changedNomination( withEndorsedText: boolean ): HeroPage[] {
		const main = page( 'bob-2026', rewritten, [ 'Alice', 0 ], [ 'Mallory', 9 ] );
		const first = main.history?.[ 0 ].revid ?? 0;
		const carol = { ...ENDORSED[ 1 ], history: [ { user: 'Carol', revid: first + 0.25, timestamp: '2026-11-02T00:01:00Z' } ] };
		const dave = { ...ENDORSED[ 2 ], history: [ { user: 'Dave', revid: first + 0.5, timestamp: '2026-11-02T00:02:00Z' } ] };
		return [ withEndorsedText ? { ...main, endorsed: { revid: first, content: JSON.stringify( endorsedText ) } } : main, carol, dave ];
	}

	it( 'shows a nomination changed after its first endorsement as changed, with the endorsed nominee', () => {
		const pages = changedNomination( true );
		const main = pages[ 0 ];
		const [ n ] = assemble( [ ...pages, page( 'bob-2026/Celebration', mark( 'celebration' ), [ 'Coord', 30 ] ) ] ).nominations;
		expect( n.changed ).toEqual( { revid: main.history?.[ 0 ].revid, latest: main.revid } );
		expect( n.record.nominee ).toEqual( { kind: 'user', user: 'Bob' } );
		expect( n.status ).toBe( 'celebrated' );
	} );

	it( 'gives the later text none of the endorsements when the endorsed text is unknown', () => {
		const [ n ] = assemble( changedNomination( false ) ).nominations;
		expect( n.changed ).toBeDefined();
		expect( n.endorsements ).toEqual( [] );
		expect( n.status ).toBe( 'open' );
		expect( n.rejected.map( ( r ) => r.reason ) ).toEqual( [ 'changed', 'changed' ] );
	} );

	it( 'lets the nominator change the text before the first endorsement', () => {
		const [ n ] = assemble( [ page( 'bob-2026', endorsedText, [ 'Alice', 0 ], [ 'Alice', 1 ] ) ] ).nominations;
		expect( n.changed ).toBeUndefined();
	} );
} );
