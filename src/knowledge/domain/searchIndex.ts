/**
 * The search index over the records already loaded: built once per set of records, it
 * folds all text, collates names, interns facet values and builds a vocabulary of words
 * with the records that contain them (see search.ts for how a query uses it).
 */
import { Partnership } from './partnership';
import { fold } from '../../shared/i18n/fold';

export interface SearchItem {
	/** Record id (page name under the records folder). */
	key: string;
	record: Partnership;
	/** ISO 8601 time of the last edit. */
	timestamp: string;
}

export const FACET_NAMES = [ 'type', 'status', 'region', 'language', 'priority', 'steward' ] as const;
export type FacetName = typeof FACET_NAMES[ number ];

export const SORT_KEYS = [ 'relevance', 'name', '-name', 'start', '-start', 'updated', '-updated' ] as const;
export type SortKey = typeof SORT_KEYS[ number ];

export type FacetFilters = Partial<Record<FacetName, string[]>>;

export interface SearchQuery {
	/** Words to find, all of them, anywhere in a word of the record's text. */
	text: string;
	/** Values chosen per facet: any of them within a facet, all facets together. */
	filters: FacetFilters;
	sort: SortKey;
	/** 1-based; clamped to the pages there are. */
	page: number;
	pageSize: number;
}

export interface FacetCount {
	value: string;
	count: number;
}

export interface SearchResult {
	/** Keys of the records on the page asked for, in order. */
	keys: string[];
	/** How many records match. */
	total: number;
	/** The page returned (the one asked for, clamped). */
	page: number;
	/** At least 1. */
	pageCount: number;
	/**
	 * Per facet, how many records would match with that value chosen: counted over the
	 * records matching the text and every other facet's choice. Chosen values are listed
	 * even when their count is 0. Sorted by count (most first), then value.
	 */
	facets: Record<FacetName, FacetCount[]>;
}

/** One facet's values, interned: each record's values as ids into `values`. */
export interface FacetColumn {
	/** Value by id. */
	values: string[];
	/** Ids of record i are ids[ offsets[ i ] ] to ids[ offsets[ i + 1 ] - 1 ], each once. */
	offsets: Int32Array;
	ids: Int32Array;
}

/** Every distinct word of the folded texts, and which records have it. */
export interface Vocabulary {
	/** All words, each followed by SEPARATOR. */
	text: string;
	/** Where word w starts in text; one more entry for the end. */
	starts: Int32Array;
	/**
	 * Records having word w are postings[ offsets[ w ] ] to postings[ offsets[ w + 1 ] - 1 ],
	 * as record * 2 + 1 when the word is in the record's name, record * 2 otherwise.
	 */
	offsets: Int32Array;
	postings: Int32Array;
}

export interface SearchIndex {
	readonly items: readonly SearchItem[];
	/** Keys, same order as items. */
	readonly keys: readonly string[];
	/** Folded words of the name, partner labels, themes, summaries, lessons and values. */
	readonly vocabulary: Vocabulary;
	readonly facets: Readonly<Record<FacetName, FacetColumn>>;
	/** Positions in items, by name (folded, collated), then key. */
	readonly byName: Int32Array;
	/** Rank of each item in byName. */
	readonly nameRank: Int32Array;
	/** Positions in items, by start date, records without one last, then by name. */
	readonly byStart: Int32Array;
	/** Positions in items, by start date descending, records without one last, then by name. */
	readonly byStartDesc: Int32Array;
	/** Positions in items, by last edit, then by name. */
	readonly byUpdated: Int32Array;
	/** Positions in items, by last edit descending, then by name. */
	readonly byUpdatedDesc: Int32Array;
}

// Ends every word of the vocabulary. Search terms never contain it (it is taken out of
// queries, like white space), so no term matches across words.
const SEPARATOR = '\u0000';

/**
 * @param record A record
 * @return The texts searched besides the name
 */
function searchedTexts( record: Partnership ): string[] {
	return [
		...record.partners.map( ( p ) => p.label ),
		...record.themes,
		...Object.values( record.summary ),
		record.lessons.worked,
		record.lessons.didNotWork,
		record.lessons.advice,
		...record.values,
	];
}

/**
 * @param text Any text
 * @return Its folded words
 */
function wordsOf( text: string ): string[] {
	// eslint-disable-next-line no-control-regex -- the separator, which text may contain
	return text === '' ? [] : fold( text ).split( /[ \u0000]+/ );
}

function facetValues( record: Partnership, facet: FacetName ): readonly string[] {
	switch ( facet ) {
		case 'type':
			return [ record.type ];
		case 'status':
			return [ record.status ];
		case 'region':
			return [ ...record.regions, ...record.countries ];
		case 'language':
			return record.languages;
		case 'priority':
			return record.priorities;
		case 'steward':
			return record.stewards.map( ( s ) => s.organisation );
	}
}

function facetColumn( items: SearchItem[], facet: FacetName ): FacetColumn {
	const idOf = new Map<string, number>();
	const values: string[] = [];
	const offsets = new Int32Array( items.length + 1 );
	const ids: number[] = [];
	items.forEach( ( item, i ) => {
		offsets[ i ] = ids.length;
		const seen = new Set<number>();
		for ( const value of facetValues( item.record, facet ) ) {
			let id = idOf.get( value );
			if ( id === undefined ) {
				id = values.length;
				idOf.set( value, id );
				values.push( value );
			}
			if ( !seen.has( id ) ) {
				seen.add( id );
				ids.push( id );
			}
		}
	} );
	offsets[ items.length ] = ids.length;
	return { values, offsets, ids: Int32Array.from( ids ) };
}

