/**
 * Community heroes: nominations of people, user groups and emerging communities, their
 * endorsements, celebration and decline, as stored on wiki pages (see
 * ./schema/nominationSchema.ts for the pages and their schemas), and how the pages
 * under …/Heroes/ are put together into nominations people can trust.
 *
 * Trust: every page is untrusted. Who endorsed, celebrated or declined is taken from
 * the wiki (the account that last edited the page), never from the page's text:
 * - an endorsement counts when its last editor is the account its title names, and that
 *   account is neither the nominee nor the nominator;
 * - a celebration counts when its last editor had a celebrating right or group (as the
 *   wiki reports them now) and the nomination was ready;
 * - a decline counts when its last editor is the nominee (a user), or someone who may
 *   celebrate (on behalf of a group or community).
 * - an account's endorsement counts once, however many pages name it.
 * Pages that fail these checks are kept aside with the reason, never counted.
 */
import { FromSchema } from 'json-schema-to-ts';
import {
	CELEBRATION_SCHEMA,
	DECLINE_SCHEMA,
	ENDORSEMENT_SCHEMA,
	HERO_CATEGORIES,
	NOMINATION_SCHEMA,
	NOMINEE_KINDS,
} from '../../shared/schema/constants';
import {
	ENDORSEMENT_JSON_SCHEMA,
	NOMINATION_JSON_SCHEMA,
} from './nominationSchema';
import type { ValidationError } from '../../shared/schema/validate';
import { canonicalUserName } from '../../shared/wiki/userNames';
import { parseEndorsement, parseMark, parseNomination } from './nominationPages';

export { canonicalUserName, DEFAULT_FIRST_LETTER_RULES } from '../../shared/wiki/userNames';
export type { FirstLetterRules } from '../../shared/wiki/userNames';
export {
	normaliseNomination,
	parseEndorsement,
	parseMark,
	parseNomination,
	serializeNomination,
	validateNomination,
} from './nominationPages';

export {
	CELEBRATION_SCHEMA,
	DECLINE_SCHEMA,
	ENDORSEMENT_SCHEMA,
	HERO_CATEGORIES,
	NOMINATION_SCHEMA,
	NOMINEE_KINDS,
	NOMINATION_JSON_SCHEMA,
};

export type HeroCategory = typeof HERO_CATEGORIES[ number ];
export type NomineeKind = typeof NOMINEE_KINDS[ number ];
/** A normalised nomination page: lists present (maybe empty). */
export type NominationRecord = FromSchema<typeof NOMINATION_JSON_SCHEMA>;
export type Nominee = NominationRecord[ 'nominee' ];
export type EndorsementRecord = FromSchema<typeof ENDORSEMENT_JSON_SCHEMA>;

/** Folder under the records root that holds nominations. */
export const HEROES_FOLDER = 'Heroes';
/** Subpage folder of a nomination holding one page per endorsing account. */
export const ENDORSEMENTS_FOLDER = 'Endorsements';
/** Subpage of a nomination that marks it celebrated. */
export const CELEBRATION_PAGE = 'Celebration';
/** Subpage of a nomination that records the nominee declining. */
export const DECLINE_PAGE = 'Decline';

/** Who may celebrate: anyone with one of these rights or in one of these groups. */
export interface CelebratePolicy {
	rights: string[];
	groups: string[];
}

export const DEFAULT_CELEBRATE_POLICY: CelebratePolicy = {
	rights: [ 'partnerships-celebrate' ],
	groups: [ 'sysop', 'partnership-coordinator' ],
};

/** Endorsements after which a nomination is ready to celebrate, unless configured. */
export const DEFAULT_THRESHOLD = 2;

export type NominationParse =
	{ ok: true; record: NominationRecord } |
	{ ok: false; detail: string; errors: ValidationError[] };

/**
 * A key that is the same for two nominations of the same nominee, for duplicate
 * detection.
 *
 * @param nominee The nominee
 * @return e.g. "user:Alice", "group:Q123", "group:wikimedians of x", "community:dag|002"
 */
export function nomineeKey( nominee: Nominee ): string {
	switch ( nominee.kind ) {
		case 'user':
			return `user:${ canonicalUserName( nominee.user ?? '' ) }`;
		case 'group':
			return nominee.wikidata ? `group:${ nominee.wikidata }` :
				`group:${ ( nominee.name ?? '' ).trim().replace( /\s+/g, ' ' ).toLowerCase() }`;
		default:
			return `community:${ ( nominee.language ?? '' ).toLowerCase() }|${ nominee.region ?? '' }`;
	}
}

