import { ActionApi, ApiError, ApiParams, ApiResponse } from '../../shared/api/ActionApi';
import { CacheSnapshot, CachedPage, RecordCache } from '../../shared/wiki/recordCache';
import { Draft, DraftStore } from '../../shared/wiki/drafts';
import { RetryOptions, withRetry } from '../../shared/api/retry';
import { PageLocation, folderPrefix } from '../../shared/wiki/pageLocation';
import { ParseResult, Partnership, parsePartnership, serializePartnership } from '../domain/partnership';
import { FieldConflict, mergePartnerships } from '../domain/merge';

export type { FieldConflict } from '../domain/merge';

export const RECORDS_FOLDER = 'Records';

/** Titles in a stable order (an Intl.Collator is much faster than localeCompare per pair) */
const TITLE_ORDER = new Intl.Collator( 'en' );

/** A cached snapshot older than this is read again from scratch (recent changes are kept 90 days). */
export const CACHE_MAX_AGE_MS = 30 * 24 * 3600 * 1000;

/** Content of at most 50 pages per request: the API's limit for page content. */
const CONTENT_BATCH = 50;

/**
 * How far before the snapshot's time the recent changes are read again. A revision's
 * timestamp is taken when its save starts, and it becomes visible when the save commits,
 * so an edit can appear "in the past" of a read that did not see it. Changes in the
 * overlap that the snapshot already has are recognised by revision id and cost nothing.
 */
const RC_OVERLAP_MS = 60 * 1000;

/** Edit rounds in one save: the first, and re-saves after merges. */
const MAX_EDIT_ROUNDS = 3;

/** MediaWiki's canonical namespace names, valid on every wiki whatever its language. */
const CANONICAL_NAMESPACES: Record<number, string> = {
	0: '',
	1: 'Talk',
	2: 'User',
	3: 'User talk',
	4: 'Project',
	5: 'Project talk',
	6: 'File',
	7: 'File talk',
	8: 'MediaWiki',
	9: 'MediaWiki talk',
	10: 'Template',
	11: 'Template talk',
	12: 'Help',
	13: 'Help talk',
	14: 'Category',
	15: 'Category talk',
};

type ParseFailure = Extract<ParseResult, { ok: false }>;

interface PageMeta {
	pageid: number;
	/** Full title, with namespace */
	title: string;
	/** Record id: the part of the title after `Records/` */
	id: string;
	revid: number;
	timestamp: string;
	/** Last editor, where known */
	user?: string;
}

export type RecordEntry =
	( PageMeta & { valid: true; record: Partnership; migratedFrom?: string } ) |
	( PageMeta & { valid: false; reason: ParseFailure[ 'reason' ]; detail: string; errors: ParseFailure[ 'errors' ] } );

export interface LoadProgress {
	/** Pages read so far */
	loaded: number;
	/** Pages expected, when known */
	total?: number;
	/** Requests made so far */
	requests: number;
}

/** A revision of a record, as a save starts from it or finds it. */
export interface RecordRevision {
	revid: number;
	timestamp: string;
	user?: string;
	record: Partnership;
}

export interface SaveRequest {
	/** Record id (page name after Records/) */
	id: string;
	/** The record to write */
	record: Partnership;
	/** The revision the edit started from; null to create a new record */
	base: { revid: number; timestamp: string; record: Partnership } | null;
	/** Edit summary */
	summary?: string;
}

export type DraftReason = 'session' | 'network' | 'readonly' | 'ratelimited' | 'maxlag' | 'server' |
	'exists' | 'permission' | 'invalid' | 'unknown';

export type SaveOutcome =
	{ status: 'saved'; entry: RecordEntry; merged: boolean; attempts: number } |
	{ status: 'conflict'; conflicts: FieldConflict[]; merged: Partnership; theirs: RecordRevision } |
	{ status: 'draft'; reason: DraftReason; code: string; message: string };

export interface OpenResult {
	/** Every record page, valid or not, sorted by title */
	entries: RecordEntry[];
	/** Requests made (retries included) */
	requests: number;
	/** Whether a cached snapshot was brought up to date rather than everything read */
	warm: boolean;
}

export interface PartnershipRepositoryOptions {
	/** The wiki holding the records */
	api: ActionApi;
	/** The records root */
	root: PageLocation;
	/** Where the snapshot of record pages is kept between opens */
	cache?: RecordCache;
	/** Where unsaved edits are kept until the wiki confirms them */
	drafts?: DraftStore;
	/** How requests are retried */
	retry?: RetryOptions;
	/**
	 * The account saves are made as, recorded as the last editor of what it saves
	 * (edit answers do not say); without it, saved entries have no `user` until read again
	 */
	userName?: string | null;
	/** The clock (tests) */
	now?: () => number;
}

/**
 * @param root The records root
 * @param id Record id
 * @return The key of the record's draft in a DraftStore
 */
export function draftKey( root: PageLocation, id: string ): string {
	return `${ root.title }/${ id }`;
}

