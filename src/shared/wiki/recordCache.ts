/**
 * The per-browser cache of record pages, so that a warm open asks the wiki only for
 * what changed. A cache is an optimisation: every implementation degrades to "no
 * cache" when it cannot work, and never throws to its callers.
 */
import type { PageRevision } from './jsonPages';

/** One page as last read from the wiki (content untrusted; parsed again on every open). */
export type CachedPage = PageRevision;

/** Everything known about the record pages of one wiki at one time. */
export interface CacheSnapshot {
	version: 1;
	/** Which wiki and root (API URL + root title), so two wikis never mix */
	key: string;
	/** Server time (curtimestamp) the snapshot is complete up to */
	syncedAt: string;
	pages: CachedPage[];
}

export interface RecordCache {
	/** The key snapshots are saved under, and that a loaded snapshot must carry */
	readonly key: string;
	/** @return The snapshot for this key, or null when there is none (or none usable) */
	load(): Promise<CacheSnapshot | null>;
	/** Replace the snapshot for this key (best effort) */
	save( snapshot: CacheSnapshot ): Promise<void>;
	/** Forget the snapshot for this key (best effort) */
	clear(): Promise<void>;
}

/**
 * @param apiUrl The API the records are read from
 * @param root The records root, e.g. "4:Partnerships"
 * @return A cache key for them
 */
export function cacheKey( apiUrl: string, root: string ): string {
	return `${ apiUrl }#${ root }`;
}

function isCachedPage( value: unknown ): value is CachedPage {
	if ( typeof value !== 'object' || value === null ) {
		return false;
	}
	const p = value as Record<string, unknown>;
	return typeof p.pageid === 'number' && typeof p.title === 'string' && typeof p.revid === 'number' &&
		typeof p.timestamp === 'string' && typeof p.content === 'string' &&
		( p.user === undefined || typeof p.user === 'string' );
}

/**
 * @param value Anything read from storage
 * @param key The key it must carry
 * @return Whether it is a usable snapshot for that key
 */
export function isSnapshot( value: unknown, key: string ): value is CacheSnapshot {
	if ( typeof value !== 'object' || value === null ) {
		return false;
	}
	const s = value as Record<string, unknown>;
	return s.version === 1 && s.key === key && typeof s.syncedAt === 'string' &&
		!Number.isNaN( Date.parse( s.syncedAt ) ) &&
		Array.isArray( s.pages ) && s.pages.every( isCachedPage );
}

function copy( snapshot: CacheSnapshot ): CacheSnapshot {
	return { ...snapshot, pages: snapshot.pages.map( ( p ) => ( { ...p } ) ) };
}

/**
 * A cache that lives as long as the page (and for tests).
 */
export class MemoryRecordCache implements RecordCache {
	public readonly key: string;

	private snapshot: CacheSnapshot | null = null;

	/**
	 * @param key Cache key
	 */
	public constructor( key = 'memory' ) {
		this.key = key;
	}

	public async load(): Promise<CacheSnapshot | null> {
		return this.snapshot && isSnapshot( this.snapshot, this.key ) ? copy( this.snapshot ) : null;
	}

	public async save( snapshot: CacheSnapshot ): Promise<void> {
		this.snapshot = copy( snapshot );
	}

	public async clear(): Promise<void> {
		this.snapshot = null;
	}
}

const STORE = 'snapshots';

export interface IndexedDbRecordCacheOptions {
	/** The IndexedDB to use (default: the browser's) */
	factory?: IDBFactory;
	/** How long to wait for the database to open before doing without it (default 3 s) */
	openTimeoutMs?: number;
}

/**
 * A cache in the browser's IndexedDB: one object store, one snapshot per key. When
 * IndexedDB is missing, refused (private windows, blocked by another tab, quota
 * exceeded, corrupt), it behaves as an empty cache.
 */
export class IndexedDbRecordCache implements RecordCache {
	public readonly key: string;

	private readonly dbName: string;

	private readonly options: IndexedDbRecordCacheOptions;

	private db: Promise<IDBDatabase | null> | null = null;

	/**
	 * @param dbName Database name
	 * @param key Cache key (see cacheKey)
	 * @param options Options
	 */
	public constructor( dbName: string, key: string, options: IndexedDbRecordCacheOptions = {} ) {
		this.dbName = dbName;
		this.key = key;
		this.options = options;
	}

	public async load(): Promise<CacheSnapshot | null> {
		const value = await this.run<unknown>( 'readonly', ( store ) => store.get( this.key ) );
		return isSnapshot( value, this.key ) ? value : null;
	}

	public async save( snapshot: CacheSnapshot ): Promise<void> {
		if ( snapshot.key !== this.key ) {
			return;
		}
		await this.run( 'readwrite', ( store ) => store.put( snapshot ) );
	}

	public async clear(): Promise<void> {
		await this.run( 'readwrite', ( store ) => store.delete( this.key ) );
	}

	private open(): Promise<IDBDatabase | null> {
		if ( this.db ) {
			return this.db;
		}
		this.db = new Promise( ( resolve ) => {
			let settled = false;
			let timer: ReturnType<typeof setTimeout> | undefined;
			const done = ( db: IDBDatabase | null ): void => {
				if ( settled ) {
					// Opened after we gave up waiting: let it go.
					if ( db ) {
						db.close();
					}
					return;
				}
				settled = true;
				if ( timer !== undefined ) {
					clearTimeout( timer );
				}
				resolve( db );
			};
			try {
				const factory = this.options.factory ?? globalThis.indexedDB;
				if ( !factory ) {
					done( null );
					return;
				}
				// 'blocked' fires when another tab holds an older version open; we wait
				// a little for it, then do without.
				timer = setTimeout( () => done( null ), this.options.openTimeoutMs ?? 3000 );
				const request = factory.open( this.dbName, 1 );
				request.onupgradeneeded = () => {
					const db = request.result;
					if ( !db.objectStoreNames.contains( STORE ) ) {
						db.createObjectStore( STORE, { keyPath: 'key' } );
					}
				};
				request.onsuccess = () => {
					const db = request.result;
					// Let a newer version (another tab) upgrade: close, and reopen next time.
					db.onversionchange = () => {
						db.close();
						this.db = null;
					};
					done( db );
				};
				request.onerror = ( event ) => {
					event.preventDefault();
					done( null );
				};
			} catch {
				// Accessing or opening IndexedDB throws in some privacy modes.
				done( null );
			}
		} );
		return this.db;
	}

	private async run<T>(
		mode: IDBTransactionMode,
		request: ( store: IDBObjectStore ) => IDBRequest,
	): Promise<T | undefined> {
		const db = await this.open();
		if ( !db ) {
			return undefined;
		}
		return new Promise( ( resolve ) => {
			try {
				const tx = db.transaction( STORE, mode );
				const req = request( tx.objectStore( STORE ) );
				tx.oncomplete = () => {
					try {
						resolve( req.result as T );
					} catch {
						resolve( undefined );
					}
				};
				// A failed request (e.g. QuotaExceededError) aborts the transaction.
				tx.onerror = () => resolve( undefined );
				tx.onabort = () => resolve( undefined );
			} catch {
				// InvalidStateError (closed database), DataCloneError, …
				resolve( undefined );
			}
		} );
	}
}
