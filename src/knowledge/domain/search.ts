/**
 * Finding partnerships: text search, facets with counts, sorting and pages, all in the
 * browser over records already loaded.
 *
 * The index does the expensive work once: it folds all text, collates names, interns
 * facet values and builds a vocabulary of words with the records that contain them.
 * A search term (which never contains white space) is in a record's text exactly when it
 * is in one of the record's words, so a keystroke scans the vocabulary, not every
 * record's text; the rest is integer work on typed arrays. Budget: p95 ≤ 16 ms per
 * keystroke at 10,000 records.
 */
import { Partnership } from './partnership';

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
interface FacetColumn {
	/** Value by id. */
	values: string[];
	/** Ids of record i are ids[ offsets[ i ] ] to ids[ offsets[ i + 1 ] - 1 ], each once. */
	offsets: Int32Array;
	ids: Int32Array;
}

/** Every distinct word of the folded texts, and which records have it. */
interface Vocabulary {
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

const SPECIAL_LETTERS: Record<string, string> = {
	ß: 'ss',
	æ: 'ae',
	œ: 'oe',
	ø: 'o',
	đ: 'd',
	ð: 'd',
	ħ: 'h',
	ı: 'i',
	ł: 'l',
	þ: 'th',
};

/**
 * Fold text for matching: lower case, without diacritics (Latin, Greek and Cyrillic
 * combining marks, not the vowel signs of Indic scripts, which change the word), a few
 * letters spelled the way people type them without a special keyboard ("ß" as "ss",
 * "ł" as "l"), white space collapsed.
 *
 * @param text Any text
 * @return The folded text
 */
export function fold( text: string ): string {
	// eslint-disable-next-line no-control-regex
	if ( !/[^\u0000-\u007f]/.test( text ) ) {
		// Plain ASCII, the common case: nothing to decompose.
		return text.toLowerCase().replace( /\s+/g, ' ' ).trim();
	}
	return text
		.normalize( 'NFD' )
		.toLowerCase()
		// Also removes the dot that "İ".toLowerCase() leaves as a combining mark. The
		// class holds combining marks only, on purpose.
		// eslint-disable-next-line no-misleading-character-class
		.replace( /[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]/g, '' )
		.replace( /[ßæœøđðħıłþ]/g, ( c ) => SPECIAL_LETTERS[ c ] )
		// Typographic apostrophes (and the modifier letters often typed for them) as the
		// one on the keyboard: "d'arte" finds "Museo d’Arte".
		.replace( /[\u2018\u2019\u02bc\u2032\u00b4`]/g, '\'' )
		// Arabic as people type it: without vowel marks (harakat), the hamza or madda on
		// an alef (which NFD has taken apart) or the tatweel that stretches a word, so
		// "الاسكندرية" finds "الإسكندرية". The class holds marks on purpose.
		// eslint-disable-next-line no-misleading-character-class
		.replace( /[\u0640\u064b-\u065f\u0670]/g, '' )
		.replace( /\s+/g, ' ' )
		.trim();
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

/**
 * @param value A page number or size from anywhere
 * @param fallback Used when it is not a number
 * @return A whole number at least 1
 */
function positive( value: number, fallback: number ): number {
	return Number.isFinite( value ) ? Math.max( 1, Math.floor( value ) ) : fallback;
}

// How a term was found in a record, best last; also its score.
const NOT_FOUND = 0;
const ELSEWHERE = 1;
const IN_NAME = 10;
const AT_NAME_WORD = 15;
// Terms in one query are limited to this many, so scores stay below SCORE_CEILING.
const MAX_TERMS = 32;
const SCORE_CEILING = MAX_TERMS * AT_NAME_WORD + 1;

/**
 * @param vocabulary The index's words
 * @param at A position in vocabulary.text
 * @return The word at that position
 */
function wordAt( vocabulary: Vocabulary, at: number ): number {
	const starts = vocabulary.starts;
	let low = 0;
	let high = starts.length - 2;
	while ( low < high ) {
		const mid = Math.floor( ( low + high + 1 ) / 2 );
		if ( starts[ mid ] <= at ) {
			low = mid;
		} else {
			high = mid - 1;
		}
	}
	return low;
}

/**
 * @param index The index
 * @param term A folded term with no white space
 * @return For each record, how the term was found (NOT_FOUND … AT_NAME_WORD)
 */
function findTerm( index: SearchIndex, term: string ): Uint8Array {
	const found = new Uint8Array( index.keys.length );
	const { text, starts, offsets, postings } = index.vocabulary;
	let from = 0;
	for ( let at = text.indexOf( term, from ); at !== -1; at = text.indexOf( term, from ) ) {
		const word = wordAt( index.vocabulary, at );
		// The first hit in a word is the earliest, so the word starts with the term
		// exactly when the first hit is at its start.
		const inName = at === starts[ word ] ? AT_NAME_WORD : IN_NAME;
		for ( let k = offsets[ word ]; k < offsets[ word + 1 ]; k++ ) {
			const posting = postings[ k ];
			const how = posting % 2 ? inName : ELSEWHERE;
			const record = ( posting - posting % 2 ) / 2;
			if ( found[ record ] < how ) {
				found[ record ] = how;
			}
		}
		from = starts[ word + 1 ];
	}
	return found;
}

// Recent terms per index: typing "museum open" looks "museum" up once, not per keystroke.
const termCache = new WeakMap<SearchIndex, Map<string, Uint8Array>>();
const TERM_CACHE_SIZE = 32;

function cachedFindTerm( index: SearchIndex, term: string ): Uint8Array {
	let cache = termCache.get( index );
	if ( !cache ) {
		cache = new Map();
		termCache.set( index, cache );
	}
	let found = cache.get( term );
	if ( found ) {
		// Most recently used last.
		cache.delete( term );
	} else {
		found = findTerm( index, term );
		if ( cache.size >= TERM_CACHE_SIZE ) {
			cache.delete( cache.keys().next().value as string );
		}
	}
	cache.set( term, found );
	return found;
}

function compareValues( a: FacetCount, b: FacetCount ): number {
	return b.count - a.count || ( a.value < b.value ? -1 : a.value > b.value ? 1 : 0 );
}

/**
 * Search, filter, count, sort and cut a page.
 *
 * @param index From createSearchIndex()
 * @param query What to find
 * @return The page of keys, the total, and facet counts
 */
export function searchPartnerships( index: SearchIndex, query: SearchQuery ): SearchResult {
	// eslint-disable-next-line no-control-regex -- the separator can never be part of a term
	const terms = [ ...new Set( fold( query.text ).split( /[\s\u0000]+/ ).filter( ( t ) => t !== '' ) ) ]
		.slice( 0, MAX_TERMS );
	const found = terms.map( ( term ) => cachedFindTerm( index, term ) );
	const size = index.keys.length;
	const filters = query.filters ?? {};

	// Chosen values per facet, as a lookup by value id.
	const active: { facet: FacetName; column: FacetColumn; chosen: Uint8Array }[] = [];
	for ( const facet of FACET_NAMES ) {
		const values = filters[ facet ];
		if ( Array.isArray( values ) && values.length ) {
			const column = index.facets[ facet ];
			const wanted = new Set( values );
			const chosen = Uint8Array.from( column.values, ( value ) => wanted.has( value ) ? 1 : 0 );
			active.push( { facet, column, chosen } );
		}
	}
	const counts = {} as Record<FacetName, Int32Array>;
	for ( const facet of FACET_NAMES ) {
		counts[ facet ] = new Int32Array( index.facets[ facet ].values.length );
	}

	const matches: number[] = [];
	const scores: number[] = [];
	records: for ( let i = 0; i < size; i++ ) {
		let score = 0;
		for ( const hits of found ) {
			if ( hits[ i ] === NOT_FOUND ) {
				continue records;
			}
			score += hits[ i ];
		}
		// Which facets' choices the record fails: none means it matches; exactly one
		// means it still counts towards that facet's values.
		let failed: FacetName | null = null;
		let failures = 0;
		for ( const { facet, column, chosen } of active ) {
			let ok = false;
			for ( let k = column.offsets[ i ]; k < column.offsets[ i + 1 ] && !ok; k++ ) {
				ok = chosen[ column.ids[ k ] ] === 1;
			}
			if ( !ok ) {
				failed = facet;
				if ( ++failures > 1 ) {
					continue records;
				}
			}
		}
		for ( const facet of FACET_NAMES ) {
			if ( failures === 0 || facet === failed ) {
				const { offsets, ids } = index.facets[ facet ];
				const count = counts[ facet ];
				for ( let k = offsets[ i ]; k < offsets[ i + 1 ]; k++ ) {
					count[ ids[ k ] ]++;
				}
			}
		}
		if ( failures === 0 ) {
			matches.push( i );
			scores.push( score );
		}
	}

	const facets = {} as Record<FacetName, FacetCount[]>;
	for ( const facet of FACET_NAMES ) {
		const count = counts[ facet ];
		const list: FacetCount[] = [];
		const listed = new Set<string>();
		index.facets[ facet ].values.forEach( ( value, id ) => {
			if ( count[ id ] > 0 ) {
				list.push( { value, count: count[ id ] } );
				listed.add( value );
			}
		} );
		for ( const value of filters[ facet ] ?? [] ) {
			if ( !listed.has( value ) ) {
				list.push( { value, count: 0 } );
				listed.add( value );
			}
		}
		facets[ facet ] = list.sort( compareValues );
	}

	const relevance = query.sort === 'relevance' && terms.length > 0;
	const sorted = sortMatches( index, matches, relevance ? scores : null, query.sort );
	const pageSize = positive( query.pageSize, 20 );
	const pageCount = Math.max( 1, Math.ceil( sorted.length / pageSize ) );
	const page = Math.min( positive( query.page, 1 ), pageCount );
	const keys: string[] = [];
	for ( let n = ( page - 1 ) * pageSize; n < Math.min( sorted.length, page * pageSize ); n++ ) {
		keys.push( index.keys[ sorted[ n ] ] );
	}
	return { keys, total: sorted.length, page, pageCount, facets };
}

function inOrder( matches: number[], ordering: Int32Array, reverse: boolean ): Int32Array {
	const wanted = new Uint8Array( ordering.length );
	for ( const i of matches ) {
		wanted[ i ] = 1;
	}
	const out = new Int32Array( matches.length );
	let n = 0;
	for ( let k = 0; k < ordering.length; k++ ) {
		const i = ordering[ reverse ? ordering.length - 1 - k : k ];
		if ( wanted[ i ] ) {
			out[ n++ ] = i;
		}
	}
	return out;
}

function sortMatches( index: SearchIndex, matches: number[], scores: number[] | null, sort: SortKey ): Int32Array {
	switch ( sort ) {
		case '-name':
			return inOrder( matches, index.byName, true );
		case 'start':
			return inOrder( matches, index.byStart, false );
		case '-start':
			return inOrder( matches, index.byStartDesc, false );
		case 'updated':
			return inOrder( matches, index.byUpdated, false );
		case '-updated':
			return inOrder( matches, index.byUpdatedDesc, false );
		case 'relevance':
			if ( scores ) {
				// Best score first, then by name: one number per match, sorted as numbers
				// (much faster than sorting objects with a comparator).
				const size = index.byName.length;
				const sortable = Float64Array.from(
					matches,
					( i, n ) => ( SCORE_CEILING - scores[ n ] ) * size + index.nameRank[ i ],
				);
				sortable.sort();
				return Int32Array.from( sortable, ( v ) => index.byName[ v % size ] );
			}
			return inOrder( matches, index.byName, false );
		default:
			// 'name', and anything unknown from a hand-edited URL.
			return inOrder( matches, index.byName, false );
	}
}
