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
	TITLE_SEGMENT_PATTERN,
} from '../../shared/schema/constants';
import {
	CELEBRATION_JSON_SCHEMA,
	DECLINE_JSON_SCHEMA,
	ENDORSEMENT_JSON_SCHEMA,
	NOMINATION_JSON_SCHEMA,
} from './nominationSchema';
import { ValidationError, applyDefaults, isJsonObject, validateAgainst } from '../../shared/schema/validate';
import { describeError, readJsonText } from '../../shared/schema/jsonText';
import { isTitleSegment } from '../../shared/schema/titles';

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

function describe( errors: ValidationError[] ): string {
	return errors.slice( 0, 3 ).map( ( e ) => `${ e.path || '/' }: ${ e.code }` ).join( '; ' );
}

/**
 * Page text as a JSON object, through the shared bounded reader (see
 * shared/schema/jsonText.ts): a hostile page is "invalid, with the reason", never an
 * exception.
 *
 * @param text Page content (untrusted)
 * @return The object, or why there is none
 */
function parseJson( text: string ): { ok: true; data: Record<string, unknown> } | { ok: false; detail: string } {
	const read = readJsonText( text );
	if ( !read.ok ) {
		return { ok: false, detail: read.problem === 'not-json' ? read.detail : `${ read.problem }: ${ read.detail }` };
	}
	return isJsonObject( read.data ) ? { ok: true, data: read.data } : { ok: false, detail: 'not an object' };
}

/**
 * Rules a schema cannot say: which nominee fields each kind needs and allows.
 *
 * @param nominee A nominee valid against the schema
 * @return Problems found
 */
function nomineeErrors( nominee: Record<string, unknown> ): ValidationError[] {
	const need: Record<NomineeKind, string[]> = {
		user: [ 'user' ],
		group: [ 'name' ],
		community: [ 'language', 'region' ],
	};
	const allow: Record<NomineeKind, string[]> = {
		user: [ 'kind', 'user' ],
		group: [ 'kind', 'name', 'wikidata' ],
		community: [ 'kind', 'language', 'region', 'name' ],
	};
	const kind = nominee.kind as NomineeKind;
	const errors: ValidationError[] = [];
	for ( const key of need[ kind ] ) {
		if ( nominee[ key ] === undefined ) {
			errors.push( { path: `nominee/${ key }`, code: 'required' } );
		}
	}
	for ( const key of Object.keys( nominee ) ) {
		if ( !allow[ kind ].includes( key ) ) {
			errors.push( { path: `nominee/${ key }`, code: 'additionalProperties' } );
		}
	}
	return errors;
}

/**
 * @param data A parsed document (untrusted)
 * @return Problems found; empty when it is a valid nomination
 */
export function validateNomination( data: unknown ): ValidationError[] {
	const errors = validateAgainst( NOMINATION_JSON_SCHEMA, data );
	if ( !errors.length && isJsonObject( data ) && isJsonObject( data.nominee ) ) {
		errors.push( ...nomineeErrors( data.nominee ) );
	}
	if ( !errors.length && isJsonObject( data ) && Array.isArray( data.partnerships ) ) {
		// Related partnerships become links to <root>/Records/<id>: each must be a page
		// name that stays in that folder ("../../Special:UserLogout" does not).
		data.partnerships.forEach( ( id, i ) => {
			if ( typeof id === 'string' && !isTitleSegment( id ) ) {
				errors.push( { path: `partnerships/${ i }`, code: 'pattern', params: { pattern: TITLE_SEGMENT_PATTERN } } );
			}
		} );
	}
	return errors;
}

/**
 * @param data A nomination, possibly with lists left out
 * @return A complete copy, keys in schema order
 */
export function normaliseNomination( data: unknown ): NominationRecord {
	return applyDefaults( NOMINATION_JSON_SCHEMA, data ) as NominationRecord;
}

/**
 * @param record A nomination
 * @return Page text: tabs, keys in schema order
 */
export function serializeNomination( record: NominationRecord ): string {
	return JSON.stringify( normaliseNomination( record ), null, '\t' );
}

/**
 * Read a nomination page. Never throws.
 *
 * @param text Page content (untrusted)
 * @return The nomination, or why it is not one
 */
export function parseNomination( text: string ): NominationParse {
	try {
		const json = parseJson( text );
		if ( !json.ok ) {
			return { ok: false, detail: json.detail, errors: [] };
		}
		const errors = validateNomination( json.data );
		return errors.length ?
			{ ok: false, detail: describe( errors ), errors } :
			{ ok: true, record: normaliseNomination( json.data ) };
	} catch ( e ) {
		return { ok: false, detail: describeError( e ), errors: [] };
	}
}

/**
 * Read an endorsement page. Never throws.
 *
 * @param text Page content of an endorsement (untrusted)
 * @return The endorsement, or null when the page is not a valid one
 */
export function parseEndorsement( text: string ): EndorsementRecord | null {
	try {
		const json = parseJson( text );
		if ( !json.ok || validateAgainst( ENDORSEMENT_JSON_SCHEMA, json.data ).length ) {
			return null;
		}
		return applyDefaults( ENDORSEMENT_JSON_SCHEMA, json.data ) as EndorsementRecord;
	} catch {
		return null;
	}
}

