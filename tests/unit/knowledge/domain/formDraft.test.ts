import { describe, expect, it } from 'vitest';
import { draftBase, draftTime, newRecordDraft } from '../../../../src/knowledge/domain/formDraft';
import type { Draft } from '../../../../src/shared/wiki/drafts';
import { makeRecord } from '../../../support/records';

function draft( id: string, base: Draft[ 'base' ] = null, savedAt = '2026-11-03T10:00:00Z' ): Draft {
	return { key: `Partnerships/${ id }`, id, record: { name: id }, base, savedAt };
}

describe( 'newRecordDraft', () => {
	it( 'offers the newest draft of a record not created yet', () => {
		const drafts = [
			draft( 'older' ),
			draft( 'edit', { revid: 1, timestamp: '2026-01-01T00:00:00Z', record: makeRecord() } ),
			draft( 'newer' ),
			draft( 'elsewhere' ),
		];
		expect( newRecordDraft( drafts, ( d ) => d.id !== 'elsewhere' ) ).toBe( drafts[ 2 ] );
		expect( newRecordDraft( drafts, ( d ) => d.id === 'older' ) ).toBe( drafts[ 0 ] );
		expect( newRecordDraft( drafts, () => false ) ).toBeNull();
		expect( newRecordDraft( [], () => true ) ).toBeNull();
	} );
} );

describe( 'draftTime', () => {
	it( 'gives the time for people, or the text as it is when it is not a time', () => {
		const time = draftTime( '2026-11-03T10:00:00Z', [ 'en' ] );
		expect( time ).toContain( '2026' );
		expect( time ).not.toBe( '2026-11-03T10:00:00Z' );
		expect( draftTime( 'yesterday', [ 'en' ] ) ).toBe( 'yesterday' );
		expect( draftTime( '', [ 'en' ] ) ).toBe( '' );
		// A language tag the browser refuses: the time as ISO 8601.
		expect( draftTime( '2026-11-03T10:00:00Z', [ 'not a language!' ] ) ).toBe( '2026-11-03T10:00:00.000Z' );
	} );
} );

describe( 'draftBase', () => {
	it( 'takes a draft\'s base when it holds a valid record, normalised', () => {
		const record = makeRecord();
		// Read back from the browser without the properties that have defaults.
		const partial: Record<string, unknown> = { ...record };
		delete partial.themes;
		expect( draftBase( { revid: 7, timestamp: '2026-10-01T00:00:00Z', record: partial } ) ).toEqual(
			{ revid: 7, timestamp: '2026-10-01T00:00:00Z', record },
		);
		expect( draftBase( null ) ).toBeUndefined();
		expect( draftBase( { revid: 7, timestamp: '2026-10-01T00:00:00Z', record: { name: 'No schema' } } ) ).toBeUndefined();
	} );
} );
