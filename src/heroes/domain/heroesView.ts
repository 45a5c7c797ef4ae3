/**
 * What the community-heroes page shows, kept in the URL fragment so that every view can
 * be linked, bookmarked and reached with the back button, e.g.
 * `#view=hall&year=2026&category=mentor&region=002&language=dag`, `#hero=<id>`,
 * `#nominate`, `#nominations`; and the hall's filters with their counts.
 *
 * Pure: no Vue, no `mw`, no I/O.
 */
import { HERO_CATEGORIES, HeroCategory, Nomination, publicNominations } from './heroes';
import { LANGUAGE_PATTERN, RECORD_ID_PATTERN, REGIONS, USERNAME_PATTERN, WIKIDATA_ID_PATTERN } from '../../shared/schema/constants';

export const HEROES_VIEWS = [ 'hall', 'nominations', 'nominate', 'hero' ] as const;
export type HeroesViewName = typeof HEROES_VIEWS[ number ];

/** The hall's filters; one value each. */
export interface HeroFilters {
	/** Year of celebration, e.g. "2026" */
	year?: string;
	category?: HeroCategory;
	/** UN M49 region code */
	region?: string;
	/** BCP 47 language tag */
	language?: string;
}

export const HERO_FILTER_NAMES = [ 'year', 'category', 'region', 'language' ] as const;
export type HeroFilterName = typeof HERO_FILTER_NAMES[ number ];

export interface HeroesViewState {
	view: HeroesViewName;
	/** Nomination id, for 'hero' */
	id?: string;
	/** The hall's filters (kept while moving between views) */
	filters: HeroFilters;
}

/** Longest id read from a URL (ids are made from names; titles are at most 255 bytes). */
const MAX_ID_LENGTH = 255;

/**
 * @return The state when the fragment says nothing: the hall, unfiltered
 */
export function defaultHeroesView(): HeroesViewState {
	return { view: 'hall', filters: {} };
}

function decode( text: string ): string | null {
	try {
		return decodeURIComponent( text.replace( /\+/g, ' ' ) );
	} catch {
		return null;
	}
}

/**
 * @param name A filter
 * @param value A value read from a URL (untrusted)
 * @return Whether it is a value the filter can have
 */
export function isFilterValue( name: HeroFilterName, value: string ): boolean {
	switch ( name ) {
		case 'year':
			return /^[0-9]{4}$/.test( value );
		case 'category':
			return ( HERO_CATEGORIES as readonly string[] ).includes( value );
		case 'region':
			return ( REGIONS as readonly string[] ).includes( value );
		default:
			return value.length <= 35 && new RegExp( LANGUAGE_PATTERN ).test( value );
	}
}

function isId( value: string ): boolean {
	return value.length <= MAX_ID_LENGTH && new RegExp( RECORD_ID_PATTERN ).test( value );
}

/**
 * Read a view from a URL fragment. Lenient: unknown keys, bad encoding and values a
 * filter cannot have are ignored. Never throws.
 *
 * @param hash The fragment, with or without the leading '#'
 * @return The view
 */
