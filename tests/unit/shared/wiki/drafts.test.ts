import { beforeEach, describe, expect, it } from 'vitest';
import { Draft, DraftStore, LocalStorageDraftStore, MemoryDraftStore, accountDraftPrefix, isDraft } from '../../../../src/shared/wiki/drafts';

function draft( key: string, savedAt = '2026-11-01T00:00:00.000Z', extra: Partial<Draft> = {} ): Draft {
	return { key, id: key.split( '/' ).pop() as string, record: { name: key }, base: null, savedAt, ...extra };
}

/** A Storage whose writes fail, as a full one does. */
class FullStorage implements Storage {
	private readonly items = new Map<string, string>();

	public get length(): number {
		return this.items.size;
	}

	public clear(): void {
		this.items.clear();
	}

	public getItem( key: string ): string | null {
		return this.items.get( key ) ?? null;
	}

	public key( index: number ): string | null {
		return [ ...this.items.keys() ][ index ] ?? null;
	}

	public removeItem( key: string ): void {
		this.items.delete( key );
	}

	public setItem(): void {
		throw new DOMException( 'full', 'QuotaExceededError' );
	}
}

describe.each( [
	[ 'MemoryDraftStore', (): DraftStore => new MemoryDraftStore() ],
	[ 'LocalStorageDraftStore', (): DraftStore => new LocalStorageDraftStore( 'test-draft:' ) ],
	[ 'LocalStorageDraftStore on full storage', (): DraftStore => new LocalStorageDraftStore( 'test-draft:', new FullStorage() ) ],
	[ 'LocalStorageDraftStore without storage', (): DraftStore => new LocalStorageDraftStore( 'test-draft:', null ) ],
] )( '%s', ( _name, make ) => {
	beforeEach( () => {
		localStorage.clear();
	} );

	it( 'puts, gets, lists (oldest first), replaces and removes drafts', () => {
		const store = make();
		expect( store.get( 'P/a' ) ).toBeNull();
		store.put( draft( 'P/b', '2026-11-02T00:00:00.000Z' ) );
		store.put( draft( 'P/a', '2026-11-01T00:00:00.000Z', { base: { revid: 5, timestamp: 't', record: { name: 'old' } } } ) );
		expect( store.get( 'P/a' ) ).toMatchObject( { id: 'a', base: { revid: 5 } } );
		expect( store.list().map( ( d ) => d.key ) ).toEqual( [ 'P/a', 'P/b' ] );
		store.put( draft( 'P/a', '2026-11-03T00:00:00.000Z', { lastError: 'editconflict' } ) );
		expect( store.get( 'P/a' ) ).toMatchObject( { lastError: 'editconflict' } );
		expect( store.list().map( ( d ) => d.key ) ).toEqual( [ 'P/b', 'P/a' ] );
		store.remove( 'P/a' );
		expect( store.get( 'P/a' ) ).toBeNull();
		expect( store.list() ).toHaveLength( 1 );
	} );

	it( 'returns copies, not the stored object', () => {
		const store = make();
		const d = draft( 'P/a' );
		store.put( d );
		( d.record as { name: string } ).name = 'changed later';
		expect( store.get( 'P/a' )?.record ).toEqual( { name: 'P/a' } );
	} );
} );

