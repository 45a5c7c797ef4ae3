/**
 * The one way JSON pages are written: a create that can only create, or an edit from a
 * base revision (baserevid + basetimestamp + starttimestamp) that can only edit, both
 * with assert=user, content model JSON and bounded retries (../api/retry.ts: at most 4
 * attempts, backoff with jitter, Retry-After honoured).
 *
 * Sending a write again is safe because of what is sent, and a lost answer is settled by
 * reading the page, never by writing again:
 * - a create whose answer was lost comes back from its retry as `articleexists`; the page
 *   is read, and it is ours (the caller says what "ours" means) or someone else's;
 * - an edit whose answer was lost comes back from its retry as a no-change edit (the base
 *   is stale, but MediaWiki sees no conflict with the account's own revision and the text
 *   is the same), so it can never save twice.
 *
 * `badtoken` is never retried here: ActionApi implementations fetch a fresh token and try
 * once more themselves (mw.Api does); a second `badtoken` is a lost session.
 */
import { ActionApi, ApiError, ApiParams, ApiResponse } from '../api/ActionApi';
import { RetryOptions, mayHaveLanded, withRetry } from '../api/retry';
import { FailureKind, asApiError, editAnswerError, writeFailureKind } from './failures';
import { PageRevision, readPage } from './jsonPages';
import { Read, retryingRead } from './query';

export interface PageWriterOptions {
	/** The wiki */
	api: ActionApi;
	/** How requests are retried */
	retry?: RetryOptions;
	/**
	 * The account writes are made as, recorded as the author of pages made from edit
	 * answers (which do not say); without it, those pages have no `user`
	 */
	userName?: string | null;
}

/** A JSON page to write. */
export interface PageWrite {
	/** Full title */
	title: string;
	/** The JSON text */
	text: string;
	/** Edit summary */
	summary?: string;
}

/** The revision an edit starts from. */
export interface BaseRevision {
	revid: number;
	timestamp: string;
}

/** How a write whose answer may have been lost is settled. */
export interface Settling {
	/** Whether a page found where we wrote holds what we wrote (default: never) */
	ours?: ( page: PageRevision ) => boolean;
	/**
	 * Whether a last failure that may have landed is settled by reading the page too (not
	 * only an `articleexists` after a lost answer). Callers that keep a draft to try again
	 * from can leave it to that later try.
	 */
	settleLastFailure?: boolean;
}

/** What a write did. `attempts` counts the write requests sent. */
export type WriteResult =
	/** Saved; page is the page as the edit answer says (or as read, when settled) */
	{ status: 'saved'; page: PageRevision; oldrevid?: number; attempts: number } |
	/** An edit that changed nothing: the page already held the text */
	{ status: 'nochange'; attempts: number; lost: boolean } |
	/** A create met a page; page is that page when it was read to settle a lost answer */
	{ status: 'exists'; error: ApiError; page: PageRevision | null; attempts: number } |
	{ status: 'failed'; error: ApiError; attempts: number; lost: boolean };

export type CreateResult = Exclude<WriteResult, { status: 'nochange' }>;

export type EditResult = Exclude<WriteResult, { status: 'exists' }>;

/** What sending one write did. */
export type Sent =
	/** answer is null when the write was found done (see send's `landed`) */
	{ ok: true; answer: ApiResponse | null; attempts: number; lost: boolean } |
	{ ok: false; error: ApiError; attempts: number; lost: boolean };

/**
 * Writes pages on one wiki.
 */
export class PageWriter {
	/** Reads with the same retries, e.g. to settle a lost answer */
	public readonly read: Read;

	private readonly api: ActionApi;

	private readonly retry: RetryOptions;

	private readonly userName: string | undefined;

	/**
	 * @param options The wiki, retries, and the account
	 */
	public constructor( options: PageWriterOptions ) {
		this.api = options.api;
		this.retry = options.retry ?? {};
		this.userName = options.userName ?? undefined;
		this.read = retryingRead( this.api, this.retry );
	}

	/**
	 * Create a page (createonly): never overwrites one.
	 *
	 * @param page What to write
	 * @param settling How a lost answer is settled
	 * @return What happened; throws only when a read to settle a lost answer fails
	 */
	public async create( page: PageWrite, settling: Settling = {} ): Promise<CreateResult> {
		const sent = await this.send( this.params( page, { createonly: true } ) );
		if ( sent.ok ) {
			return this.saved( page, sent );
		}
		const { error, attempts, lost } = sent;
		const exists = error.code === 'articleexists';
		if ( lost && ( exists || settling.settleLastFailure ) ) {
			// A lost answer: the page may be ours.
			const found = ( await readPage( this.read, page.title ) ).page;
			if ( found && settling.ours && settling.ours( found ) ) {
				return { status: 'saved', page: found, attempts };
			}
			if ( found ) {
				return { status: 'exists', error, page: found, attempts };
			}
		} else if ( exists ) {
			return { status: 'exists', error, page: null, attempts };
		}
		return { status: 'failed', error, attempts, lost };
	}