/** A page under …/Heroes/, as read from the wiki (its latest revision). */
export interface HeroPage {
	/** Full title, e.g. "Project:Partnerships/Heroes/alice-2026/Endorsements/Bob" */
	title: string;
	/** Page content (untrusted) */
	content: string;
	/** The account that made the latest revision ('' when hidden) */
	user: string;
	revid: number;
	/** Timestamp of the latest revision */
	timestamp: string;
}

/** What the wiki says about an account now. */
export interface AccountInfo {
	groups: string[];
	rights: string[];
}

export interface Endorsement {
	user: string;
	comment: string;
	time: string;
	/** Title of the endorsement's page */
	title: string;
}

export type NominationStatus = 'open' | 'ready' | 'celebrated' | 'declined';

/** Why a page under a nomination was not counted. */
export type RejectReason = 'invalid' | 'not-author' | 'self' | 'not-allowed' | 'not-ready' | 'unknown-page' | 'duplicate';

export interface Nomination {
	/** The last part of the nomination's title */
	id: string;
	title: string;
	record: NominationRecord;
	revid: number;
	/** Checked endorsements, oldest first */
	endorsements: Endorsement[];
	celebration?: { by: string; time: string };
	declined?: { by: string; time: string };
	status: NominationStatus;
	/** The nominator nominated themselves (a user nominee) */
	self: boolean;
	/** Pages under the nomination that were not counted, and why */
	rejected: { title: string; reason: RejectReason }[];
}

export interface InvalidNomination {
	id: string;
	title: string;
	detail: string;
}

export interface HeroesResult {
	nominations: Nomination[];
	invalid: InvalidNomination[];
}

/**
 * @param account What the wiki says about an account, when known
 * @param policy Who may celebrate
 * @return Whether the account may celebrate
 */
export function mayCelebrate( account: AccountInfo | undefined, policy: CelebratePolicy ): boolean {
	return !!account && (
		account.rights.some( ( r ) => policy.rights.includes( r ) ) ||
		account.groups.some( ( g ) => policy.groups.includes( g ) )
	);
}

/**
 * Put nominations together from the pages under the heroes folder, checking who wrote
 * each endorsement, celebration and decline (see the top of this file).
 *
 * @param folder Title of the heroes folder, e.g. "Project:Partnerships/Heroes"
 * @param pages Every page under it (their latest revisions)
 * @param accounts What the wiki says about the last editors of celebration and decline
 *  pages, by canonical user name
 * @param policy Who may celebrate
 * @param threshold Endorsements needed before a nomination is ready
 * @return Nominations (newest first) and pages that are not valid nominations
 */
export function assembleNominations(
	folder: string,
	pages: HeroPage[],
	accounts: ReadonlyMap<string, AccountInfo>,
	policy: CelebratePolicy,
	threshold: number,
): HeroesResult {
	const prefix = `${ folder }/`;
	const mains = new Map<string, HeroPage>();
	const subpages = new Map<string, { rest: string; page: HeroPage }[]>();
	for ( const page of pages ) {
		if ( !page.title.startsWith( prefix ) ) {
			continue;
		}
		const rest = page.title.slice( prefix.length );
		const slash = rest.indexOf( '/' );
		if ( slash === -1 ) {
			mains.set( rest, page );
		} else {
			const id = rest.slice( 0, slash );
			const list = subpages.get( id ) ?? [];
			list.push( { rest: rest.slice( slash + 1 ), page } );
			subpages.set( id, list );
		}
	}
	const nominations: Nomination[] = [];
	const invalid: InvalidNomination[] = [];
	for ( const [ id, page ] of mains ) {
		const parsed = parseNomination( page.content );
		if ( !parsed.ok ) {
			invalid.push( { id, title: page.title, detail: parsed.detail } );
			continue;
		}
		const own = subpages.get( id ) ?? [];
		nominations.push( assembleOne( id, page, parsed.record, own, accounts, policy, threshold ) );
	}
	nominations.sort( ( a, b ) => b.record.created.localeCompare( a.record.created ) );
	return { nominations, invalid };
}

