/**
 * Drafts: what a person typed, kept in the browser until the wiki confirms the save,
 * so that a lost session, a dropped connection or a conflict never loses work.
 */

/** One unsaved (or not yet confirmed) edit of a record. */
export interface Draft {
	/** Store key: records root and record id (see draftKey in partnershipRepository) */
	key: string;
	/** Record id */
	id: string;
	/** The record as the person left it (untrusted when read back: validate before use) */
	record: unknown;
	/** The revision the edit started from; null for a new record */
	base: { revid: number; timestamp: string; record: unknown } | null;
	/** When the draft was written (ISO 8601, browser clock) */
	savedAt: string;
	/** The API error code of the last failed save, if any */
	lastError?: string;
}

export interface DraftStore {
	/** @return The draft under key, or null */
	get( key: string ): Draft | null;
	/** Write (or replace) a draft */
	put( draft: Draft ): void;
	/** Forget a draft */
	remove( key: string ): void;
	/** @return Every draft, oldest first */
	list(): Draft[];
}

/**
 * @param value Anything read from storage
 * @return Whether it has the shape of a draft
 */
export function isDraft( value: unknown ): value is Draft {
	if ( typeof value !== 'object' || value === null ) {
		return false;
	}
	const d = value as Record<string, unknown>;
	const base = d.base as Record<string, unknown> | null | undefined;
	return typeof d.key === 'string' && typeof d.id === 'string' && 'record' in d &&
		typeof d.savedAt === 'string' &&
		( d.lastError === undefined || typeof d.lastError === 'string' ) &&
		( base === null || (
			typeof base === 'object' && base !== undefined &&
			typeof base.revid === 'number' && typeof base.timestamp === 'string' && 'record' in base
		) );
}

function bySavedAt( a: Draft, b: Draft ): number {
	return a.savedAt < b.savedAt ? -1 : a.savedAt > b.savedAt ? 1 : 0;
}

function clone( draft: Draft ): Draft {
	return JSON.parse( JSON.stringify( draft ) );
}

/**
 * Drafts for this page only (and for tests).
 */
export class MemoryDraftStore implements DraftStore {
	private readonly drafts = new Map<string, Draft>();

	public get( key: string ): Draft | null {
		const draft = this.drafts.get( key );
		return draft ? clone( draft ) : null;
	}

	public put( draft: Draft ): void {
		this.drafts.set( draft.key, clone( draft ) );
	}

	public remove( key: string ): void {
		this.drafts.delete( key );
	}

	public list(): Draft[] {
		return [ ...this.drafts.values() ].map( clone ).sort( bySavedAt );
	}
}

function defaultStorage(): Storage | null {
	try {
		return globalThis.localStorage ?? null;
	} catch {
		// Reading localStorage throws when the browser blocks site data.
		return null;
	}
}

/**
 * Drafts in localStorage, one item per draft under a prefix. Junk under the prefix
 * is skipped; when storage is missing or full, drafts are kept in memory for this page
 * instead, so a save in progress still has its draft.
 */
/**
 * The storage prefix of one account's drafts: on a shared computer, the next person to log
 * in is never offered the previous one's unsaved work (nor a logged-out reader anyone's).
 *
 * @param base The feature's prefix, e.g. "partnerships-draft:"
 * @param userName The logged-in account, or null
 * @return e.g. "partnerships-draft:Alice:"
 */
export function accountDraftPrefix( base: string, userName: string | null ): string {
	return `${ base }${ encodeURIComponent( userName ?? '' ) }:`;
}

export class LocalStorageDraftStore implements DraftStore {
	private readonly prefix: string;

	private readonly storage: Storage | null;

	private readonly fallback = new MemoryDraftStore();

	/**
	 * @param prefix Prefix of every storage key we own, e.g. "partnerships-draft:"
	 * @param storage Where to keep them (default: the browser's localStorage)
	 */
	public constructor( prefix: string, storage: Storage | null = defaultStorage() ) {
		this.prefix = prefix;
		this.storage = storage;
	}

	public get( key: string ): Draft | null {
		return this.fallback.get( key ) ?? this.read( this.prefix + key );
	}

	public put( draft: Draft ): void {
		try {
			if ( !this.storage ) {
				throw new Error( 'no storage' );
			}
			this.storage.setItem( this.prefix + draft.key, JSON.stringify( draft ) );
			this.fallback.remove( draft.key );
		} catch {
			// QuotaExceededError, storage disabled, or a record that does not serialise.
			this.fallback.put( draft );
		}
	}

	public remove( key: string ): void {
		this.fallback.remove( key );
		try {
			if ( this.storage ) {
				this.storage.removeItem( this.prefix + key );
			}
		} catch {
			// Nothing more to do: the item will be skipped or overwritten later.
		}
	}

	public list(): Draft[] {
		const found = new Map<string, Draft>();
		try {
			if ( this.storage ) {
				const keys: string[] = [];
				for ( let i = 0; i < this.storage.length; i++ ) {
					const k = this.storage.key( i );
					if ( k !== null && k.startsWith( this.prefix ) ) {
						keys.push( k );
					}
				}
				for ( const k of keys ) {
					const draft = this.read( k );
					if ( draft ) {
						found.set( draft.key, draft );
					}
				}
			}
		} catch {
			// Storage became unreadable: what we have is what we list.
		}
		for ( const draft of this.fallback.list() ) {
			found.set( draft.key, draft );
		}
		return [ ...found.values() ].sort( bySavedAt );
	}

	private read( storageKey: string ): Draft | null {
		try {
			const text = this.storage ? this.storage.getItem( storageKey ) : null;
			if ( text === null ) {
				return null;
			}
			const value: unknown = JSON.parse( text );
			return isDraft( value ) && this.prefix + value.key === storageKey ? value : null;
		} catch {
			return null;
		}
	}
}
