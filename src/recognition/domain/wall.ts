/**
 * The recognition wall's data: donations read from the donations index (untrusted),
 * grouped by institution, sorted, with the sort kept in the URL fragment.
 */
import type { LinkedDonation } from './donations';

export const WALL_COLUMNS = [ 'institution', 'partnerships', 'categories', 'files' ] as const;
export type WallColumn = typeof WALL_COLUMNS[number];
export type WallDirection = 'asc' | 'desc';
export interface WallSort {
	column: WallColumn;
	direction: WallDirection;
}

export interface WallPartnership {
	id: string;
	name: string;
	recordUrl: string;
}

export interface WallRow {
	institution: string;
	partnerships: WallPartnership[];
	categories: string[];
}

const MAX_TEXT = 300;

function text( value: unknown ): string {
	return typeof value === 'string' ? value.trim().slice( 0, MAX_TEXT ) : '';
}

/**
 * Donations from the donations index `{ v: 1, r: [ [ id, partnership, institution, logo ] ],
 * c: { "<category>": rIndex } }`. Anything malformed is skipped.
 *
 * @param index The index (untrusted JSON)
 * @param recordUrl Builds the link to a record from its id
 * @return One hit per record that has at least its id and institution
 */
export function donationsFromIndex( index: unknown, recordUrl: ( id: string ) => string ): LinkedDonation[] {
	if ( !index || typeof index !== 'object' ) {
		return [];
	}
	const { v, r, c } = index as Record<string, unknown>;
	if ( v !== 1 || !Array.isArray( r ) ) {
		return [];
	}
	const categories = new Map<number, string[]>();
	if ( c && typeof c === 'object' && !Array.isArray( c ) ) {
		for ( const [ name, at ] of Object.entries( c as Record<string, unknown> ) ) {
			const category = text( name ).replace( /_/g, ' ' );
			if ( category && typeof at === 'number' && Number.isInteger( at ) ) {
				categories.set( at, [ ...( categories.get( at ) ?? [] ), category ] );
			}
		}
	}
	const hits: LinkedDonation[] = [];
	r.forEach( ( row, i ) => {
		if ( !Array.isArray( row ) ) {
			return;
		}
		const id = text( row[ 0 ] );
		const institution = text( row[ 2 ] );
		if ( !id || !institution ) {
			return;
		}
		hits.push( {
			id,
			partnership: text( row[ 1 ] ) || id,
			institution,
			categories: ( categories.get( i ) ?? [] ).sort(),
			recordUrl: recordUrl( id ),
		} );
	} );
	return hits;
}

/**
 * @param hits Donations
 * @return One row per institution (by name), its partnerships and categories deduplicated
 */
export function wallRows( hits: LinkedDonation[] ): WallRow[] {
	const rows = new Map<string, WallRow>();
	for ( const hit of hits ) {
		const row = rows.get( hit.institution ) ?? { institution: hit.institution, partnerships: [], categories: [] };
		rows.set( hit.institution, row );
		if ( !row.partnerships.some( ( p ) => p.id === hit.id ) ) {
			row.partnerships.push( { id: hit.id, name: hit.partnership, recordUrl: hit.recordUrl } );
		}
		for ( const category of hit.categories ) {
			if ( !row.categories.includes( category ) ) {
				row.categories.push( category );
			}
		}
	}
	return [ ...rows.values() ];
}

/**
 * @param hash The URL fragment, with or without '#'
 * @return The wall's sort it names (`wall-sort=files-desc`), or null
 */
export function parseWallSort( hash: string ): WallSort | null {
	const match = /(?:^#?|&)wall-sort=([a-z]+)-(asc|desc)(?:&|$)/.exec( hash );
	if ( !match || !( WALL_COLUMNS as readonly string[] ).includes( match[ 1 ] ) ) {
		return null;
	}
	return { column: match[ 1 ] as WallColumn, direction: match[ 2 ] as WallDirection };
}

/**
 * @param hash The current fragment
 * @param sort The sort to keep, or null for none
 * @return The fragment (without '#') with the sort set, other parts kept
 */
export function withWallSort( hash: string, sort: WallSort | null ): string {
	const parts = hash.replace( /^#/, '' ).split( '&' ).filter( ( p ) => p && !p.startsWith( 'wall-sort=' ) );
	if ( sort ) {
		parts.push( `wall-sort=${ sort.column }-${ sort.direction }` );
	}
	return parts.join( '&' );
}

/**
 * @param rows Rows
 * @param files Files by category (missing: not counted yet, sorts as 0)
 * @param sort The sort, or null to keep the rows' order
 * @param collator Compares names in the reader's language
 * @return The rows, sorted (a new array)
 */
export function sortWallRows(
	rows: WallRow[],
	files: ( row: WallRow ) => number,
	sort: WallSort | null,
	collator: Intl.Collator,
): WallRow[] {
	if ( !sort ) {
		return rows.slice();
	}
	const sign = sort.direction === 'asc' ? 1 : -1;
	const key = ( row: WallRow ): number | string => {
		switch ( sort.column ) {
			case 'institution': return row.institution;
			case 'partnerships': return row.partnerships.length;
			case 'categories': return row.categories.length;
			default: return files( row );
		}
	};
	return rows.slice().sort( ( a, b ) => {
		const ka = key( a );
		const kb = key( b );
		const order = typeof ka === 'string' ?
			collator.compare( ka, String( kb ) ) :
			ka - ( kb as number );
		return sign * order || collator.compare( a.institution, b.institution );
	} );
}