function assembleOne(
	id: string,
	page: HeroPage,
	record: NominationRecord,
	subpages: { rest: string; page: HeroPage }[],
	accounts: ReadonlyMap<string, AccountInfo>,
	policy: CelebratePolicy,
	threshold: number,
): Nomination {
	const nominee = record.nominee.kind === 'user' ? canonicalUserName( record.nominee.user ?? '' ) : null;
	const nominator = canonicalUserName( record.nominator );
	const result: Nomination = {
		id,
		title: page.title,
		record,
		revid: page.revid,
		endorsements: [],
		status: 'open',
		self: nominee !== null && nominee === nominator,
		rejected: [],
	};
	const endorsementPrefix = `${ ENDORSEMENTS_FOLDER }/`;
	let celebration: HeroPage | undefined;
	let decline: HeroPage | undefined;
	for ( const { rest, page: sub } of subpages ) {
		const editor = canonicalUserName( sub.user );
		if ( rest.startsWith( endorsementPrefix ) && !rest.slice( endorsementPrefix.length ).includes( '/' ) ) {
			const named = canonicalUserName( rest.slice( endorsementPrefix.length ) );
			const parsed = parseEndorsement( sub.content );
			if ( !parsed ) {
				result.rejected.push( { title: sub.title, reason: 'invalid' } );
			} else if ( !sub.user || editor !== named ) {
				result.rejected.push( { title: sub.title, reason: 'not-author' } );
			} else if ( named === nominee || named === nominator ) {
				result.rejected.push( { title: sub.title, reason: 'self' } );
			} else {
				const { comment, time } = parsed;
				result.endorsements.push( { user: named, comment, time, title: sub.title } );
			}
		} else if ( rest === CELEBRATION_PAGE ) {
			celebration = sub;
		} else if ( rest === DECLINE_PAGE ) {
			decline = sub;
		} else {
			result.rejected.push( { title: sub.title, reason: 'unknown-page' } );
		}
	}
	result.endorsements.sort( ( a, b ) => a.time < b.time ? -1 : a.time > b.time ? 1 : 0 );
	// One endorsement per account: subpage titles differ by the case of their first
	// letter ("Endorsements/carol" is not "Endorsements/Carol"), so an account can make
	// two pages that both name it. The earliest counts.
	const seen = new Set<string>();
	result.endorsements = result.endorsements.filter( ( e ) => {
		if ( seen.has( e.user ) ) {
			result.rejected.push( { title: e.title, reason: 'duplicate' } );
			return false;
		}
		seen.add( e.user );
		return true;
	} );
	const ready = result.endorsements.length >= threshold;
	result.status = ready ? 'ready' : 'open';
	if ( decline ) {
		const mark = parseMark( decline.content, 'decline' );
		const editor = canonicalUserName( decline.user );
		const allowed = decline.user && ( editor === nominee || mayCelebrate( accounts.get( editor ), policy ) );
		if ( !mark ) {
			result.rejected.push( { title: decline.title, reason: 'invalid' } );
		} else if ( !allowed ) {
			result.rejected.push( { title: decline.title, reason: 'not-allowed' } );
		} else {
			result.declined = { by: editor, time: mark.time };
			result.status = 'declined';
		}
	}
	if ( celebration ) {
		const mark = parseMark( celebration.content, 'celebration' );
		const editor = canonicalUserName( celebration.user );
		if ( !mark ) {
			result.rejected.push( { title: celebration.title, reason: 'invalid' } );
		} else if ( !celebration.user || !mayCelebrate( accounts.get( editor ), policy ) ) {
			result.rejected.push( { title: celebration.title, reason: 'not-allowed' } );
		} else if ( !ready ) {
			result.rejected.push( { title: celebration.title, reason: 'not-ready' } );
		} else {
			result.celebration = { by: editor, time: mark.time };
			if ( result.status !== 'declined' ) {
				result.status = 'celebrated';
			}
		}
	}
	return result;
}

/**
 * @param nominations Nominations as assembled
 * @return Those any public list may show: everything but declined ones
 */
export function publicNominations( nominations: Nomination[] ): Nomination[] {
	return nominations.filter( ( n ) => n.status !== 'declined' );
}

/**
 * @param nominations Nominations as assembled
 * @param nominee A nominee
 * @return An open or ready nomination of the same nominee, if there is one
 */
export function openNominationOf( nominations: Nomination[], nominee: Nominee ): Nomination | undefined {
	const key = nomineeKey( nominee );
	return nominations.find( ( n ) => ( n.status === 'open' || n.status === 'ready' ) &&
		nomineeKey( n.record.nominee ) === key );
}

/**
 * Last editors of the pages whose authority must be checked against the wiki's
 * rights and groups (celebrations and declines).
 *
 * @param folder Title of the heroes folder
 * @param pages Every page under it
 * @return Canonical user names
 */
export function accountsToCheck( folder: string, pages: HeroPage[] ): string[] {
	const names = new Set<string>();
	for ( const page of pages ) {
		if ( page.user && page.title.startsWith( `${ folder }/` ) &&
			( page.title.endsWith( `/${ CELEBRATION_PAGE }` ) || page.title.endsWith( `/${ DECLINE_PAGE }` ) )
		) {
			names.add( canonicalUserName( page.user ) );
		}
	}
	return [ ...names ];
}
