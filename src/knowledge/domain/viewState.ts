/**
 * What the knowledge base shows, kept in the URL fragment so that a view can be
 * bookmarked, shared and reached with the back button, e.g.
 * `#q=museum&type=glam,health&page=2` or `#record=rijksmuseum-open-collection`.
 */
import { FACET_NAMES, FacetFilters, SORT_KEYS, SortKey } from './search';

export const VIEWS = [ 'list', 'record', 'edit', 'new' ] as const;
export type View = typeof VIEWS[ number ];

export interface ViewState {
	view: View;
	/** Record id, for 'record' and 'edit'. */
	id?: string;
	text: string;
	filters: FacetFilters;
	sort: SortKey;
	/** 1-based. */
	page: number;
}

/** Longest id, search text or filter value read from a URL. */
const MAX_LENGTH = 500;
/** Most values read for one facet. */
const MAX_VALUES = 50;
const MAX_PAGE = 1000000;

/**
 * @return The state when the fragment says nothing
 */
export function defaultViewState(): ViewState {
	return { view: 'list', text: '', filters: {}, sort: 'relevance', page: 1 };
}

function decode( text: string ): string | null {
	try {
		return decodeURIComponent( text.replace( /\+/g, ' ' ) );
	} catch {
		return null;
	}
}

function encode( text: string ): string {
	return encodeURIComponent( text );
}

function isOneOf<T extends string>( list: readonly T[], value: string ): value is T {
	return ( list as readonly string[] ).includes( value );
}

/**
 * Read a view from a URL fragment. Lenient: anything it does not understand (unknown
 * keys and facets, bad encoding, a page that is not a number) is ignored and the
 * default used instead. Never throws.
 *
 * @param hash The fragment, with or without the leading '#'
 * @return The view
 */
export function parseViewState( hash: string ): ViewState {
	const state = defaultViewState();
	if ( typeof hash !== 'string' ) {
		return state;
	}
	const filters = new Map<string, string[]>();
	for ( const part of hash.replace( /^#/, '' ).split( '&' ) ) {
		const eq = part.indexOf( '=' );
		const key = decode( eq === -1 ? part : part.slice( 0, eq ) );
		const raw = eq === -1 ? '' : part.slice( eq + 1 );
		if ( key === null ) {
			continue;
		}
		if ( key === 'record' || key === 'edit' ) {
			const id = decode( raw );
			if ( id !== null && id.trim() !== '' && id.length <= MAX_LENGTH ) {
				state.view = key;
				state.id = id;
			}
		} else if ( key === 'new' ) {
			state.view = 'new';
			delete state.id;
		} else if ( key === 'q' ) {
			const text = decode( raw );
			if ( text !== null ) {
				state.text = text.slice( 0, MAX_LENGTH );
			}
		} else if ( key === 'sort' ) {
			const sort = decode( raw );
			if ( sort !== null && isOneOf( SORT_KEYS, sort ) ) {
				state.sort = sort;
			}
		} else if ( key === 'page' ) {
			if ( /^[0-9]{1,7}$/.test( raw ) ) {
				state.page = Math.min( MAX_PAGE, Math.max( 1, Number( raw ) ) );
			}
		} else if ( isOneOf( FACET_NAMES, key ) ) {
			// Values are encoded one by one, so a literal ',' separates them.
			const values: string[] = [];
			for ( const piece of raw.split( ',' ) ) {
				const value = decode( piece );
				if ( value !== null && value !== '' && value.length <= MAX_LENGTH && !values.includes( value ) ) {
					values.push( value );
				}
			}
			if ( values.length ) {
				filters.set( key, values.slice( 0, MAX_VALUES ) );
			} else {
				filters.delete( key );
			}
		}
	}
	for ( const facet of FACET_NAMES ) {
		const values = filters.get( facet );
		if ( values ) {
			state.filters[ facet ] = values;
		}
	}
	return state;
}

/**
 * Write a view as a URL fragment: only what differs from the default, in a fixed order
 * (view, text, facets, sort, page), so the same view always gives the same URL.
 *
 * @param state The view
 * @return The fragment, without '#'; '' for the default view
 */
export function formatViewState( state: ViewState ): string {
	const parts: string[] = [];
	if ( ( state.view === 'record' || state.view === 'edit' ) && state.id ) {
		parts.push( `${ state.view }=${ encode( state.id ) }` );
	} else if ( state.view === 'new' ) {
		parts.push( 'new' );
	}
	if ( state.text ) {
		parts.push( `q=${ encode( state.text ) }` );
	}
	for ( const facet of FACET_NAMES ) {
		const values = [ ...new Set( ( state.filters && state.filters[ facet ] ) ?? [] ) ].filter( ( v ) => v !== '' );
		if ( values.length ) {
			parts.push( `${ facet }=${ values.map( encode ).join( ',' ) }` );
		}
	}
	if ( state.sort && state.sort !== 'relevance' ) {
		parts.push( `sort=${ encode( state.sort ) }` );
	}
	if ( Number.isFinite( state.page ) && Math.floor( state.page ) > 1 ) {
		parts.push( `page=${ Math.floor( state.page ) }` );
	}
	return parts.join( '&' );
}
