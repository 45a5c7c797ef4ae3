/**
 * "Partnerships like this one": records of the same type, on the same themes, in the
 * same places, so that people starting something can learn from those who did it.
 */
import { Partnership } from './partnership';
import { SearchIndex, SearchItem, fold } from './search';

/** How much each kind of overlap counts. */
export const SIMILARITY_WEIGHTS = {
	type: 3,
	theme: 2,
	country: 2,
	region: 1,
	priority: 1,
} as const;

interface Profile {
	type: string;
	themes: ReadonlySet<string>;
	countries: ReadonlySet<string>;
	regions: ReadonlySet<string>;
	priorities: ReadonlySet<string>;
}

function profile( record: Partnership ): Profile {
	return {
		type: record.type,
		themes: new Set( record.themes.map( fold ) ),
		countries: new Set( record.countries ),
		regions: new Set( record.regions ),
		priorities: new Set( record.priorities ),
	};
}

function overlap( a: ReadonlySet<string>, b: ReadonlySet<string> ): number {
	let shared = 0;
	for ( const value of a ) {
		if ( b.has( value ) ) {
			shared++;
		}
	}
	return shared;
}

function score( a: Profile, b: Profile ): number {
	const w = SIMILARITY_WEIGHTS;
	return ( a.type === b.type ? w.type : 0 ) +
		w.theme * overlap( a.themes, b.themes ) +
		w.country * overlap( a.countries, b.countries ) +
		w.region * overlap( a.regions, b.regions ) +
		w.priority * overlap( a.priorities, b.priorities );
}

/**
 * @param a One record
 * @param b Another
 * @return How similar they are (see SIMILARITY_WEIGHTS); 0 when they have nothing in common
 */
export function similarityScore( a: Partnership, b: Partnership ): number {
	return score( profile( a ), profile( b ) );
}

/**
 * The records most like one record: scored by shared type, themes (compared folded),
 * countries, regions and priority areas; most similar first, then by name and key, so
 * the order is the same every time. Records with nothing in common are left out.
 *
 * @param source The records, or an index of them
 * @param key The record to compare with
 * @param limit How many to return at most
 * @return Keys of similar records, never including `key` itself
 */
export function similarPartnerships( source: SearchIndex | SearchItem[], key: string, limit = 5 ): string[] {
	const items = Array.isArray( source ) ? source : source.items;
	const self = items.find( ( item ) => item.key === key );
	if ( !self || !( limit >= 1 ) ) {
		return [];
	}
	const mine = profile( self.record );
	const scored: { key: string; name: string; score: number }[] = [];
	for ( const item of items ) {
		if ( item.key === key ) {
			continue;
		}
		const points = score( mine, profile( item.record ) );
		if ( points > 0 ) {
			scored.push( { key: item.key, name: fold( item.record.name ), score: points } );
		}
	}
	scored.sort( ( a, b ) => b.score - a.score ||
		( a.name < b.name ? -1 : a.name > b.name ? 1 : 0 ) ||
		( a.key < b.key ? -1 : a.key > b.key ? 1 : 0 ) );
	return scored.slice( 0, limit ).map( ( s ) => s.key );
}
