/**
 * The records of one wiki, as the knowledge base sees them: read (recordSync.ts), saved
 * (recordSave.ts through the one write path for JSON pages, ../../shared/wiki/pageWriter.ts),
 * and a draft kept for every save until the wiki confirms it.
 */
import { ActionApi } from '../../shared/api/ActionApi';
import { asApiError } from '../../shared/wiki/failures';
import { RecordCache } from '../../shared/wiki/recordCache';
import { Draft, DraftStore } from '../../shared/wiki/drafts';
import { RetryOptions } from '../../shared/api/retry';
import { PageLocation } from '../../shared/wiki/pageLocation';
import { PageWriter } from '../../shared/wiki/pageWriter';
import { LoadProgress, OpenResult, RecordEntry, RecordSync } from './recordSync';
import { RecordSaver, SaveOutcome, SaveRequest, draft } from './recordSave';
import { RecordTitles } from './recordTitles';

export type { FieldConflict } from '../domain/merge';
export type { FailureKind as DraftReason } from '../../shared/wiki/failures';
export type { LoadProgress, OpenResult, RecordEntry } from './recordSync';
export { CACHE_MAX_AGE_MS } from './recordSync';
export type { RecordRevision, SaveOutcome, SaveRequest } from './recordSave';
export { RECORDS_FOLDER, isValidRecordId } from './recordTitles';

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
 * Reads and writes partnership records on one wiki: batched reads, a cache brought up
 * to date from recent changes, and saves that never overwrite anyone silently (edit
 * conflicts are merged by field or handed to the person) and never lose work (a draft
 * is kept until the wiki confirms).
 */
export class PartnershipRepository {
	private readonly root: PageLocation;

	private readonly drafts: DraftStore | undefined;

	private readonly now: () => number;

	private readonly sync: RecordSync;

	private readonly saver: RecordSaver;

	/**
	 * @param options Where the records are and what to keep them in
	 */
	public constructor( options: PartnershipRepositoryOptions ) {
		const { api, cache } = options;
		const retry = options.retry ?? {};
		const titles = new RecordTitles( options.root );
		this.root = options.root;
		this.drafts = options.drafts;
		this.now = options.now ?? Date.now;
		this.sync = new RecordSync( { api, titles, cache, retry, now: this.now } );
		this.saver = new RecordSaver( {
			writer: new PageWriter( { api, retry, userName: options.userName } ),
			titles,
			sync: this.sync,
		} );
	}

	/** @return The cache write started by the last open(), for callers that need it done */
	public get persisting(): Promise<void> {
		return this.sync.persisting;
	}

	/**
	 * Read every record: cold in batches of 50, or warm from recent changes since the
	 * cached snapshot (see RecordSync.open).
	 *
	 * @param onProgress Told after each request
	 * @return The records, the requests made, and whether the open was warm
	 */
	public open( onProgress?: ( p: LoadProgress ) => void ): Promise<OpenResult> {
		return this.sync.open( onProgress );
	}

	/**
	 * Start reading the browser's cache now (opening IndexedDB takes a while), so that
	 * it overlaps with whatever the caller does before open(), e.g. mounting the app.
	 */
	public prepare(): void {
		this.sync.prepare();
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
			outcome = await this.saver.save( request );
		} catch ( e ) {
			outcome = draft( asApiError( e ) );
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
