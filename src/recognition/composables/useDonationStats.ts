import { MaybeRefOrGetter, Ref, ref, shallowRef, toValue } from 'vue';
import type { ActionApi } from '../../shared/api/ActionApi';
import {
	Counted, DEFAULT_USAGE_CAP, SinceStats, UsageStats,
	countCategoryFiles, countSince, countUsage, hasGlobalUsage, totalFiles,
} from '../data/donationStats';

export interface UseDonationStatsOptions {
	/** The API of the wiki where the files live */
	api: ActionApi;
	/** The donation's categories (names, no "Category:") */
	categories: MaybeRefOrGetter<string[]>;
	/** Files whose usage is counted before saying "at least" (DEFAULT_USAGE_CAP) */
	usageCap?: MaybeRefOrGetter<number | undefined>;
}

export interface UseDonationStatsReturn {
	/** Files in the categories */
	files: Ref<Counted<number> | null>;
	/** How many are used, on how many pages and wikis */
	usage: Ref<Counted<UsageStats> | null>;
	/** The first file added, and when */
	since: Ref<Counted<SinceStats | null> | null>;
	/** Counts under way */
	pending: Ref<number>;
	/** Why counts failed (untrusted; shown as text only), each once */
	errors: Ref<string[]>;
	/** Count everything, each number on its own (one failing leaves the others) */
	count(): void;
}

/**
 * @param e Anything thrown
 * @return Its text
 */
export function errorText( e: unknown ): string {
	return e instanceof Error ? e.message : String( e );
}

/**
 * What a donation achieved, counted on the wiki where its files live.
 *
 * @param options
 * @return The numbers, as they arrive
 */
export function useDonationStats( options: UseDonationStatsOptions ): UseDonationStatsReturn {
	const { api } = options;
	const files = shallowRef<Counted<number> | null>( null );
	const usage = shallowRef<Counted<UsageStats> | null>( null );
	const since = shallowRef<Counted<SinceStats | null> | null>( null );
	const pending = ref( 0 );
	const errors = ref<string[]>( [] );

	function track<T>( work: Promise<T>, done: ( value: T ) => void ): void {
		pending.value++;
		work.then( done, ( e: unknown ) => {
			errors.value = [ ...new Set( [ ...errors.value, errorText( e ) ] ) ];
		} ).finally( () => {
			pending.value--;
		} );
	}

	function count(): void {
		const names = toValue( options.categories );
		if ( !names.length ) {
			return;
		}
		const cap = toValue( options.usageCap ) ?? DEFAULT_USAGE_CAP;
		track( countCategoryFiles( api, names ), ( counted ) => {
			files.value = { ...counted, value: totalFiles( counted.value ) };
		} );
		track( hasGlobalUsage( api ).then( ( global ) => countUsage( api, names, { global, cap } ) ), ( counted ) => {
			usage.value = counted;
		} );
		track( countSince( api, names ), ( counted ) => {
			since.value = counted;
		} );
	}

	return { files, usage, since, pending, errors, count };
}