/**
 * @param id A proposed record id
 * @return Whether it can be part of a page title
 */
export function isValidRecordId( id: string ): boolean {
	// Characters MediaWiki never allows in titles, control characters, and
	// percent-encodings (which titles may not contain either).
	// eslint-disable-next-line no-control-regex
	const illegal = /[#<>[\]|{}\u0000-\u001f\u007f]|%[0-9A-Fa-f]{2}/;
	return id.length > 0 && id.length <= 200 && id.trim() === id && !illegal.test( id ) &&
		!id.split( '/' ).some( ( part ) => part === '' || part === '.' || part === '..' );
}

const SESSION_CODES = new Set( [ 'assertuserfailed', 'assertnameduserfailed', 'notloggedin', 'badtoken', 'mustbeloggedin' ] );
const PERMISSION_CODES = new Set( [
	'permissiondenied', 'protectedpage', 'protectedtitle', 'cascadeprotected', 'cantcreate', 'cantcreate-anon',
	'noedit', 'noedit-anon', 'blocked', 'autoblocked', 'writeapidenied', 'readapidenied', 'protectednamespace',
	'protectednamespace-interface', 'customjsonprotected', 'sitejsonprotected', 'captcha', 'spamdetected',
	'titleblacklist-forbidden', 'cantchangecontentmodel',
] );
const INVALID_CODES = new Set( [
	'invalid-json-data', 'invalid-content-data', 'contenttoobig', 'badformat', 'invalidtitle',
	'invalid-record', 'invalid-current', 'badcontentformat',
] );

/**
 * @param error Why a save failed
 * @return The kind of failure, for the person (see SaveOutcome)
 */
export function draftReason( error: ApiError ): DraftReason {
	const code = error.code;
	if ( SESSION_CODES.has( code ) ) {
		return 'session';
	}
	if ( code === 'http' ) {
		if ( error.status === undefined ) {
			return 'network';
		}
		return error.status === 429 ? 'ratelimited' : error.status >= 500 ? 'server' : 'unknown';
	}
	if ( code === 'network' || code === 'timeout' ) {
		return 'network';
	}
	if ( code === 'readonly' || code === 'ratelimited' || code === 'maxlag' ) {
		return code;
	}
	if ( code === 'ok-but-empty' || code === 'invalid-response' || code.startsWith( 'internal_api_error' ) ) {
		return 'server';
	}
	if ( code === 'articleexists' ) {
		return 'exists';
	}
	if ( PERMISSION_CODES.has( code ) || /^(abusefilter-|globalblocking|blocked)/.test( code ) ) {
		return 'permission';
	}
	if ( INVALID_CODES.has( code ) ) {
		return 'invalid';
	}
	return 'unknown';
}

/**
 * Why a write failed, for the person, telling a content-model rate limit from a missing
 * right. MediaWiki answers `cantchangecontentmodel` both when the account lacks the
 * `editcontentmodel` right and when it has made too many content-model changes in a
 * minute (8 for an ordinary account by default); creating a JSON page where JSON is not
 * the page's default model (the gadgets) is such a change. An account that has the right
 * was rate-limited.
 *
 * @param error Why the write failed
 * @param rights Reads the rights of the logged-in account (undefined when logged out);
 *  asked only for `cantchangecontentmodel`
 * @return The kind of failure
 */
export async function writeFailureReason(
	error: ApiError,
	rights: () => Promise<readonly string[] | undefined>,
): Promise<DraftReason> {
	if ( error.code === 'cantchangecontentmodel' ) {
		const held = await rights().catch( () => undefined );
		if ( held && held.includes( 'editcontentmodel' ) ) {
			return 'ratelimited';
		}
	}
	return draftReason( error );
}

function draft( error: ApiError, reason: DraftReason = draftReason( error ) ): SaveOutcome {
	return { status: 'draft', reason, code: error.code, message: error.message };
}

function sameRecord( a: Partnership, b: Partnership ): boolean {
	return serializePartnership( a ) === serializePartnership( b );
}

/** The current revision of a page as a save reads it. */
interface Current {
	page: CachedPage;
	parsed: ParseResult;
	/** Server time of the read (curtimestamp) */
	readAt: string | undefined;
}

/**
 * @param page A page object of a formatversion=2 query answer
 * @return Its latest revision with content, if the answer has one
 */
function cachedPageOf( page: ApiResponse ): CachedPage | null {
	const rev = page && Array.isArray( page.revisions ) ? page.revisions[ 0 ] : undefined;
	const main = rev && rev.slots && rev.slots.main;
	if ( !main || typeof main.content !== 'string' || typeof page.pageid !== 'number' ) {
		return null;
	}
	const out: CachedPage = {
		pageid: page.pageid,
		title: String( page.title ),
		revid: Number( rev.revid ),
		timestamp: String( rev.timestamp ),
		content: main.content,
	};
	if ( typeof rev.user === 'string' ) {
		out.user = rev.user;
	}
	return out;
}

/**
 * @param time A server time
 * @return It, in the form MediaWiki takes for rcstart (whole seconds)
 */
function apiTime( time: number ): string {
	return new Date( time ).toISOString().replace( /\.\d+Z$/, 'Z' );
}

/**
 * Reads and writes partnership records on one wiki: batched reads, a cache brought up
 * to date from recent changes, and saves that never overwrite anyone silently (edit
 * conflicts are merged by field or handed to the person) and never lose work (a draft
 * is kept until the wiki confirms).
 */
export class PartnershipRepository {
	private readonly api: ActionApi;

	private readonly root: PageLocation;

	private readonly cache: RecordCache | undefined;

	private readonly drafts: DraftStore | undefined;

	private readonly retry: RetryOptions;

	private readonly now: () => number;

	private readonly userName: string | undefined;

	/** The cache read started by prepare() */
	private cacheRead: Promise<CacheSnapshot | null> | null = null;

	/** Parsed entries by page id, reused while the revision is the same */
	private readonly parsed = new Map<number, RecordEntry>();

	/** The cache write started by the last open(), for tests and callers that need it done */
	public persisting: Promise<void> = Promise.resolve();

	/** The pages as last read, once open() has run */
	private snapshot: CacheSnapshot | null = null;

	/** The name of the root's namespace as this wiki writes it, once seen */
	private namespaceName: string | null;

	/**
	 * @param options Where the records are and what to keep them in
	 */
	public constructor( options: PartnershipRepositoryOptions ) {
		this.api = options.api;
		this.root = options.root;
		this.cache = options.cache;
		this.drafts = options.drafts;
		this.retry = options.retry ?? {};
		this.now = options.now ?? Date.now;
		this.userName = options.userName ?? undefined;
		this.namespaceName = Object.prototype.hasOwnProperty.call( CANONICAL_NAMESPACES, options.root.namespace ) ?
			CANONICAL_NAMESPACES[ options.root.namespace ] : null;
	}

	/**
	 * Read every record. Cold (no usable snapshot): the content of every record page in
	 * batches of 50 (≤ ceil(N/50) requests when pages are small). Warm: one
	 * recentchanges request since the snapshot, then the content of the changed pages
	 * only, 50 per request; nothing changed → exactly one request. The new snapshot is
	 * saved to the cache.
	 *
	 * Known gap: recent changes are read for the root's namespace only, so a page moved
	 * into the records folder from another namespace is seen on the next cold open.
	 *
	 * @param onProgress Told after each request
	 * @return The records, the requests made, and whether the open was warm
	 */
	public async open( onProgress?: ( p: LoadProgress ) => void ): Promise<OpenResult> {
		let requests = 0;
		const get = ( params: ApiParams ): Promise<ApiResponse> => withRetry( () => {
			requests++;
			return this.api.get( params );
		}, this.retry );

		const cached = await this.usableSnapshot();
		let snapshot: CacheSnapshot | null;
		let pages: CachedPage[];
		if ( cached ) {
			snapshot = await this.refresh( cached, get, ( loaded, total ) => {
				if ( onProgress ) {
					onProgress( { loaded, total, requests } );
				}
			} );
			pages = snapshot.pages;
		} else {
			const cold = await this.readAll( get, ( loaded ) => {
				if ( onProgress ) {
					onProgress( { loaded, requests } );
				}
			} );
			pages = cold.pages;
			snapshot = cold.syncedAt === undefined ? null : {
				version: 1,
				key: this.cache ? this.cache.key : '',
				syncedAt: cold.syncedAt,
				pages,
			};
		}
		if ( snapshot ) {
			this.snapshot = snapshot;
			// Writing the cache is off the critical path: the records are shown while
			// IndexedDB stores them (persist() never throws).
			this.persisting = this.persist();
		}
		return { entries: this.entriesOf( pages ), requests, warm: cached !== null };
	}

	/**
	 * Save a record. A draft is written first and removed only when the wiki has
	 * confirmed the save; every outcome but 'saved' leaves it in the store.
	 *
	 * @param request What to save, and from which revision
	 * @return What happened
	 */
	public async save( request: SaveRequest ): Promise<SaveOutcome> {
		const key = draftKey( this.root, request.id );
		const stored: Draft = {
			key,
			id: request.id,
			record: request.record,
			base: request.base ? { ...request.base } : null,
			savedAt: new Date( this.now() ).toISOString(),
		};
		this.putDraft( stored );
		let outcome: SaveOutcome;
		try {
			outcome = await this.trySave( request );
		} catch ( e ) {
			outcome = draft( e instanceof ApiError ? e : new ApiError( 'unknown', e instanceof Error ? e.message : String( e ) ) );
		}
		if ( outcome.status === 'saved' ) {
			if ( this.drafts ) {
				this.drafts.remove( key );
			}
		} else {
			this.putDraft( { ...stored, lastError: outcome.status === 'conflict' ? 'editconflict' : outcome.code } );
		}
		return outcome;
	}

	private putDraft( value: Draft ): void {
		if ( this.drafts ) {
			try {
				this.drafts.put( value );
			} catch {
				// A store that fails must not stop the save itself.
			}
		}
	}

	private async trySave( request: SaveRequest ): Promise<SaveOutcome> {
		if ( !isValidRecordId( request.id ) ) {
			return { status: 'draft', reason: 'invalid', code: 'invalid-id', message: request.id };
		}
		const checked = parsePartnership( serializePartnership( request.record ) );
		if ( !checked.ok ) {
			return { status: 'draft', reason: 'invalid', code: 'invalid-record', message: checked.detail };
		}
		const title = await this.titleOf( request.id );
		let ours = checked.record;
		let base: RecordRevision | null = request.base;
		let start = request.base ? this.readTime( title, request.base ) : undefined;
		let merged = false;
		const count = { attempts: 0 };

		for ( let round = 0; round < MAX_EDIT_ROUNDS; round++ ) {
			const text = serializePartnership( ours );
			const params = this.editParams( title, text, base, start, request.summary );
			let answer: ApiResponse;
			try {
				// Safe to send again: a create that landed comes back as articleexists and
				// an update that landed as a no-change edit, both recognised below.
				answer = await withRetry( () => {
					count.attempts++;
					return this.api.postWithEditToken( params );
				}, this.retry );
			} catch ( e ) {
				if ( !( e instanceof ApiError ) ) {
					throw e;
				}
				if ( e.code === 'articleexists' && !base ) {
					// Our own create, whose answer was lost before a retry, or someone else's page.
					const current = await this.readCurrent( title );
					if ( current && current.parsed.ok && sameRecord( current.parsed.record, ours ) ) {
						return this.saved( current.page, merged, count.attempts );
					}
					return draft( e );
				}
				// invalid-json-data for a valid record of ours: MediaWiki's line merge made
				// JSON that does not parse; merge by field instead.
				if ( base && ( e.code === 'editconflict' || e.code === 'invalid-json-data' ) ) {
					const current = await this.readCurrent( title );
					if ( !current ) {
						return { status: 'draft', reason: 'unknown', code: 'missingtitle', message: title };
					}
					if ( !current.parsed.ok ) {
						return { status: 'draft', reason: 'invalid', code: 'invalid-current', message: current.parsed.detail };
					}
					const theirs = { ...this.revisionOf( current.page ), record: current.parsed.record };
					const result = mergePartnerships( base.record, theirs.record, ours );
					if ( result.conflicts.length ) {
						return { status: 'conflict', conflicts: result.conflicts, merged: result.merged, theirs };
					}
					ours = result.merged;
					base = theirs;
					start = current.readAt;
					merged = true;
					continue;
				}
				return draft( e, await writeFailureReason( e, () => this.myRights() ) );
			}

			const edit = answer.edit;
			if ( !edit || edit.result !== 'Success' ) {
				const code = String( ( edit && ( edit.code || ( edit.captcha && 'captcha' ) ) ) || 'edit-failure' );
				return draft( new ApiError( code, String( ( edit && edit.info ) || code ), undefined, answer ) );
			}
			if ( edit.nochange ) {
				// The page already holds exactly our record: typically our own earlier
				// attempt, whose answer was lost before the retry. Still one revision.
				const current = await this.readCurrent( title );
				if ( current && current.parsed.ok && sameRecord( current.parsed.record, ours ) ) {
					return this.saved( current.page, merged, count.attempts );
				}
				return { status: 'draft', reason: 'unknown', code: 'nochange', message: title };
			}
			const saved = this.pageFromEdit( edit, title, text );
			if ( !base || edit.oldrevid === undefined || Number( edit.oldrevid ) === base.revid ) {
				return this.saved( saved, merged, count.attempts );
			}

			// The page changed after our base and MediaWiki saved anyway. Seen on 1.43 with
			// JSON pages: when the changes are on different lines it merges the texts itself
			// (diff3 on the tab-indented JSON) and answers Success; when every revision since
			// the base is by this same account, or was made in the same second as the base
			// revision (EditPage asks RevisionStore::userWasLastToEdit, which only looks at
			// revisions with rev_timestamp > basetimestamp), it sees no conflict at all and
			// simply overwrites them. Neither is our field merge, so what was saved is
			// checked against mergePartnerships( base, theirs, ours ), theirs being the
			// revision our edit replaced (oldrevid):
			// - equal: saved, merged.
			// - no field conflicts, but different: the field merge is saved as a follow-up
			//   edit on top (one more revision; an overwritten change comes back).
			// - field conflicts: the field merge, which holds their value on every
			//   conflicting field, is put back as a follow-up edit, so the page holds what an
			//   edit conflict would have left rather than our one-sided choice; then the
			//   conflicts go to the person, with that revision as "theirs".
			const check = await this.readRevisions( title, Number( edit.oldrevid ), saved.revid );
			const theirsParsed = check.theirs ? parsePartnership( check.theirs.content ) : null;
			const savedPage = check.saved ?? saved;
			const savedParsed = parsePartnership( savedPage.content );
			if ( !theirsParsed || !theirsParsed.ok ) {
				if ( savedParsed.ok && sameRecord( savedParsed.record, ours ) ) {
					return this.saved( savedPage, merged, count.attempts );
				}
				return { status: 'draft', reason: 'invalid', code: 'invalid-current', message: title };
			}
			const result = mergePartnerships( base.record, theirsParsed.record, ours );
			if ( !result.conflicts.length && savedParsed.ok && sameRecord( savedParsed.record, result.merged ) ) {
				return this.saved( savedPage, true, count.attempts );
			}
			const savedRevision: RecordRevision = {
				...this.revisionOf( savedPage ),
				record: savedParsed.ok ? savedParsed.record : result.merged,
			};
			this.remember( savedPage );
			if ( result.conflicts.length ) {
				const theirs = savedParsed.ok && sameRecord( savedParsed.record, result.merged ) ?
					savedRevision :
					await this.putBack( title, result.merged, savedRevision, request.summary, count );
				await this.persist();
				// The revision to build on is the put-back one (ours), but "their" values are
				// those of the edit MediaWiki replaced: name its author.
				const author = check.theirs && check.theirs.user;
				return {
					status: 'conflict',
					conflicts: result.conflicts,
					merged: result.merged,
					theirs: author ? { ...theirs, user: author } : theirs,
				};
			}
			ours = result.merged;
			base = savedRevision;
			start = savedPage.timestamp;
			merged = true;
		}
		return { status: 'draft', reason: 'unknown', code: 'editconflict', message: title };
	}

	/** @return The rights of the logged-in account, or undefined when logged out */
	private async myRights(): Promise<string[] | undefined> {
		const answer = await withRetry( () => this.api.get( { action: 'query', meta: 'userinfo', uiprop: 'rights' } ), this.retry );
		const info = answer.query && answer.query.userinfo;
		return info && !info.anon && Array.isArray( info.rights ) ? info.rights.map( String ) : undefined;
	}

	private editParams(
		title: string,
		text: string,
		base: { revid: number; timestamp: string } | null,
		start: string | undefined,
		summary: string | undefined,
	): ApiParams {
		return {
			action: 'edit',
			title,
			text,
			contentmodel: 'json',
			assert: 'user',
			summary: summary ?? '',
			...( base ? {
				baserevid: base.revid,
				basetimestamp: base.timestamp,
				starttimestamp: start ?? base.timestamp,
				nocreate: true,
			} : { createonly: true } ),
		};
	}

	/**
	 * After MediaWiki saved a revision that settles a field conflict one-sidedly: save
	 * the field merge (their value on every conflicting field) on top of it.
	 *
	 * @param title Full title
	 * @param record The field merge
	 * @param saved The revision MediaWiki made
	 * @param summary Edit summary
	 * @param count Edit requests made, updated
	 * @param count.attempts The count
	 * @return The revision the person's resolution is to be based on
	 */
	private async putBack(
		title: string,
		record: Partnership,
		saved: RecordRevision,
		summary: string | undefined,
		count: { attempts: number },
	): Promise<RecordRevision> {
		const text = serializePartnership( record );
		try {
			const answer = await withRetry( () => {
				count.attempts++;
				return this.api.postWithEditToken( this.editParams( title, text, saved, saved.timestamp, summary ) );
			}, this.retry );
			const edit = answer.edit;
			if ( edit && edit.result === 'Success' && !edit.nochange && Number( edit.oldrevid ) === saved.revid ) {
				const page = this.pageFromEdit( edit, title, text );
				this.remember( page );
				return { ...this.revisionOf( page ), record };
			}
		} catch {
			// Someone else was quicker still: whatever is there now is "theirs".
		}
		const current = await this.readCurrent( title );
		if ( current && current.parsed.ok ) {
			this.remember( current.page );
			return { ...this.revisionOf( current.page ), record: current.parsed.record };
		}
		return saved;
	}

	private revisionOf( page: CachedPage ): Omit<RecordRevision, 'record'> {
		return page.user === undefined ?
			{ revid: page.revid, timestamp: page.timestamp } :
			{ revid: page.revid, timestamp: page.timestamp, user: page.user };
	}

	private async saved( page: CachedPage, merged: boolean, attempts: number ): Promise<SaveOutcome> {
		this.remember( page );
		await this.persist();
		return { status: 'saved', entry: this.entryOf( page ), merged, attempts };
	}

	/**
	 * @param title Full title
	 * @param base The revision an edit starts from
	 * @param base.revid Its id
	 * @param base.timestamp Its time
	 * @return When we last knew that revision to be current: the snapshot's time if the
	 *  snapshot has it, else the revision's own time
	 */
	private readTime( title: string, base: { revid: number; timestamp: string } ): string {
		const page = this.snapshot && this.snapshot.pages.find( ( p ) => p.title === title );
		return page && page.revid === base.revid && this.snapshot ? this.snapshot.syncedAt : base.timestamp;
	}

	private async readCurrent( title: string ): Promise<Current | null> {
		const answer = await withRetry( () => this.api.get( {
			action: 'query',
			titles: title,
			prop: 'revisions',
			rvprop: [ 'ids', 'timestamp', 'user', 'content' ],
			rvslots: 'main',
			curtimestamp: true,
		} ), this.retry );
		const page = cachedPageOf( ( answer.query && answer.query.pages && answer.query.pages[ 0 ] ) || null );
		if ( !page ) {
			return null;
		}
		this.learnNamespace( page.title );
		return { page, parsed: parsePartnership( page.content ), readAt: answer.curtimestamp };
	}

	private async readRevisions(
		title: string,
		theirsId: number,
		savedId: number,
	): Promise<{ theirs: CachedPage | null; saved: CachedPage | null }> {
		const answer = await withRetry( () => this.api.get( {
			action: 'query',
			revids: [ String( theirsId ), String( savedId ) ],
			prop: 'revisions',
			rvprop: [ 'ids', 'timestamp', 'user', 'content' ],
			rvslots: 'main',
		} ), this.retry );
		const found = new Map<number, CachedPage>();
		for ( const page of ( answer.query && answer.query.pages ) || [] ) {
			for ( const rev of page.revisions || [] ) {
				const one = cachedPageOf( { ...page, title: page.title ?? title, revisions: [ rev ] } );
				if ( one ) {
					found.set( one.revid, one );
				}
			}
		}
		return { theirs: found.get( theirsId ) ?? null, saved: found.get( savedId ) ?? null };
	}

	private async titleOf( id: string ): Promise<string> {
		if ( this.namespaceName === null ) {
			const answer = await withRetry( () => this.api.get( {
				action: 'query', meta: 'siteinfo', siprop: 'namespaces',
			} ), this.retry );
			const ns = answer.query && answer.query.namespaces && answer.query.namespaces[ this.root.namespace ];
			if ( !ns || typeof ns.name !== 'string' ) {
				throw new ApiError( 'invalidtitle', `No namespace ${ this.root.namespace }` );
			}
			this.namespaceName = ns.name;
		}
		const text = folderPrefix( this.root, RECORDS_FOLDER ) + id;
		return this.namespaceName ? `${ this.namespaceName }:${ text }` : text;
	}

	private learnNamespace( title: string ): void {
		if ( this.root.namespace !== 0 && title.includes( ':' ) ) {
			this.namespaceName = title.slice( 0, title.indexOf( ':' ) );
		}
	}

	/**
	 * @param title A full title
	 * @param namespace Its namespace number
	 * @return The record id, if the page is a record page under our root
	 */
	private idOf( title: string, namespace: number = this.root.namespace ): string | null {
		if ( namespace !== this.root.namespace ) {
			return null;
		}
		// Namespace names never contain a colon; titles in the main namespace have no prefix.
		const text = namespace === 0 ? title : title.slice( title.indexOf( ':' ) + 1 );
		const prefix = folderPrefix( this.root, RECORDS_FOLDER );
		return text.startsWith( prefix ) && text.length > prefix.length ? text.slice( prefix.length ) : null;
	}

	/**
	 * @param edit A successful `action=edit` answer
	 * @param title The title saved to
	 * @param text The text sent
	 * @return The page as it now stands, by this user
	 */
	private pageFromEdit( edit: ApiResponse, title: string, text: string ): CachedPage {
		const page: CachedPage = {
			pageid: Number( edit.pageid ),
			title: String( edit.title ?? title ),
			revid: Number( edit.newrevid ),
			timestamp: String( edit.newtimestamp ),
			content: text,
		};
		if ( this.userName !== undefined ) {
			page.user = this.userName;
		}
		return page;
	}

	private entryOf( page: CachedPage ): RecordEntry {
		// Parsed once per revision: a cold open parses each batch while the next one is
		// on its way (see readAll), and the result is reused here.
		const memo = this.parsed.get( page.pageid );
		if ( memo && memo.revid === page.revid && memo.title === page.title && memo.user === page.user ) {
			return memo;
		}
		const entry = this.parseEntry( page );
		this.parsed.set( page.pageid, entry );
		return entry;
	}

	private parseEntry( page: CachedPage ): RecordEntry {
		const meta: PageMeta = {
			pageid: page.pageid,
			title: page.title,
			id: this.idOf( page.title ) ?? page.title,
			revid: page.revid,
			timestamp: page.timestamp,
		};
		if ( page.user !== undefined ) {
			meta.user = page.user;
		}
		const parsed = parsePartnership( page.content );
		if ( parsed.ok ) {
			return parsed.migratedFrom === undefined ?
				{ ...meta, valid: true, record: parsed.record } :
				{ ...meta, valid: true, record: parsed.record, migratedFrom: parsed.migratedFrom };
		}
		return { ...meta, valid: false, reason: parsed.reason, detail: parsed.detail, errors: parsed.errors };
	}

	private entriesOf( pages: CachedPage[] ): RecordEntry[] {
		return pages
			.filter( ( p ) => this.idOf( p.title ) !== null )
			.map( ( p ) => this.entryOf( p ) )
			.sort( ( a, b ) => TITLE_ORDER.compare( a.title, b.title ) );
	}

	private remember( page: CachedPage ): void {
		if ( this.snapshot ) {
			this.snapshot = {
				...this.snapshot,
				pages: [
					...this.snapshot.pages.filter( ( p ) => p.title !== page.title && p.pageid !== page.pageid ),
					page,
				],
			};
		}
	}

	private async persist(): Promise<void> {
		if ( this.cache && this.snapshot && this.snapshot.key === this.cache.key ) {
			try {
				await this.cache.save( this.snapshot );
			} catch {
				// The cache is an optimisation; it never fails an open or a save.
			}
		}
	}

	/**
	 * Start reading the browser's cache now (opening IndexedDB takes a while), so that
	 * it overlaps with whatever the caller does before open(), e.g. mounting the app.
	 */
	public prepare(): void {
		if ( !this.snapshot && this.cache && !this.cacheRead ) {
			this.cacheRead = this.cache.load().catch( () => null );
		}
	}

	private async usableSnapshot(): Promise<CacheSnapshot | null> {
		let snapshot = this.snapshot;
		if ( !snapshot && this.cache ) {
			this.prepare();
			snapshot = await this.cacheRead;
			// Read once: later opens use this.snapshot, kept up to date in memory.
			this.cacheRead = null;
		}
		if ( !snapshot || !this.cache || snapshot.version !== 1 || snapshot.key !== this.cache.key ) {
			return null;
		}
		const age = this.now() - Date.parse( snapshot.syncedAt );
		return age >= 0 && age < CACHE_MAX_AGE_MS ? snapshot : null;
	}

	private async readAll(
		get: ( params: ApiParams ) => Promise<ApiResponse>,
		progress: ( loaded: number ) => void,
	): Promise<{ pages: CachedPage[]; syncedAt: string | undefined }> {
		const pages = new Map<number, CachedPage>();
		let syncedAt: string | undefined;
		const batch = ( cont: ApiParams ): Promise<ApiResponse> => get( {
			action: 'query',
			generator: 'allpages',
			gapnamespace: this.root.namespace,
			gapprefix: folderPrefix( this.root, RECORDS_FOLDER ),
			gaplimit: CONTENT_BATCH,
			prop: 'revisions',
			rvprop: [ 'ids', 'timestamp', 'user', 'content' ],
			rvslots: 'main',
			curtimestamp: true,
			...cont,
		} );
		let pending: Promise<ApiResponse> | null = batch( {} );
		while ( pending ) {
			const answer: ApiResponse = await pending;
			// The first answer's time: anything later is picked up by the next warm open.
			syncedAt = syncedAt ?? ( typeof answer.curtimestamp === 'string' ? answer.curtimestamp : undefined );
			const cont: ApiParams = answer.continue ?? {};
			// Ask for the next batch first, then read this one while it is on its way: the
			// reading (parsing and validating records) costs no time on the network's path.
			pending = Object.keys( cont ).length ? batch( cont ) : null;
			for ( const raw of ( answer.query && answer.query.pages ) || [] ) {
				// With continuation inside one batch, a page can come without its revision first.
				const page = cachedPageOf( raw );
				if ( page ) {
					pages.set( page.pageid, page );
					this.learnNamespace( page.title );
					if ( this.idOf( page.title ) !== null ) {
						this.entryOf( page );
					}
				}
			}
			progress( pages.size );
		}
		return { pages: [ ...pages.values() ], syncedAt };
	}

	/**
	 * Bring a snapshot up to date from recent changes.
	 *
	 * @param snapshot The snapshot (not changed)
	 * @param get How to read
	 * @param progress Told after each request
	 * @return The snapshot brought up to date
	 */
	private async refresh(
		snapshot: CacheSnapshot,
		get: ( params: ApiParams ) => Promise<ApiResponse>,
		progress: ( loaded: number, total: number ) => void,
	): Promise<CacheSnapshot> {
		const byTitle = new Map( snapshot.pages.map( ( p ) => [ p.title, p ] ) );
		// What to do with each title changed since the snapshot: the last event decides.
		const actions = new Map<string, 'keep' | 'fetch' | 'gone'>();
		let cont: ApiParams = {};
		let syncedAt: string | undefined;
		do {
			const answer = await get( {
				action: 'query',
				list: 'recentchanges',
				rcnamespace: this.root.namespace,
				rcstart: apiTime( Date.parse( snapshot.syncedAt ) - RC_OVERLAP_MS ),
				rcdir: 'newer',
				rctype: [ 'edit', 'new', 'log' ],
				rcprop: [ 'title', 'ids', 'timestamp', 'loginfo' ],
				rclimit: 'max',
				curtimestamp: true,
				...cont,
			} );
			syncedAt = syncedAt ?? ( typeof answer.curtimestamp === 'string' ? answer.curtimestamp : undefined );
			for ( const change of ( answer.query && answer.query.recentchanges ) || [] ) {
				this.apply( change, byTitle, actions );
			}
			cont = answer.continue ?? {};
			progress( byTitle.size, byTitle.size );
		} while ( Object.keys( cont ).length );

		for ( const [ title, action ] of actions ) {
			if ( action === 'gone' ) {
				byTitle.delete( title );
			}
		}
		const toFetch = [ ...actions ].filter( ( [ , action ] ) => action === 'fetch' ).map( ( [ title ] ) => title );
		for ( let i = 0; i < toFetch.length; i += CONTENT_BATCH ) {
			const batch = toFetch.slice( i, i + CONTENT_BATCH );
			const found = new Map<string, CachedPage>();
			let more: ApiParams = {};
			do {
				const answer = await get( {
					action: 'query',
					titles: batch,
					prop: 'revisions',
					rvprop: [ 'ids', 'timestamp', 'user', 'content' ],
					rvslots: 'main',
					...more,
				} );
				for ( const raw of ( answer.query && answer.query.pages ) || [] ) {
					const page = cachedPageOf( raw );
					if ( page ) {
						found.set( page.title, page );
					}
				}
				more = answer.continue ?? {};
			} while ( Object.keys( more ).length );
			for ( const title of batch ) {
				const page = found.get( title );
				if ( page ) {
					// A page id can move to another title (a page move): one entry per page.
					for ( const [ t, p ] of byTitle ) {
						if ( p.pageid === page.pageid && t !== title ) {
							byTitle.delete( t );
						}
					}
					byTitle.set( title, page );
				} else {
					// Missing now (deleted since), or its content is hidden.
					byTitle.delete( title );
				}
			}
			progress( byTitle.size, byTitle.size );
		}
		return { ...snapshot, syncedAt: syncedAt ?? snapshot.syncedAt, pages: [ ...byTitle.values() ] };
	}

	/**
	 * @param change One recentchanges item (formatversion=2)
	 * @param byTitle The snapshot's pages by title
	 * @param actions What to do with each title, updated
	 */
	private apply(
		change: ApiResponse,
		byTitle: Map<string, CachedPage>,
		actions: Map<string, 'keep' | 'fetch' | 'gone'>,
	): void {
		const title = String( change.title );
		const ours = this.idOf( title, Number( change.ns ) ) !== null;
		if ( change.type === 'edit' || change.type === 'new' ) {
			if ( ours ) {
				const cached = byTitle.get( title );
				// In the overlap, the snapshot may already have this revision or a later one.
				actions.set( title, cached && cached.revid >= Number( change.revid ) ? 'keep' : 'fetch' );
			}
			return;
		}
		if ( change.type !== 'log' ) {
			return;
		}
		const kind = `${ change.logtype }/${ change.logaction }`;
		const params = change.logparams || {};
		if ( change.logtype === 'move' ) {
			// JSON pages cannot be redirects, so the old title is left empty.
			if ( ours ) {
				actions.set( title, 'gone' );
			}
			const target = String( params.target_title ?? '' );
			if ( target && this.idOf( target, Number( params.target_ns ) ) !== null ) {
				// The snapshot already has the page under its new title when it was read
				// after the move (a move keeps the page id).
				const cached = byTitle.get( target );
				actions.set( target, cached && cached.pageid === Number( change.pageid ) ? 'keep' : 'fetch' );
			}
			return;
		}
		if ( !ours ) {
			return;
		}
		if ( kind === 'delete/delete' || kind === 'delete/delete_redir' ) {
			actions.set( title, 'gone' );
		} else if ( change.logtype === 'delete' || change.logtype === 'import' || change.logtype === 'merge' ) {
			// Restored, revision visibility changed, history imported or merged. (A
			// content-model change comes with an edit of its own, handled above.)
			actions.set( title, 'fetch' );
		}
	}
}

/**
 * Read every partnership record under the root, batched and following `continue`
 * (for scripts and tests; the app uses PartnershipRepository with a cache).
 *
 * @param api The wiki holding the records
 * @param root The records root
 * @param onProgress Told after each batch
 * @return Every record page, valid or not, sorted by title
 */
export async function loadPartnerships(
	api: ActionApi,
	root: PageLocation,
	onProgress?: ( progress: LoadProgress ) => void,
): Promise<RecordEntry[]> {
	const result = await new PartnershipRepository( { api, root } ).open( onProgress );
	return result.entries;
}
