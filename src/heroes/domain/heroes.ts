/**
 * Community heroes: nominations of people, user groups and emerging communities, their
 * endorsements, celebration and decline, as stored on wiki pages (see
 * ./schema/nominationSchema.ts for the pages and their schemas), and how the pages
 * under …/Heroes/ are put together into nominations people can trust.
 *
 * Over 400 lines, and kept whole for now: the trust rules below are one rule applied to
 * four kinds of page, and assembleNominations reads best beside them. The page parsers
 * (./nominationPages.ts) and user names (../../shared/wiki/userNames.ts) are already
 * apart; the history helpers (historyOf, actingRevision, endorsedRevisions) are the next
 * to move out.
 *
 * Trust: every page is untrusted. Who nominated, endorsed, celebrated or declined is taken
 * from the wiki's history of the pages, never from their text:
 * - the nominator is the author of the nomination page's first revision (a `nominator`
 *   in the text that names someone else is replaced by that author);
 * - a page acts for the author of its earliest revision made by an account that may act
 *   through it; revisions by anyone else, before (a forgery) or after (an edit of someone
 *   else's page), neither make nor void it, and later ones are listed as 'tampered';
 * - an endorsement counts when that author is the account its title names, and that
 *   account is neither the nominee nor the nominator;
 * - a celebration counts when that author had a celebrating right or group (as the
 *   wiki reports them now), its revision was saved once the nomination was ready (the
 *   revision of the endorsement that made it ready), and a user nominee exists;
 * - a decline counts when that author is the nominee (a user), or someone who may
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

/** One revision of a page: who made it, and when. */
export interface Revision {
	user: string;
	revid: number;
	timestamp: string;
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
	/**
	 * Every revision of the page, oldest first, as the wiki reports them (a revision whose
	 * author is unknown has user ''). Absent: the latest revision is the only one.
	 */
	history?: Revision[];
	/**
	 * For a nomination changed after its first endorsement: the text of the revision that
	 * endorsement acted on (see endorsedRevisions)
	 */
	endorsed?: { revid: number; content: string };
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
	/** When the wiki saved the endorsing account's revision of the page (assembled ones) */
	saved?: string;
}

export type NominationStatus = 'open' | 'ready' | 'celebrated' | 'declined';

/** Why a page under a nomination was not counted. */
export type RejectReason = 'invalid' | 'not-author' | 'self' | 'not-allowed' | 'not-ready' | 'unknown-page' | 'duplicate' |
	/** Counted, but edited afterwards by another account (the edit changes nothing) */
	'tampered' |
	/** Made on a nomination whose text changed since, and whose endorsed text is unknown */
	'changed' |
	/** A user nominee whose account the wiki does not know */
	'invalid-nominee';

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
	/**
	 * The nomination page changed after its first endorsement: `record` is the revision that
	 * was endorsed (`revid`), not the latest (`latest`)
	 */
	changed?: { revid: number; latest: number };
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
 * @param accounts What the wiki says about the authors of celebration and decline
 *  pages, by canonical user name
 * @param policy Who may celebrate
 * @param threshold Endorsements needed before a nomination is ready
 * @param missing User nominees (canonical names) whose accounts the wiki does not know
 * @return Nominations (newest first) and pages that are not valid nominations
 */
export function assembleNominations(
	folder: string,
	pages: HeroPage[],
	accounts: ReadonlyMap<string, AccountInfo>,
	policy: CelebratePolicy,
	threshold: number,
	missing: ReadonlySet<string> = new Set(),
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
		nominations.push( assembleOne( id, page, parsed.record, own, accounts, policy, threshold, missing ) );
	}
	nominations.sort( ( a, b ) => b.record.created.localeCompare( a.record.created ) );
	return { nominations, invalid };
}

/**
 * @param page A page as read
 * @return Its revisions, oldest first
 */
export function historyOf( page: HeroPage ): Revision[] {
	return page.history && page.history.length ? page.history :
		[ { user: page.user, revid: page.revid, timestamp: page.timestamp } ];
}

/**
 * Who acted through a page: the earliest revision made by an account that may act
 * through it. Revisions by others before it (a forgery it took over) or after it (an
 * edit of someone else's page) change nothing; the ones after it are tampering.
 *
 * @param page A page as read
 * @param may Whether an account (canonical name) may act through the page
 * @return The acting revision with its author's canonical name, and whether anyone else
 *  edited the page after it; null when no account that may act made a revision
 */
function actingRevision( page: HeroPage, may: ( name: string ) => boolean ):
{ by: string; revision: Revision; tampered: boolean } | null {
	const history = historyOf( page );
	const index = history.findIndex( ( r ) => !!r.user && may( canonicalUserName( r.user ) ) );
	if ( index === -1 ) {
		return null;
	}
	const by = canonicalUserName( history[ index ].user );
	const tampered = history.slice( index + 1 ).some( ( r ) => !r.user || canonicalUserName( r.user ) !== by );
	return { by, revision: history[ index ], tampered };
}