function buildVocabulary( items: SearchItem[], names: string[] ): Vocabulary {
	const wordId = new Map<string, number>();
	const words: string[] = [];
	// Per word, the last record it was seen in, anywhere and in the name: a word is
	// posted once per record, as in the name if it is there.
	const seenIn: number[] = [];
	const seenInName: number[] = [];
	// Pairs of ( word, posting ), collected record by record.
	const pairWords: number[] = [];
	const pairPostings: number[] = [];
	const add = ( word: string, record: number, inName: boolean ): void => {
		if ( word === '' ) {
			return;
		}
		let id = wordId.get( word );
		if ( id === undefined ) {
			id = words.length;
			wordId.set( word, id );
			words.push( word );
			seenIn.push( -1 );
			seenInName.push( -1 );
		}
		if ( inName ? seenInName[ id ] !== record : seenIn[ id ] !== record ) {
			seenIn[ id ] = record;
			if ( inName ) {
				seenInName[ id ] = record;
			}
			pairWords.push( id );
			pairPostings.push( record * 2 + ( inName ? 1 : 0 ) );
		}
	};
	items.forEach( ( item, record ) => {
		// eslint-disable-next-line no-control-regex -- the separator, which names may contain
		for ( const word of names[ record ].split( /[ \u0000]+/ ) ) {
			add( word, record, true );
		}
		for ( const text of searchedTexts( item.record ) ) {
			for ( const word of wordsOf( text ) ) {
				add( word, record, false );
			}
		}
	} );
	const offsets = new Int32Array( words.length + 1 );
	for ( const id of pairWords ) {
		offsets[ id + 1 ]++;
	}
	for ( let w = 0; w < words.length; w++ ) {
		offsets[ w + 1 ] += offsets[ w ];
	}
	const fill = offsets.slice( 0, words.length );
	const postings = new Int32Array( pairWords.length );
	pairWords.forEach( ( id, n ) => {
		postings[ fill[ id ]++ ] = pairPostings[ n ];
	} );
	const starts = new Int32Array( words.length + 1 );
	let at = 0;
	words.forEach( ( word, w ) => {
		starts[ w ] = at;
		at += word.length + 1;
	} );
	starts[ words.length ] = at;
	return { text: words.join( SEPARATOR ) + SEPARATOR, starts, offsets, postings };
}

function order( count: number, compare: ( a: number, b: number ) => number ): Int32Array {
	const positions = Array.from( { length: count }, ( _, i ) => i );
	return Int32Array.from( positions.sort( compare ) );
}

/**
 * Prepare records for searching. Do this once per set of records (it folds all text,
 * collates every name and builds the vocabulary), not per keystroke.
 *
 * @param items The records with their keys and last-edit times
 * @param locale Locale for sorting names; the browser's by default
 * @return The index
 */
export function createSearchIndex( items: SearchItem[], locale?: string ): SearchIndex {
	const keys = items.map( ( item ) => item.key );
	const names = items.map( ( item ) => fold( item.record.name ) );
	const collator = new Intl.Collator( locale );
	const byKey = ( a: number, b: number ): number => keys[ a ] < keys[ b ] ? -1 : keys[ a ] > keys[ b ] ? 1 : 0;
	const byName = order( items.length, ( a, b ) => collator.compare( names[ a ], names[ b ] ) || byKey( a, b ) );
	const nameRank = new Int32Array( items.length );
	byName.forEach( ( position, rank ) => {
		nameRank[ position ] = rank;
	} );
	const byRank = ( a: number, b: number ): number => nameRank[ a ] - nameRank[ b ];
	const compareText = ( a: string | undefined, b: string | undefined ): number => {
		// Missing values go last, whichever the direction.
		if ( a === b ) {
			return 0;
		}
		if ( a === undefined ) {
			return 1;
		}
		if ( b === undefined ) {
			return -1;
		}
		return a < b ? -1 : 1;
	};
	const start = ( i: number ): string | undefined => items[ i ].record.start;
	const updated = ( i: number ): string => items[ i ].timestamp;
	const facets = {} as Record<FacetName, FacetColumn>;
	for ( const facet of FACET_NAMES ) {
		facets[ facet ] = facetColumn( items, facet );
	}
	return {
		items,
		keys,
		vocabulary: buildVocabulary( items, names ),
		facets,
		byName,
		nameRank,
		byStart: order( items.length, ( a, b ) => compareText( start( a ), start( b ) ) || byRank( a, b ) ),
		byStartDesc: order( items.length, ( a, b ) => {
			const sa = start( a );
			const sb = start( b );
			return ( sa === undefined || sb === undefined ? compareText( sa, sb ) : compareText( sb, sa ) ) ||
				byRank( a, b );
		} ),
		byUpdated: order( items.length, ( a, b ) => compareText( updated( a ), updated( b ) ) || byRank( a, b ) ),
		byUpdatedDesc: order( items.length, ( a, b ) => compareText( updated( b ), updated( a ) ) || byRank( a, b ) ),
	};
}
