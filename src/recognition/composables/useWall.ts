import { ComputedRef, MaybeRefOrGetter, Ref, computed, onBeforeUnmount, onMounted, ref, shallowRef, toValue } from 'vue';
import type { ActionApi } from '../../shared/api/ActionApi';
import { Counted, countCategoryFiles } from '../data/donationStats';
import type { LinkedDonation } from '../domain/donations';
import { WallRow, WallSort, parseWallSort, sortWallRows, wallRows, withWallSort } from '../domain/wall';
import { errorText } from './useDonationStats';

export interface UseWallOptions {
	/** The API of the wiki showing the wall (category sizes are that wiki's) */
	api: ActionApi;
	/** Every donation on the wall */
	donations: MaybeRefOrGetter<LinkedDonation[]>;
	/** The reader's locales, for sorting names */
	locales: string[];
	/** The window whose fragment keeps the sort (a test may pass its own) */
	win?: Window;
}

/** A row of the wall with its files, once counted */
export interface CountedWallRow extends WallRow {
	/** Files in the row's categories, or null until counted */
	files: number | null;
}

export interface UseWallReturn {
	/** The rows, grouped by institution, in the wall's order (before any sort) */
	rows: ComputedRef<WallRow[]>;
	/** The rows as shown: sorted, with their files */
	sorted: ComputedRef<CountedWallRow[]>;
	/** Files by category, with the queries that counted them */
	counted: Ref<Counted<Map<string, number>> | null>;
	/** Whether the files are being counted */
	counting: Ref<boolean>;
	/** Why counting failed (untrusted; shown as text only), or '' */
	error: Ref<string>;
	/** The sort, as in the fragment */
	sort: Ref<WallSort | null>;
	/**
	 * Sort, and keep it in the fragment so that a sorted wall can be linked.
	 *
	 * @param next The sort, or null for the wall's order
	 */
	setSort( next: WallSort | null ): void;
}

/**
 * The recognition wall: donations by institution, the files in their categories
 * counted in batched requests once mounted, sorted as the URL's fragment says.
 *
 * @param options
 * @return The wall's rows and sort
 */
export function useWall( options: UseWallOptions ): UseWallReturn {
	const win = options.win ?? window;
	const rows = computed( () => wallRows( toValue( options.donations ) ) );
	const counted = shallowRef<Counted<Map<string, number>> | null>( null );
	const counting = ref( false );
	const error = ref( '' );
	const sort = ref<WallSort | null>( parseWallSort( win.location.hash ) );
	const collator = new Intl.Collator( options.locales );

	function filesOf( row: WallRow ): number | null {
		if ( !counted.value ) {
			return null;
		}
		let total = 0;
		for ( const category of row.categories ) {
			total += counted.value.value.get( category ) ?? 0;
		}
		return total;
	}

	const sorted = computed( () => sortWallRows( rows.value, ( row ) => filesOf( row ) ?? 0, sort.value, collator )
		.map( ( row ) => ( { ...row, files: filesOf( row ) } ) ) );

	function setSort( next: WallSort | null ): void {
		sort.value = next;
		// replaceState adds no history entry and does not scroll.
		const fragment = withWallSort( win.location.hash, next );
		win.history.replaceState( win.history.state, '', `${ win.location.pathname }${ win.location.search }${ fragment ? '#' + fragment : '' }` );
	}

	function onHashChange(): void {
		sort.value = parseWallSort( win.location.hash );
	}

	onMounted( () => {
		win.addEventListener( 'hashchange', onHashChange );
		const categories = [ ...new Set( rows.value.flatMap( ( r ) => r.categories ) ) ];
		if ( !categories.length ) {
			return;
		}
		counting.value = true;
		countCategoryFiles( options.api, categories ).then( ( result ) => {
			counted.value = result;
		}, ( e: unknown ) => {
			error.value = errorText( e );
		} ).finally( () => {
			counting.value = false;
		} );
	} );

	onBeforeUnmount( () => {
		win.removeEventListener( 'hashchange', onHashChange );
	} );

	return { rows, sorted, counted, counting, error, sort, setSort };
}