/**
 * @param page A nomination page
 * @param subpages The pages under it
 * @return The revision of the page its first endorsement acted on (the latest one saved
 *  before it), when the page changed after it; null when it did not
 */
function endorsedRevision( page: HeroPage, subpages: { rest: string; page: HeroPage }[] ): number | null {
	const history = historyOf( page );
	if ( history.length < 2 ) {
		return null;
	}
	const prefix = `${ ENDORSEMENTS_FOLDER }/`;
	let firstEndorsement = Infinity;
	for ( const { rest, page: sub } of subpages ) {
		if ( rest.startsWith( prefix ) && !rest.slice( prefix.length ).includes( '/' ) ) {
			const named = canonicalUserName( rest.slice( prefix.length ) );
			const acting = actingRevision( sub, ( name ) => name === named );
			if ( acting ) {
				firstEndorsement = Math.min( firstEndorsement, acting.revision.revid );
			}
		}
	}
	// Revision ids grow with every save on the wiki: they order saves across pages.
	const before = history.filter( ( r ) => r.revid < firstEndorsement );
	const seen = before[ before.length - 1 ];
	return seen && seen.revid !== page.revid ? seen.revid : null;
}

/**
 * @param folder Title of the heroes folder
 * @param pages Every page under it, with their histories
 * @return Revisions of nominations changed after their first endorsement whose text must
 *  be read (the endorsed ones), by revision id: the nomination page
 */
export function endorsedRevisions( folder: string, pages: HeroPage[] ): Map<number, HeroPage> {
	const prefix = `${ folder }/`;
	const mains = new Map<string, HeroPage>();
	const subpages = new Map<string, { rest: string; page: HeroPage }[]>();
	for ( const page of pages ) {
		const rest = page.title.startsWith( prefix ) ? page.title.slice( prefix.length ) : '';
		const slash = rest.indexOf( '/' );
		if ( rest && slash === -1 ) {
			mains.set( rest, page );
		} else if ( slash > 0 ) {
			const id = rest.slice( 0, slash );
			const list = subpages.get( id ) ?? [];
			list.push( { rest: rest.slice( slash + 1 ), page } );
			subpages.set( id, list );
		}
	}
	const out = new Map<number, HeroPage>();
	for ( const [ id, page ] of mains ) {
		const revid = endorsedRevision( page, subpages.get( id ) ?? [] );
		if ( revid !== null ) {
			out.set( revid, page );
		}
	}
	return out;
}

