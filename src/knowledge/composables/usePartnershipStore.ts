import { InjectionKey, Ref, ref, shallowRef } from 'vue';
import { injectStrict } from '../../shared/ui/injectStrict';
import type {
	LoadProgress,
	PartnershipRepository,
	RecordEntry,
	SaveOutcome,
	SaveRequest,
} from '../data/partnershipRepository';

export type StoreState = 'idle' | 'loading' | 'ready' | 'error';

/**
 * The records as the panel sees them: loaded once, kept up to date by saves, shared
 * by every view of the panel.
 */
export interface PartnershipStore {
	entries: Ref<RecordEntry[]>;
	state: Ref<StoreState>;
	progress: Ref<LoadProgress>;
	/** Error text from the API (untrusted; shown as text only) */
	error: Ref<string | null>;
	/** Requests the last open made, and whether it was answered from the cache */
	lastOpen: Ref<{ requests: number; warm: boolean } | null>;
	open(): Promise<void>;
	/**
	 * @param id Record id (the page name after Records/)
	 * @return The entry, if loaded
	 */
	find( id: string ): RecordEntry | undefined;
	save( request: SaveRequest ): Promise<SaveOutcome>;
}

export const StoreKey: InjectionKey<PartnershipStore> = Symbol( 'partnerships-store' );

/**
 * @param repository Where records come from and go to
 * @return A store over it
 */
export function createPartnershipStore( repository: PartnershipRepository ): PartnershipStore {
	// Entries are replaced, never changed in place: a shallow ref spares Vue from wrapping
	// thousands of records in reactive proxies (the search index reads every field).
	const entries = shallowRef<RecordEntry[]>( [] );
	const state = ref<StoreState>( 'idle' );
	const progress = ref<LoadProgress>( { loaded: 0, requests: 0 } );
	const error = ref<string | null>( null );
	const lastOpen = ref<{ requests: number; warm: boolean } | null>( null );

	async function open(): Promise<void> {
		state.value = 'loading';
		error.value = null;
		progress.value = { loaded: 0, requests: 0 };
		try {
			const result = await repository.open( ( p ) => {
				progress.value = p;
			} );
			entries.value = result.entries;
			lastOpen.value = { requests: result.requests, warm: result.warm };
			state.value = 'ready';
		} catch ( e ) {
			error.value = e instanceof Error ? e.message : String( e );
			state.value = 'error';
		}
	}

	function find( id: string ): RecordEntry | undefined {
		return entries.value.find( ( e ) => e.id === id );
	}

	async function save( request: SaveRequest ): Promise<SaveOutcome> {
		const outcome = await repository.save( request );
		if ( outcome.status === 'saved' ) {
			const others = entries.value.filter( ( e ) => e.id !== outcome.entry.id );
			entries.value = [ ...others, outcome.entry ].sort( ( a, b ) => a.title.localeCompare( b.title ) );
		}
		return outcome;
	}

	return { entries, state, progress, error, lastOpen, open, find, save };
}

/**
 * @return The store provided by the app
 */
export function usePartnershipStore(): PartnershipStore {
	return injectStrict( StoreKey, 'knowledge base store' );
}