describe( 'LocalStorageDraftStore', () => {
	beforeEach( () => {
		localStorage.clear();
	} );

	it( 'keeps drafts across instances (page loads)', () => {
		new LocalStorageDraftStore( 'test-draft:' ).put( draft( 'P/a' ) );
		expect( new LocalStorageDraftStore( 'test-draft:' ).get( 'P/a' ) ).toMatchObject( { id: 'a' } );
		expect( localStorage.getItem( 'test-draft:P/a' ) ).not.toBeNull();
	} );

	it( 'skips junk and other prefixes', () => {
		localStorage.setItem( 'test-draft:junk', '{not json' );
		localStorage.setItem( 'test-draft:wrong-shape', JSON.stringify( { key: 'wrong-shape' } ) );
		localStorage.setItem( 'test-draft:other-key', JSON.stringify( draft( 'elsewhere' ) ) );
		localStorage.setItem( 'someone-else', JSON.stringify( draft( 'x' ) ) );
		const store = new LocalStorageDraftStore( 'test-draft:' );
		store.put( draft( 'P/ok' ) );
		expect( store.list().map( ( d ) => d.key ) ).toEqual( [ 'P/ok' ] );
		expect( store.get( 'junk' ) ).toBeNull();
		expect( store.get( 'wrong-shape' ) ).toBeNull();
	} );

	it( 'keeps a draft in memory when storage is full, and drops it there once stored', () => {
		const storage = new FullStorage();
		const store = new LocalStorageDraftStore( 'test-draft:', storage );
		store.put( draft( 'P/a' ) );
		expect( storage.length ).toBe( 0 );
		expect( store.get( 'P/a' ) ).toMatchObject( { id: 'a' } );
		store.remove( 'P/a' );
		expect( store.list() ).toEqual( [] );
	} );

	it( 'tolerates storage that throws on every access', () => {
		const hostile = {
			get length(): number {
				throw new Error( 'denied' );
			},
			getItem: () => {
				throw new Error( 'denied' );
			},
			setItem: () => {
				throw new Error( 'denied' );
			},
			removeItem: () => {
				throw new Error( 'denied' );
			},
			key: () => null,
			clear: () => undefined,
		} as Storage;
		const store = new LocalStorageDraftStore( 'test-draft:', hostile );
		store.put( draft( 'P/a' ) );
		expect( store.get( 'P/a' ) ).toMatchObject( { id: 'a' } );
		expect( store.list() ).toHaveLength( 1 );
		expect( () => store.remove( 'P/a' ) ).not.toThrow();
	} );
} );

describe( 'isDraft', () => {
	it.each( [
		[ draft( 'a' ), true ],
		[ { ...draft( 'a' ), base: { revid: 1, timestamp: 't', record: {} } }, true ],
		[ { ...draft( 'a' ), base: { revid: '1', timestamp: 't', record: {} } }, false ],
		[ { ...draft( 'a' ), base: undefined }, false ],
		[ { ...draft( 'a' ), lastError: 5 }, false ],
		[ null, false ],
		[ 'draft', false ],
	] )( '%j → %s', ( value, expected ) => {
		expect( isDraft( value ) ).toBe( expected );
	} );
} );

describe( 'drafts on a shared computer', () => {
	it( 'keeps each account\'s drafts apart, and a logged-out reader\'s apart from both', () => {
		const alice = new LocalStorageDraftStore( accountDraftPrefix( 'test-draft:', 'Alice' ) );
		alice.put( draft( 'P/a' ) );
		expect( new LocalStorageDraftStore( accountDraftPrefix( 'test-draft:', 'Alice' ) ).get( 'P/a' ) ).toMatchObject( { id: 'a' } );
		expect( new LocalStorageDraftStore( accountDraftPrefix( 'test-draft:', 'Bob' ) ).get( 'P/a' ) ).toBeNull();
		expect( new LocalStorageDraftStore( accountDraftPrefix( 'test-draft:', null ) ).get( 'P/a' ) ).toBeNull();
		expect( new LocalStorageDraftStore( accountDraftPrefix( 'test-draft:', 'Bob' ) ).list() ).toEqual( [] );
	} );

	it( 'keeps a name with the separator in it from reaching another account\'s drafts', () => {
		// "A" and "A:b" would otherwise share the prefix "d:A:".
		expect( accountDraftPrefix( 'd:', 'A:b' ) ).toBe( 'd:A%3Ab:' );
		expect( accountDraftPrefix( 'd:', 'A:b' ).startsWith( accountDraftPrefix( 'd:', 'A' ) ) ).toBe( false );
	} );
} );