/**
 * Read a celebration or decline page. Never throws.
 *
 * @param text Page content of a celebration or decline (untrusted)
 * @param kind Which of the two
 * @return Its time, or null when the page is not a valid one
 */
export function parseMark( text: string, kind: 'celebration' | 'decline' ): { time: string } | null {
	try {
		const json = parseJson( text );
		const schema = kind === 'celebration' ? CELEBRATION_JSON_SCHEMA : DECLINE_JSON_SCHEMA;
		if ( !json.ok || validateAgainst( schema, json.data ).length ) {
			return null;
		}
		return { time: json.data.time as string };
	} catch {
		return null;
	}
}

/**
 * How a wiki upper-cases the first letter of a user name (MediaWiki's Language::ucfirst):
 * the letters it maps otherwise are $wgOverrideUcfirstCharacters.
 */
export interface FirstLetterRules {
	/**
	 * First letters mapped as given; a letter mapped to itself is kept. Wikimedia's wikis
	 * keep, for instance, "ß" (which PHP would make "Ss").
	 */
	overrides?: Readonly<Record<string, string>>;
	/**
	 * What to do with a letter whose capital is more than one character ("ß" → "SS",
	 * "ﬆ" → "ST") and that overrides do not name: 'keep' it (Wikimedia's wikis, and the
	 * default: two accounts are never taken for one) or 'title' (a MediaWiki without
	 * overrides: PHP's title case, "ß" → "Ss"; only the letters in TITLE_CASE are known
	 * here, others are kept).
	 */
	multiCharacter?: 'keep' | 'title';
}

/** The rules of a wiki that says nothing: keep what cannot be capitalised as one letter. */
export const DEFAULT_FIRST_LETTER_RULES: Readonly<FirstLetterRules> = { multiCharacter: 'keep' };

/**
 * Letters whose title case (what MediaWiki uses) is not their upper case in JavaScript:
 * the Latin digraph letters, which have a title-case form of their own.
 */
const TITLE_CASE: ReadonlyMap<string, string> = new Map( [
	[ '\u01c4', '\u01c5' ], [ '\u01c5', '\u01c5' ], [ '\u01c6', '\u01c5' ],
	[ '\u01c7', '\u01c8' ], [ '\u01c8', '\u01c8' ], [ '\u01c9', '\u01c8' ],
	[ '\u01ca', '\u01cb' ], [ '\u01cb', '\u01cb' ], [ '\u01cc', '\u01cb' ],
	[ '\u01f1', '\u01f2' ], [ '\u01f2', '\u01f2' ], [ '\u01f3', '\u01f2' ],
] );

/** PHP's title case of letters whose capital is two characters, for multiCharacter 'title'. */
const MULTI_TITLE_CASE: ReadonlyMap<string, string> = new Map( [
	[ '\u00df', 'Ss' ], [ '\ufb00', 'Ff' ], [ '\ufb01', 'Fi' ], [ '\ufb02', 'Fl' ], [ '\ufb03', 'Ffi' ],
	[ '\ufb04', 'Ffl' ], [ '\ufb05', 'St' ], [ '\ufb06', 'St' ], [ '\u0149', '\u02bcN' ], [ '\u01f0', 'J\u030c' ],
] );

/**
 * @param letter One character (a code point)
 * @param rules The wiki's rules
 * @return It as MediaWiki writes it at the start of a user name
 */
function capitalFirst( letter: string, rules: FirstLetterRules ): string {
	const overrides = rules.overrides ?? {};
	if ( Object.prototype.hasOwnProperty.call( overrides, letter ) ) {
		return overrides[ letter ];
	}
	const title = TITLE_CASE.get( letter );
	if ( title !== undefined ) {
		return title;
	}
	// Georgian Mkhedruli letters have capitals (Mtavruli) but are their own title case.
	if ( /[\u10d0-\u10fa\u10fd-\u10ff]/.test( letter ) ) {
		return letter;
	}
	const upper = letter.toUpperCase();
	if ( [ ...upper ].length === 1 ) {
		return upper;
	}
	return rules.multiCharacter === 'title' ? MULTI_TITLE_CASE.get( letter ) ?? letter : letter;
}

/**
 * A user name as MediaWiki normalises it: underscores are spaces, runs of spaces are
 * one, and the first letter is capitalised as the wiki does it (one character at most
 * changed; never "ß" → "SS" unless the wiki says so). Where the wiki can be asked (e.g.
 * list=users), the name it returns is the one to compare.
 *
 * @param name A user name
 * @param rules The wiki's first-letter rules (default: DEFAULT_FIRST_LETTER_RULES)
 * @return The canonical form
 */
export function canonicalUserName( name: string, rules: FirstLetterRules = DEFAULT_FIRST_LETTER_RULES ): string {
	const spaced = name.replace( /_/g, ' ' ).replace( / {2,}/g, ' ' ).trim();
	const code = spaced.codePointAt( 0 );
	if ( code === undefined ) {
		return '';
	}
	const first = String.fromCodePoint( code );
	return capitalFirst( first, rules ) + spaced.slice( first.length );
}

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