export function parseHeroesView( hash: string ): HeroesViewState {
	const state = defaultHeroesView();
	if ( typeof hash !== 'string' ) {
		return state;
	}
	for ( const part of hash.replace( /^#/, '' ).split( '&' ) ) {
		const eq = part.indexOf( '=' );
		const key = decode( eq === -1 ? part : part.slice( 0, eq ) );
		const value = eq === -1 ? null : decode( part.slice( eq + 1 ) );
		if ( key === 'hero' ) {
			if ( value !== null && isId( value ) ) {
				state.view = 'hero';
				state.id = value;
			}
		} else if ( key === 'nominate' || key === 'nominations' ) {
			state.view = key;
			delete state.id;
		} else if ( key === 'view' ) {
			if ( value === 'hall' || value === 'nominations' || value === 'nominate' ) {
				state.view = value;
				delete state.id;
			}
		} else if ( key !== null && ( HERO_FILTER_NAMES as readonly string[] ).includes( key ) ) {
			const name = key as HeroFilterName;
			if ( value !== null && isFilterValue( name, value ) ) {
				( state.filters as Record<string, string> )[ name ] = value;
			}
		}
	}
	return state;
}

/**
 * Write a view as a URL fragment: only what differs from the default, in a fixed order,
 * so that the same view always gives the same URL.
 *
 * @param state The view
 * @return The fragment without '#'; '' for the unfiltered hall
 */
export function formatHeroesView( state: HeroesViewState ): string {
	const parts: string[] = [];
	if ( state.view === 'hero' && state.id && isId( state.id ) ) {
		parts.push( `hero=${ encodeURIComponent( state.id ) }` );
	} else if ( state.view === 'nominate' || state.view === 'nominations' ) {
		parts.push( state.view );
	}
	const filters: string[] = [];
	for ( const name of HERO_FILTER_NAMES ) {
		const value = state.filters[ name ];
		if ( value && isFilterValue( name, value ) ) {
			filters.push( `${ name }=${ encodeURIComponent( value ) }` );
		}
	}
	if ( filters.length && !parts.length ) {
		parts.push( 'view=hall' );
	}
	return [ ...parts, ...filters ].join( '&' );
}

/**
 * The query parameter that carries a view through logging in: Special:UserLogin
 * returns to `returnto` with `returntoquery`, but a URL fragment cannot go that way.
 */
export const VIEW_QUERY_PARAMETER = 'heroesview';

/**
 * @param state The view a reader logs in from
 * @return The `returntoquery` that brings it back (see viewCarriedBack), '' for the hall
 */
export function returnToQuery( state: HeroesViewState ): string {
	const fragment = formatHeroesView( state );
	return fragment ? `${ VIEW_QUERY_PARAMETER }=${ encodeURIComponent( fragment ) }` : '';
}

/**
 * After logging in: the page's URL with the carried view back in the fragment and the
 * parameter gone, so that the address shown (and copied) is the ordinary link. The
 * value is untrusted: it is read as a fragment (parseHeroesView) and written again, so
 * only a view comes through; a fragment the URL already has wins.
 *
 * @param url The page's URL
 * @return The URL to show instead (path, query and fragment), or null when it carries nothing
 */
export function viewCarriedBack( url: URL ): string | null {
	if ( !url.searchParams.has( VIEW_QUERY_PARAMETER ) ) {
		return null;
	}
	const carried = url.searchParams.get( VIEW_QUERY_PARAMETER ) ?? '';
	const search = new URLSearchParams( url.search );
	search.delete( VIEW_QUERY_PARAMETER );
	const query = search.toString();
	const fragment = url.hash.replace( /^#/, '' ) ? url.hash.replace( /^#/, '' ) :
		formatHeroesView( parseHeroesView( carried ) );
	return `${ url.pathname }${ query ? '?' + query : '' }${ fragment ? '#' + fragment : '' }`;
}

/**
 * @param nomination A nomination
 * @return The year it was celebrated, or null
 */
export function celebrationYear( nomination: Nomination ): string | null {
	const time = nomination.celebration?.time;
	return time && /^[0-9]{4}/.test( time ) ? time.slice( 0, 4 ) : null;
}

/**
 * @param nomination A nomination
 * @return Its regions: those tagged, and a community's own
 */
export function heroRegions( nomination: Nomination ): string[] {
	const own = nomination.record.nominee.kind === 'community' ? nomination.record.nominee.region : undefined;
	return [ ...new Set( [ ...( own ? [ own ] : [] ), ...nomination.record.regions ] ) ];
}

/**
 * @param nomination A nomination
 * @return Its languages: those tagged, and a community's own
 */
export function heroLanguages( nomination: Nomination ): string[] {
	const own = nomination.record.nominee.kind === 'community' ? nomination.record.nominee.language : undefined;
	return [ ...new Set( [ ...( own ? [ own ] : [] ), ...nomination.record.languages ] ) ];
}

function valuesOf( nomination: Nomination, name: HeroFilterName ): string[] {
	switch ( name ) {
		case 'year': {
			const year = celebrationYear( nomination );
			return year ? [ year ] : [];
		}
		case 'category':
			return [ nomination.record.category ];
		case 'region':
			return heroRegions( nomination );
		default:
			return heroLanguages( nomination );
	}
}

function matches( nomination: Nomination, filters: HeroFilters, except?: HeroFilterName ): boolean {
	return HERO_FILTER_NAMES.every( ( name ) => {
		const wanted = filters[ name ];
		return name === except || !wanted || valuesOf( nomination, name ).includes( wanted );
	} );
}

/**
 * @param nominations Nominations as assembled
 * @return The heroes: celebrated nominations (never declined ones), most recently
 *  celebrated first
 */
export function heroesOf( nominations: Nomination[] ): Nomination[] {
	return publicNominations( nominations )
		.filter( ( n ) => n.status === 'celebrated' && n.celebration )
		.sort( ( a, b ) => ( b.celebration?.time ?? '' ).localeCompare( a.celebration?.time ?? '' ) );
}

/**
 * @param nominations Nominations as assembled
 * @param filters The hall's filters
 * @return The heroes that pass every filter, most recently celebrated first
 */
export function filterHeroes( nominations: Nomination[], filters: HeroFilters ): Nomination[] {
	return heroesOf( nominations ).filter( ( n ) => matches( n, filters ) );
}

export type HeroFacets = Record<HeroFilterName, { value: string; count: number }[]>;

/**
 * Counts for each filter's values: how many heroes each value would show, given the
 * other filters (so that choosing a value never hides the other values of that filter).
 *
 * @param nominations Nominations as assembled
 * @param filters The hall's filters
 * @return Values with counts per filter: years newest first, others by count then value
 */
export function heroFacets( nominations: Nomination[], filters: HeroFilters ): HeroFacets {
	const heroes = heroesOf( nominations );
	const out = {} as HeroFacets;
	for ( const name of HERO_FILTER_NAMES ) {
		const counts = new Map<string, number>();
		for ( const hero of heroes ) {
			if ( matches( hero, filters, name ) ) {
				for ( const value of valuesOf( hero, name ) ) {
					counts.set( value, ( counts.get( value ) ?? 0 ) + 1 );
				}
			}
		}
		const chosen = filters[ name ];
		if ( chosen && !counts.has( chosen ) ) {
			counts.set( chosen, 0 );
		}
		out[ name ] = [ ...counts ].map( ( [ value, count ] ) => ( { value, count } ) ).sort( name === 'year' ?
			( a, b ) => b.value.localeCompare( a.value ) :
			( a, b ) => b.count - a.count || a.value.localeCompare( b.value ) );
	}
	return out;
}

/**
 * @param nominations Nominations as assembled
 * @return Open and ready nominations (never declined or celebrated ones), ready first,
 *  then newest first
 */
export function openNominations( nominations: Nomination[] ): Nomination[] {
	return publicNominations( nominations )
		.filter( ( n ) => n.status === 'open' || n.status === 'ready' )
		.sort( ( a, b ) => ( a.status === b.status ? 0 : a.status === 'ready' ? -1 : 1 ) ||
			b.record.created.localeCompare( a.record.created ) );
}

const USER_NAME = new RegExp( USERNAME_PATTERN );
const LANGUAGE = new RegExp( LANGUAGE_PATTERN );
const WIKIDATA_ID = new RegExp( WIKIDATA_ID_PATTERN );

/**
 * @param text A user name as typed (trimmed)
 * @return Whether a nomination may name it (see USERNAME_PATTERN)
 */
export function isUserName( text: string ): boolean {
	return text.length <= 85 && USER_NAME.test( text );
}

/**
 * @param text A language tag
 * @return Whether a nomination may hold it
 */
export function isLanguageTag( text: string ): boolean {
	return text.length <= 35 && LANGUAGE.test( text );
}

/**
 * @param text A Wikidata item id
 * @return Whether it has the form of one (Q123)
 */
export function isWikidataId( text: string ): boolean {
	return text.length <= 20 && WIKIDATA_ID.test( text );
}
