import { describe, expect, it } from 'vitest';
import { effectScope, ref } from 'vue';
import { usePartnershipDrafts, UsePartnershipDraftsReturn } from '../../../../src/knowledge/composables/usePartnershipDrafts';
import { MemoryDraftStore } from '../../../../src/shared/wiki/drafts';
import type { Draft } from '../../../../src/shared/wiki/drafts';

const root = { namespace: 4, title: 'Partnerships' };

function draft( id: string, savedAt: string, base: Draft[ 'base' ] = null ): Draft {
	return { key: `Partnerships/${ id }`, id, record: { name: id }, base, savedAt };
}

function withDrafts( id: string | null, stored: Draft[], test: ( drafts: UsePartnershipDraftsReturn, store: MemoryDraftStore ) => void ): void {
	const kept = new MemoryDraftStore();
	stored.forEach( ( d ) => kept.put( d ) );
	const scope = effectScope();
	scope.run( () => test( usePartnershipDrafts( { id: ref( id ), drafts: kept, root, languages: [ 'en' ], exists: ( i ) => i === 'exists' } ), kept ) );
	scope.stop();
}

describe( 'usePartnershipDrafts', () => {
	it( 'offers a record\'s own draft when editing it', () => {
		withDrafts( 'orsay', [ draft( 'orsay', '2026-11-01T00:00:00Z', { revid: 1, timestamp: '2026-01-01T00:00:00Z', record: {} } ), draft( 'new', '2026-11-02T00:00:00Z' ) ], ( drafts ) => {
			expect( drafts.offer.value ).toBeNull();
			drafts.look();
			expect( drafts.offer.value!.id ).toBe( 'orsay' );
			expect( drafts.time.value ).toContain( '2026' );
		} );
	} );

	it( 'offers the newest draft of a record not created yet, when creating one', () => {
		withDrafts( null, [ draft( 'new', '2026-11-02T00:00:00Z' ), draft( 'newest', '2026-11-03T00:00:00Z' ), draft( 'exists', '2026-11-04T00:00:00Z' ) ], ( drafts ) => {
			drafts.look();
			expect( drafts.offer.value!.id ).toBe( 'newest' );
		} );
	} );

	it( 'removes a restored draft once the record is saved under another id, and a discarded one at once', () => {
		withDrafts( null, [ draft( 'old-name', '2026-11-02T00:00:00Z' ) ], ( drafts, kept ) => {
			drafts.look();
			expect( drafts.take()!.id ).toBe( 'old-name' );
			expect( drafts.offer.value ).toBeNull();
			expect( kept.list() ).toHaveLength( 1 );
			drafts.settle( 'new-name' );
			expect( kept.list() ).toEqual( [] );
		} );
		withDrafts( null, [ draft( 'gone', '2026-11-02T00:00:00Z' ) ], ( drafts, kept ) => {
			drafts.look();
			drafts.discard();
			expect( drafts.offer.value ).toBeNull();
			expect( kept.list() ).toEqual( [] );
		} );
	} );
} );