function assembleOne(
	id: string,
	page: HeroPage,
	text: NominationRecord,
	subpages: { rest: string; page: HeroPage }[],
	accounts: ReadonlyMap<string, AccountInfo>,
	policy: CelebratePolicy,
	threshold: number,
	missing: ReadonlySet<string>,
): Nomination {
	// The nominator is whoever made the page's first revision, whatever its text says.
	const first = historyOf( page )[ 0 ];
	const nominator = first.user ? canonicalUserName( first.user ) : '';
	// Changed after its first endorsement: what was endorsed stands, not the later text.
	const endorsedRev = endorsedRevision( page, subpages );
	let endorsedText: NominationRecord | null = text;
	if ( endorsedRev !== null ) {
		const endorsed = page.endorsed && page.endorsed.revid === endorsedRev ? page.endorsed.content : null;
		const parsed = endorsed === null ? null : parseNomination( endorsed );
		endorsedText = parsed && parsed.ok ? parsed.record : null;
	}
	const shown = endorsedText ?? text;
	const record = canonicalUserName( shown.nominator ) === nominator ? shown : { ...shown, nominator };
	const nominee = record.nominee.kind === 'user' ? canonicalUserName( record.nominee.user ?? '' ) : null;
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
	if ( endorsedRev !== null ) {
		result.changed = { revid: endorsedRev, latest: page.revid };
	}
	const reject = ( title: string, reason: RejectReason ): void => {
		result.rejected.push( { title, reason } );
	};
	const endorsementPrefix = `${ ENDORSEMENTS_FOLDER }/`;
	let celebration: HeroPage | undefined;
	let decline: HeroPage | undefined;
	for ( const { rest, page: sub } of subpages ) {
		if ( rest.startsWith( endorsementPrefix ) && !rest.slice( endorsementPrefix.length ).includes( '/' ) ) {
			const named = canonicalUserName( rest.slice( endorsementPrefix.length ) );
			const parsed = parseEndorsement( sub.content );
			const acting = actingRevision( sub, ( name ) => name === named );
			if ( !acting ) {
				reject( sub.title, parsed ? 'not-author' : 'invalid' );
			} else if ( !parsed && !acting.tampered ) {
				reject( sub.title, 'invalid' );
			} else if ( named === nominee || named === nominator ) {
				reject( sub.title, 'self' );
			} else {
				// After someone else's edit the text is theirs: only the wiki's record stands.
				const { comment, time } = parsed && !acting.tampered ? parsed :
					{ comment: '', time: acting.revision.timestamp };
				const saved = acting.revision.timestamp;
				result.endorsements.push( { user: named, comment, time, title: sub.title, saved } );
				if ( acting.tampered ) {
					reject( sub.title, 'tampered' );
				}
			}
		} else if ( rest === CELEBRATION_PAGE ) {
			celebration = sub;
		} else if ( rest === DECLINE_PAGE ) {
			decline = sub;
		} else {
			reject( sub.title, 'unknown-page' );
		}
	}
	if ( !endorsedText ) {
		// The endorsed text is unknown: the later text inherits none of the endorsements.
		for ( const e of result.endorsements ) {
			reject( e.title, 'changed' );
		}
		result.endorsements = [];
	}
	result.endorsements.sort( ( a, b ) => a.time < b.time ? -1 : a.time > b.time ? 1 : 0 );
	// One endorsement per account: subpage titles differ by the case of their first
	// letter ("Endorsements/carol" is not "Endorsements/Carol"), so an account can make
	// two pages that both name it. The earliest counts.
	const seen = new Set<string>();
	result.endorsements = result.endorsements.filter( ( e ) => {
		if ( seen.has( e.user ) ) {
			reject( e.title, 'duplicate' );
			return false;
		}
		seen.add( e.user );
		return true;
	} );
	// Ready from the moment the wiki saved the endorsement that made it so.
	const saved = result.endorsements.map( ( e ) => e.saved ?? '' ).sort();
	const readyAt = saved.length >= threshold ? saved[ Math.max( threshold, 1 ) - 1 ] ?? '' : null;
	// A user nominee the wiki does not know is never ready, nor celebrated.
	const nomineeExists = nominee === null || !missing.has( nominee );
	if ( !nomineeExists ) {
		reject( page.title, 'invalid-nominee' );
	}
	result.status = readyAt !== null && nomineeExists ? 'ready' : 'open';
	const celebrator = ( name: string ): boolean => mayCelebrate( accounts.get( name ), policy );
	if ( decline ) {
		const mark = parseMark( decline.content, 'decline' );
		const acting = actingRevision( decline, ( name ) => name === nominee || celebrator( name ) );
		if ( !acting ) {
			reject( decline.title, mark ? 'not-allowed' : 'invalid' );
		} else if ( !mark && !acting.tampered ) {
			reject( decline.title, 'invalid' );
		} else {
			const time = mark && !acting.tampered ? mark.time : acting.revision.timestamp;
			result.declined = { by: acting.by, time };
			result.status = 'declined';
			if ( acting.tampered ) {
				reject( decline.title, 'tampered' );
			}
		}
	}
	if ( celebration ) {
		const mark = parseMark( celebration.content, 'celebration' );
		const acting = actingRevision( celebration, celebrator );
		if ( !acting ) {
			reject( celebration.title, mark ? 'not-allowed' : 'invalid' );
		} else if ( !mark && !acting.tampered ) {
			reject( celebration.title, 'invalid' );
		} else if ( readyAt === null || acting.revision.timestamp < readyAt ) {
			reject( celebration.title, 'not-ready' );
		} else if ( !nomineeExists ) {
			reject( celebration.title, 'invalid-nominee' );
		} else {
			const time = mark && !acting.tampered ? mark.time : acting.revision.timestamp;
			result.celebration = { by: acting.by, time };
			if ( result.status !== 'declined' ) {
				result.status = 'celebrated';
			}
			if ( acting.tampered ) {
				reject( celebration.title, 'tampered' );
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
 * Authors of the pages whose authority must be checked against the wiki's
 * rights and groups (celebrations and declines).
 *
 * @param folder Title of the heroes folder
 * @param pages Every page under it
 * @return Canonical user names
 */
export function accountsToCheck( folder: string, pages: HeroPage[] ): string[] {
	const names = new Set<string>();
	for ( const page of pages ) {
		if ( page.title.startsWith( `${ folder }/` ) &&
			( page.title.endsWith( `/${ CELEBRATION_PAGE }` ) || page.title.endsWith( `/${ DECLINE_PAGE }` ) )
		) {
			for ( const revision of historyOf( page ) ) {
				if ( revision.user ) {
					names.add( canonicalUserName( revision.user ) );
				}
			}
		}
	}
	return [ ...names ];
}
