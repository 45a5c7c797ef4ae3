import { ref, Ref } from 'vue';
import { ActionApi } from '../data/ActionApi';
import { LoadProgress, RecordEntry, loadPartnerships } from '../data/partnershipRepository';
import { PageLocation } from '../domain/pageLocation';

export interface UsePartnershipsOptions {
	api: ActionApi;
	root: PageLocation;
}

export interface UsePartnershipsReturn {
	entries: Ref<RecordEntry[]>;
	loading: Ref<boolean>;
	progress: Ref<LoadProgress>;
	/** Error text from the API (untrusted; shown as text only) */
	error: Ref<string | null>;
	reload: () => Promise<void>;
}

/**
 * Load the partnership records, with progress and a normalised error.
 *
 * @param options Where to read from
 * @return Reactive state and a reload function
 */
export function usePartnerships( options: UsePartnershipsOptions ): UsePartnershipsReturn {
	const entries = ref<RecordEntry[]>( [] );
	const loading = ref( false );
	const progress = ref<LoadProgress>( { loaded: 0, requests: 0 } );
	const error = ref<string | null>( null );

	async function reload(): Promise<void> {
		loading.value = true;
		error.value = null;
		progress.value = { loaded: 0, requests: 0 };
		try {
			entries.value = await loadPartnerships( options.api, options.root, ( p ) => {
				progress.value = p;
			} );
		} catch ( e ) {
			error.value = e instanceof Error ? e.message : String( e );
		} finally {
			loading.value = false;
		}
	}

	return { entries, loading, progress, error, reload };
}