	/**
	 * Edit a page from a base revision (nocreate): a change made since the base is an
	 * edit conflict for MediaWiki to merge or refuse, never overwritten unseen.
	 *
	 * @param page What to write
	 * @param base The revision the edit starts from
	 * @param start When the base was last known to be current (default: its own time)
	 * @param settling How a lost answer is settled
	 * @return What happened; throws only when a read to settle a lost answer fails
	 */
	public async edit(
		page: PageWrite,
		base: BaseRevision,
		start?: string,
		settling: Settling = {},
	): Promise<EditResult> {
		const sent = await this.send( this.params( page, {
			baserevid: base.revid,
			basetimestamp: base.timestamp,
			starttimestamp: start ?? base.timestamp,
			nocreate: true,
		} ) );
		if ( sent.ok ) {
			return sent.answer && sent.answer.edit.nochange ?
				{ status: 'nochange', attempts: sent.attempts, lost: sent.lost } :
				this.saved( page, sent );
		}
		const { error, attempts, lost } = sent;
		if ( lost && settling.settleLastFailure ) {
			const found = ( await readPage( this.read, page.title ) ).page;
			if ( found && found.revid !== base.revid && settling.ours && settling.ours( found ) ) {
				return { status: 'saved', page: found, attempts };
			}
		}
		return { status: 'failed', error, attempts, lost };
	}

	/**
	 * Send one write (any POST that needs a token), with bounded retries. A request that
	 * may have been carried out although its answer was lost marks the write `lost`;
	 * `landed`, when given, is asked before each retry after that and after a last failure
	 * then, and a write it finds done is not sent again.
	 *
	 * @param params The request
	 * @param landed Whether the write is found done (e.g. our section on a talk page)
	 * @return The answer, or why not; an `action=edit` answer that is not a success is
	 *  a failure here
	 */
	public async send( params: ApiParams, landed?: () => Promise<boolean> ): Promise<Sent> {
		let attempts = 0;
		let lost = false;
		let answer: ApiResponse | null;
		try {
			answer = await withRetry( async () => {
				if ( lost && landed && await landed() ) {
					return null;
				}
				attempts++;
				return this.api.postWithEditToken( params );
			}, {
				...this.retry,
				onRetry: ( info ) => {
					lost = lost || mayHaveLanded( info.error );
					if ( this.retry.onRetry ) {
						this.retry.onRetry( info );
					}
				},
			} );
		} catch ( e ) {
			lost = lost || mayHaveLanded( e );
			if ( lost && landed && await landed().catch( () => false ) ) {
				return { ok: true, answer: null, attempts, lost };
			}
			return { ok: false, error: asApiError( e ), attempts, lost };
		}
		const error = answer && params.action === 'edit' ? editAnswerError( answer ) : null;
		return error ? { ok: false, error, attempts, lost } : { ok: true, answer, attempts, lost };
	}

	/**
	 * @param error Why a write failed
	 * @return The kind of failure, the account's rights read where they tell a rate limit
	 *  from a missing right (see writeFailureKind)
	 */
	public failureKind( error: ApiError ): Promise<FailureKind> {
		return writeFailureKind( error, async () => {
			const answer = await this.read( { action: 'query', meta: 'userinfo', uiprop: 'rights' } );
			const info = answer.query && answer.query.userinfo;
			return info && !info.anon && Array.isArray( info.rights ) ? info.rights.map( String ) : undefined;
		} );
	}

	private params( page: PageWrite, how: ApiParams ): ApiParams {
		return {
			action: 'edit',
			title: page.title,
			text: page.text,
			contentmodel: 'json',
			assert: 'user',
			summary: page.summary ?? '',
			...how,
		};
	}

	/**
	 * @param page What was written
	 * @param sent Its successful answer
	 * @return The page as it now stands
	 */
	private saved( page: PageWrite, sent: Extract<Sent, { ok: true }> ): Extract<WriteResult, { status: 'saved' }> {
		const edit = ( sent.answer && sent.answer.edit ) || {};
		const out: PageRevision = {
			pageid: Number( edit.pageid ),
			title: String( edit.title ?? page.title ),
			revid: Number( edit.newrevid ),
			timestamp: String( edit.newtimestamp ),
			content: page.text,
		};
		if ( this.userName !== undefined ) {
			out.user = this.userName;
		}
		return edit.oldrevid === undefined ?
			{ status: 'saved', page: out, attempts: sent.attempts } :
			{ status: 'saved', page: out, oldrevid: Number( edit.oldrevid ), attempts: sent.attempts };
	}
}
