import { describe, expect, it } from 'vitest';
import { mergePartnerships, resolveConflicts } from '../../../../src/knowledge/domain/merge';
import { Partnership } from '../../../../src/knowledge/domain/partnership';
import { FULL_RECORD } from '../../../support/records';

const base: Partnership = structuredClone( FULL_RECORD );

function edit( change: ( draft: Partnership ) => void ): Partnership {
	const copy = structuredClone( base );
	change( copy );
	return copy;
}

describe( 'mergePartnerships', () => {
	it( 'takes the one side when nothing else changed', () => {
		const theirs = edit( ( r ) => {
			r.name = 'Renamed';
		} );
		expect( mergePartnerships( base, theirs, base ) ).toEqual( { merged: theirs, conflicts: [] } );
		expect( mergePartnerships( base, base, theirs ) ).toEqual( { merged: theirs, conflicts: [] } );
		expect( mergePartnerships( base, base, base ) ).toEqual( { merged: base, conflicts: [] } );
	} );

	it( 'merges disjoint changes', () => {
		const theirs = edit( ( r ) => {
			r.name = 'Renamed';
			r.themes.push( 'photography' );
			r.lessons.worked = 'Their lesson';
		} );
		const ours = edit( ( r ) => {
			r.status = 'concluded';
			r.end = '2021-01-01';
			r.lessons.advice = 'Our advice';
		} );
		const { merged, conflicts } = mergePartnerships( base, theirs, ours );
		expect( conflicts ).toEqual( [] );
		expect( merged ).toEqual( {
			...base,
			name: 'Renamed',
			themes: [ 'art', 'open data', 'photography' ],
			status: 'concluded',
			end: '2021-01-01',
			lessons: { worked: 'Their lesson', didNotWork: 'Metadata', advice: 'Our advice' },
		} );
	} );

	it( 'takes the same change made on both sides', () => {
		const both = edit( ( r ) => {
			r.name = 'Same';
		} );
		expect( mergePartnerships( base, both, structuredClone( both ) ) ).toEqual( { merged: both, conflicts: [] } );
	} );

	it( 'reports a conflict on the same field and holds their value', () => {
		const theirs = edit( ( r ) => {
			r.name = 'Theirs';
			r.summary.en = 'Their summary';
		} );
		const ours = edit( ( r ) => {
			r.name = 'Ours';
			r.summary.en = 'Our summary';
			r.type = 'library-data';
		} );
		const result = mergePartnerships( base, theirs, ours );
		expect( result.conflicts ).toEqual( [
			{ field: 'name', base: base.name, theirs: 'Theirs', ours: 'Ours' },
			{ field: 'summary/en', base: 'Images', theirs: 'Their summary', ours: 'Our summary' },
		] );
		expect( result.merged ).toMatchObject( { name: 'Theirs', type: 'library-data', summary: { en: 'Their summary', nl: 'Afbeeldingen' } } );
		expect( resolveConflicts( result, { name: 'ours', 'summary/en': 'theirs' } ) ).toEqual( {
			...base,
			name: 'Ours',
			type: 'library-data',
			summary: { en: 'Their summary', nl: 'Afbeeldingen' },
		} );
	} );

	it( 'compares lists as whole values', () => {
		const theirs = edit( ( r ) => {
			r.themes = [ 'art', 'photography' ];
		} );
		const ours = edit( ( r ) => {
			r.themes = [ 'art', 'open data', 'history' ];
		} );
		const result = mergePartnerships( base, theirs, ours );
		expect( result.conflicts.map( ( c ) => c.field ) ).toEqual( [ 'themes' ] );
		expect( resolveConflicts( result, { themes: 'ours' } ).themes ).toEqual( [ 'art', 'open data', 'history' ] );
	} );

	it( 'keeps one side deleting an optional field, unless the other changed it', () => {
		const ours = edit( ( r ) => {
			delete r.start;
			delete r.donation;
		} );
		const untouched = mergePartnerships( base, base, ours );
		expect( untouched.conflicts ).toEqual( [] );
		expect( untouched.merged ).not.toHaveProperty( 'start' );
		expect( untouched.merged ).not.toHaveProperty( 'donation' );

		const theirs = edit( ( r ) => {
			r.start = '2014-01-01';
			r.donation = { categories: [ 'Images from the Rijksmuseum' ], licence: 'CC0', files: 300 };
		} );
		const result = mergePartnerships( base, theirs, ours );
		expect( result.conflicts ).toEqual( [
			{ field: 'start', base: '2013-01-15', theirs: '2014-01-01', ours: undefined },
			// A donation removed on one side is one value, not three sub-keys.
			{ field: 'donation', base: base.donation, theirs: theirs.donation, ours: undefined },
		] );
		expect( result.merged ).toMatchObject( { start: '2014-01-01', donation: theirs.donation } );
		const deleted = resolveConflicts( result, { start: 'ours', donation: 'ours' } );
		expect( deleted ).not.toHaveProperty( 'start' );
		expect( deleted ).not.toHaveProperty( 'donation' );
		const kept = resolveConflicts( result, { start: 'theirs', donation: 'theirs' } );
		expect( kept ).toMatchObject( { start: '2014-01-01', donation: theirs.donation } );
	} );

	it( 'merges donations by sub-key when both sides have one', () => {
		const theirs = edit( ( r ) => {
			r.donation = { categories: [ 'Images from the Rijksmuseum' ], licence: 'CC0', files: 300 };
		} );
		const ours = edit( ( r ) => {
			r.donation = { categories: [ 'Images from the Rijksmuseum', 'Rijksmuseum prints' ], files: 250 };
		} );
		const { merged, conflicts } = mergePartnerships( base, theirs, ours );
		expect( conflicts ).toEqual( [] );
		// Our removal of the licence and our new category merge with their file count.
		expect( merged.donation ).toEqual( { categories: [ 'Images from the Rijksmuseum', 'Rijksmuseum prints' ], files: 300 } );
	} );

	it( 'merges summaries added in different languages, and lessons by part', () => {
		const theirs = edit( ( r ) => {
			r.summary.fr = 'Images (fr)';
			r.lessons.didNotWork = 'Theirs';
		} );
		const ours = edit( ( r ) => {
			r.summary.de = 'Bilder';
			delete r.summary.nl;
			r.lessons.advice = 'Ours';
		} );
		const { merged, conflicts } = mergePartnerships( base, theirs, ours );
		expect( conflicts ).toEqual( [] );
		expect( merged.summary ).toEqual( { de: 'Bilder', en: 'Images', fr: 'Images (fr)' } );
		expect( merged.lessons ).toEqual( { worked: 'Open licence', didNotWork: 'Theirs', advice: 'Ours' } );
	} );

	it( 'reports both adding a summary in the same language differently', () => {
		const theirs = edit( ( r ) => {
			r.summary.fr = 'A';
		} );
		const ours = edit( ( r ) => {
			r.summary.fr = 'B';
		} );
		expect( mergePartnerships( base, theirs, ours ).conflicts ).toEqual( [ { field: 'summary/fr', base: undefined, theirs: 'A', ours: 'B' } ] );
	} );

	it( 'adds a donation from one side', () => {
		const noDonation = edit( ( r ) => {
			delete r.donation;
		} );
		const ours = structuredClone( noDonation );
		ours.donation = { categories: [ 'X' ] };
		const { merged, conflicts } = mergePartnerships( noDonation, noDonation, ours );
		expect( conflicts ).toEqual( [] );
		expect( merged.donation ).toEqual( { categories: [ 'X' ] } );
	} );

	it( 'does not share objects with its inputs', () => {
		const theirs = edit( ( r ) => {
			r.themes.push( 'x' );
		} );
		const { merged } = mergePartnerships( base, theirs, base );
		merged.themes.push( 'y' );
		expect( theirs.themes ).toEqual( [ 'art', 'open data', 'x' ] );
	} );
} );

describe( 'resolveConflicts', () => {
	it( 'throws when a conflict has no choice', () => {
		const result = mergePartnerships( base, edit( ( r ) => {
			r.name = 'A';
		} ), edit( ( r ) => {
			r.name = 'B';
		} ) );
		expect( () => resolveConflicts( result, {} ) ).toThrow( /name/ );
		expect( () => resolveConflicts( result, { name: 'mine' as 'ours' } ) ).toThrow( /name/ );
		expect( resolveConflicts( result, { name: 'theirs' } ).name ).toBe( 'A' );
	} );

	it( 'returns the merge as it is when there are no conflicts', () => {
		const result = mergePartnerships( base, base, base );
		expect( resolveConflicts( result, {} ) ).toEqual( base );
	} );
} );
