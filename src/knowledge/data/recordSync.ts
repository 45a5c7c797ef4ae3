/**
 * Reading every record, and keeping what was read: cold, the content of every record
 * page in batches of 50; warm, the recent changes since a snapshot kept in the browser
 * (IndexedDB), then the content of the changed pages only. The snapshot in memory is
 * also where saves leave the pages they made.
 */
import { ActionApi, ApiResponse } from '../../shared/api/ActionApi';
import { RetryOptions } from '../../shared/api/retry';
import { CacheSnapshot, CachedPage, RecordCache } from '../../shared/wiki/recordCache';
import { readPagesByTitle, readPagesWithPrefix } from '../../shared/wiki/jsonPages';
import { Read, apiTime, queryAll, retryingRead } from '../../shared/wiki/query';
import { ParseResult, Partnership, parsePartnership } from '../domain/partnership';
import { RecordTitles } from './recordTitles';

/** Titles in a stable order (an Intl.Collator is much faster than localeCompare per pair) */
const TITLE_ORDER = new Intl.Collator( 'en' );

/** A cached snapshot older than this is read again from scratch (recent changes are kept 90 days). */
export const CACHE_MAX_AGE_MS = 30 * 24 * 3600 * 1000;

/**
 * How far before the snapshot's time the recent changes are read again. A revision's
 * timestamp is taken when its save starts, and it becomes visible when the save commits,
 * so an edit can appear "in the past" of a read that did not see it. Changes in the
 * overlap that the snapshot already has are recognised by revision id and cost nothing.
 */
const RC_OVERLAP_MS = 60 * 1000;

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

export interface OpenResult {
	/** Every record page, valid or not, sorted by title */
	entries: RecordEntry[];
	/** Requests made (retries included) */
	requests: number;
	/** Whether a cached snapshot was brought up to date rather than everything read */
	warm: boolean;
}

export interface RecordSyncOptions {
	api: ActionApi;
	titles: RecordTitles;
	cache?: RecordCache;
	retry: RetryOptions;
	now: () => number;
}

type Action = 'keep' | 'fetch' | 'gone';

/**
 * The records as last read, brought up to date on each open.
 */
export class RecordSync {
	private readonly api: ActionApi;

	private readonly titles: RecordTitles;

	private readonly cache: RecordCache | undefined;

	private readonly retry: RetryOptions;

	private readonly now: () => number;

	/** The cache read started by prepare() */
	private cacheRead: Promise<CacheSnapshot | null> | null = null;

	/** Parsed entries by page id, reused while the revision is the same */
	private readonly parsed = new Map<number, RecordEntry>();

	/** The cache write started by the last open(), for tests and callers that need it done */
	public persisting: Promise<void> = Promise.resolve();

	/** The pages as last read, once open() has run */
	private snapshot: CacheSnapshot | null = null;

