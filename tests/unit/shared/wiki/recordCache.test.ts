import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
	CacheSnapshot,
	IndexedDbRecordCache,
	MemoryRecordCache,
	RecordCache,
	cacheKey,
	isSnapshot,
} from '../../../../src/shared/wiki/recordCache';

const KEY = cacheKey( 'https://meta.example/w/api.php', '4:Partnerships' );

function snapshot( key = KEY, pages = 2 ): CacheSnapshot {
	return {
		version: 1,
		key,
		syncedAt: '2026-11-01T00:00:00Z',
		pages: Array.from( { length: pages }, ( _, i ) => ( {
			pageid: i + 1, title: `Project:Partnerships/Records/r${ i }`, revid: 100 + i,
			timestamp: '2026-10-01T00:00:00Z', user: 'Alice', content: `{"n":${ i }}`,
		} ) ),
	};
}

afterEach( () => {
	vi.restoreAllMocks();
	vi.unstubAllGlobals();
} );

describe.each( [
	[ 'MemoryRecordCache', ( key: string ): RecordCache => new MemoryRecordCache( key ) ],
	[ 'IndexedDbRecordCache', ( key: string ): RecordCache => new IndexedDbRecordCache( 'test', key, { factory: new IDBFactory() } ) ],
] )( '%s', ( _name, make ) => {
	it( 'loads nothing at first, then what was saved, until cleared', async () => {
		const cache = make( KEY );
		expect( cache.key ).toBe( KEY );
		await expect( cache.load() ).resolves.toBeNull();
		await cache.save( snapshot() );
		await expect( cache.load() ).resolves.toEqual( snapshot() );
		await cache.save( snapshot( KEY, 3 ) );
		expect( ( await cache.load() )?.pages ).toHaveLength( 3 );
		await cache.clear();
		await expect( cache.load() ).resolves.toBeNull();
	} );

	it( 'keeps no reference to the saved object', async () => {
		const cache = make( KEY );
		const s = snapshot();
		await cache.save( s );
		s.pages[ 0 ].content = 'changed';
		expect( ( await cache.load() )?.pages[ 0 ].content ).toBe( '{"n":0}' );
	} );
} );

describe( 'IndexedDbRecordCache', () => {
	it( 'keeps one snapshot per key in one database, across instances', async () => {
		const factory = new IDBFactory();
		const ours = new IndexedDbRecordCache( 'partnerships', KEY, { factory } );
		const other = new IndexedDbRecordCache( 'partnerships', 'https://other.example/api.php#4:Partnerships', { factory } );
		await ours.save( snapshot() );
		await other.save( snapshot( other.key, 5 ) );
		// A snapshot for another key is never saved under ours.
		await ours.save( snapshot( 'wrong-key', 9 ) );
		const reopened = new IndexedDbRecordCache( 'partnerships', KEY, { factory } );
		expect( ( await reopened.load() )?.pages ).toHaveLength( 2 );
		expect( ( await other.load() )?.pages ).toHaveLength( 5 );
		await other.clear();
		expect( await reopened.load() ).not.toBeNull();
	} );

	it( 'works with the global indexedDB by default', async () => {
		const cache = new IndexedDbRecordCache( 'global-test', KEY );
		await cache.save( snapshot() );
		expect( await new IndexedDbRecordCache( 'global-test', KEY ).load() ).toEqual( snapshot() );
	} );

	it( 'ignores junk stored under its key', async () => {
		const factory = new IDBFactory();
		const cache = new IndexedDbRecordCache( 'junk', KEY, { factory } );
		await cache.save( snapshot() );
		// Write junk straight into the store.
		await new Promise<void>( ( resolve ) => {
			const req = factory.open( 'junk', 1 );
			req.onsuccess = () => {
				const tx = req.result.transaction( 'snapshots', 'readwrite' );
				tx.objectStore( 'snapshots' ).put( { key: KEY, version: 1, pages: 'nope' } );
				tx.oncomplete = () => resolve();
			};
		} );
		await expect( cache.load() ).resolves.toBeNull();
	} );

	it.each( [
		[ 'IndexedDB is missing', () => {
			vi.stubGlobal( 'indexedDB', undefined );
			return new IndexedDbRecordCache( 'x', KEY );
		} ],
		[ 'opening throws (privacy mode)', () => new IndexedDbRecordCache( 'x', KEY, { factory: {
			open: () => {
				throw new DOMException( 'denied', 'SecurityError' );
			},
		} as unknown as IDBFactory } ) ],
		[ 'opening fails', () => new IndexedDbRecordCache( 'x', KEY, { factory: {
			open: () => {
				const request = {} as IDBOpenDBRequest;
				setTimeout( () => ( request.onerror as ( e: unknown ) => void )( { preventDefault: () => undefined } ) );
				return request;
			},
		} as unknown as IDBFactory } ) ],
		[ 'opening is blocked by another tab', () => new IndexedDbRecordCache( 'x', KEY, {
			factory: { open: () => ( {} as IDBOpenDBRequest ) } as unknown as IDBFactory,
			openTimeoutMs: 10,
		} ) ],
	] )( 'behaves as an empty cache when %s', async ( _name, make ) => {
		const cache = make();
		await expect( cache.save( snapshot() ) ).resolves.toBeUndefined();
		await expect( cache.load() ).resolves.toBeNull();
		await expect( cache.clear() ).resolves.toBeUndefined();
	} );

	it( 'survives a full disk: the save is dropped, the old snapshot stays', async () => {
		const cache = new IndexedDbRecordCache( 'quota', KEY, { factory: new IDBFactory() } );
		await cache.save( snapshot() );
		vi.spyOn( IDBObjectStore.prototype, 'put' ).mockImplementation( () => {
			throw new DOMException( 'full', 'QuotaExceededError' );
		} );
		await expect( cache.save( snapshot( KEY, 7 ) ) ).resolves.toBeUndefined();
		vi.restoreAllMocks();
		expect( ( await cache.load() )?.pages ).toHaveLength( 2 );
	} );

	it( 'survives a snapshot that cannot be stored', async () => {
		const cache = new IndexedDbRecordCache( 'clone', KEY, { factory: new IDBFactory() } );
		const bad = { ...snapshot(), extra: () => undefined } as unknown as CacheSnapshot;
		await expect( cache.save( bad ) ).resolves.toBeUndefined();
		await expect( cache.load() ).resolves.toBeNull();
	} );
} );

describe( 'isSnapshot', () => {
	it.each( [
		[ snapshot(), true ],
		[ { ...snapshot(), version: 2 }, false ],
		[ { ...snapshot(), key: 'other' }, false ],
		[ { ...snapshot(), syncedAt: 'yesterday' }, false ],
		[ { ...snapshot(), pages: [ { title: 'x' } ] }, false ],
		[ { ...snapshot(), pages: [ { ...snapshot().pages[ 0 ], user: 5 } ] }, false ],
		[ null, false ],
	] )( '%#: %s', ( value, expected ) => {
		expect( isSnapshot( value, KEY ) ).toBe( expected );
	} );
} );
