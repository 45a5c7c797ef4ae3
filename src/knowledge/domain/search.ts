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
import { fold } from '../../shared/i18n/fold';
import {
	FACET_NAMES, FacetColumn, FacetCount, FacetName, SearchIndex, SearchQuery, SearchResult, SortKey, Vocabulary,
} from './searchIndex';

export * from './searchIndex';
export { fold } from '../../shared/i18n/fold';

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