	/**
	 * @param options The wiki, the record titles, the cache, retries and the clock
	 */
	public constructor( options: RecordSyncOptions ) {
		this.api = options.api;
		this.titles = options.titles;
		this.cache = options.cache;
		this.retry = options.retry;
		this.now = options.now;
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
		const read = retryingRead( this.api, this.retry, () => {
			requests++;
		} );

		const cached = await this.usableSnapshot();
		let snapshot: CacheSnapshot | null;
		let pages: CachedPage[];
		if ( cached ) {
			snapshot = await this.refresh( cached, read, ( loaded, total ) => {
				if ( onProgress ) {
					onProgress( { loaded, total, requests } );
				}
			} );
			pages = snapshot.pages;
		} else {
			const { root, prefix } = this.titles;
			const cold = await readPagesWithPrefix( read, root.namespace, prefix, ( batch, loaded ) => {
				// Parsed while the next batch is on its way: the reading (parsing and
				// validating records) costs no time on the network's path.
				for ( const page of batch ) {
					this.titles.learnNamespace( page.title );
					if ( this.titles.idOf( page.title ) !== null ) {
						this.entryOf( page );
					}
				}
				if ( onProgress ) {
					onProgress( { loaded, requests } );
				}
			} );
			pages = cold.pages;
			// The first answer's time: anything later is picked up by the next warm open.
			snapshot = cold.readAt === undefined ? null : {
				version: 1,
				key: this.cache ? this.cache.key : '',
				syncedAt: cold.readAt,
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
	 * Start reading the browser's cache now (opening IndexedDB takes a while), so that
	 * it overlaps with whatever the caller does before open(), e.g. mounting the app.
	 */
	public prepare(): void {
		if ( !this.snapshot && this.cache && !this.cacheRead ) {
			this.cacheRead = this.cache.load().catch( () => null );
		}
	}

	/**
	 * @param title Full title
	 * @param base The revision an edit starts from
	 * @param base.revid Its id
	 * @param base.timestamp Its time
	 * @return When we last knew that revision to be current: the snapshot's time if the
	 *  snapshot has it, else the revision's own time
	 */
	public readTime( title: string, base: { revid: number; timestamp: string } ): string {
		const page = this.snapshot && this.snapshot.pages.find( ( p ) => p.title === title );
		return page && page.revid === base.revid && this.snapshot ? this.snapshot.syncedAt : base.timestamp;
	}

	/**
	 * @param page A page as it now stands (e.g. just saved), put in the snapshot
	 */
	public remember( page: CachedPage ): void {
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

	/** Save the snapshot to the cache; never throws. */
	public async persist(): Promise<void> {
		if ( this.cache && this.snapshot && this.snapshot.key === this.cache.key ) {
			try {
				await this.cache.save( this.snapshot );
			} catch {
				// The cache is an optimisation; it never fails an open or a save.
			}
		}
	}

	/**
	 * @param page A record page
	 * @return Its entry, parsed once per revision
	 */
	public entryOf( page: CachedPage ): RecordEntry {
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
			id: this.titles.idOf( page.title ) ?? page.title,
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
			.filter( ( p ) => this.titles.idOf( p.title ) !== null )
			.map( ( p ) => this.entryOf( p ) )
			.sort( ( a, b ) => TITLE_ORDER.compare( a.title, b.title ) );
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

	/**
	 * Bring a snapshot up to date from recent changes.
	 *
	 * @param snapshot The snapshot (not changed)
	 * @param read How to read
	 * @param progress Told after each request
	 * @return The snapshot brought up to date
	 */
	private async refresh(
		snapshot: CacheSnapshot,
		read: Read,
		progress: ( loaded: number, total: number ) => void,
	): Promise<CacheSnapshot> {
		const byTitle = new Map( snapshot.pages.map( ( p ) => [ p.title, p ] ) );
		// What to do with each title changed since the snapshot: the last event decides.
		const actions = new Map<string, Action>();
		const syncedAt = await queryAll( read, {
			action: 'query',
			list: 'recentchanges',
			rcnamespace: this.titles.root.namespace,
			rcstart: apiTime( Date.parse( snapshot.syncedAt ) - RC_OVERLAP_MS ),
			rcdir: 'newer',
			rctype: [ 'edit', 'new', 'log' ],
			rcprop: [ 'title', 'ids', 'timestamp', 'loginfo' ],
			rclimit: 'max',
			curtimestamp: true,
		}, ( answer ) => {
			for ( const change of ( answer.query && answer.query.recentchanges ) || [] ) {
				this.apply( change, byTitle, actions );
			}
			progress( byTitle.size, byTitle.size );
		} );

		for ( const [ title, action ] of actions ) {
			if ( action === 'gone' ) {
				byTitle.delete( title );
			}
		}
		const toFetch = [ ...actions ].filter( ( [ , action ] ) => action === 'fetch' ).map( ( [ title ] ) => title );
		await readPagesByTitle( read, toFetch, ( pages, titles ) => {
			const found = new Map( pages.map( ( p ) => [ p.title, p ] ) );
			for ( const title of titles ) {
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
		} );
		return { ...snapshot, syncedAt: syncedAt ?? snapshot.syncedAt, pages: [ ...byTitle.values() ] };
	}

	/**
	 * @param change One recentchanges item (formatversion=2)
	 * @param byTitle The snapshot's pages by title
	 * @param actions What to do with each title, updated
	 */
	private apply( change: ApiResponse, byTitle: Map<string, CachedPage>, actions: Map<string, Action> ): void {
		const title = String( change.title );
		const ours = this.titles.idOf( title, Number( change.ns ) ) !== null;
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
		const params: ApiResponse = change.logparams || {};
		if ( change.logtype === 'move' ) {
			// JSON pages cannot be redirects, so the old title is left empty.
			if ( ours ) {
				actions.set( title, 'gone' );
			}
			const target = String( params.target_title ?? '' );
			if ( target && this.titles.idOf( target, Number( params.target_ns ) ) !== null ) {
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
