import { InjectionKey, Ref, ref, shallowRef } from 'vue';
import type { NominationInput, TalkMessage, WriteFailure } from '../data/heroesRepository';
import { Nomination, publicNominations } from '../domain/heroes';
import type { HeroesServices, RelatedPartnership } from '../services';
import { injectStrict } from '../../shared/ui/injectStrict';

export type HeroesStoreState = 'idle' | 'loading' | 'ready' | 'error';

/** Something threw where a failure was expected (a bug, a message that could not be read) */
export interface UnexpectedFailure {
	ok: false;
	reason: 'unexpected';
	code: 'unexpected';
	/** The error's text (untrusted; shown as text only) */
	message: string;
}

/** Why an action did not happen: the repository's reasons, or an unexpected error */
export type ActionFailure = WriteFailure | UnexpectedFailure;

/** What a celebration did, with the talk-page message it built (to post it again) */
export interface Celebrated {
	ok: true;
	talk: 'posted' | 'none' | 'failed';
	/** The message for the nominee's talk page, or null (a group, a community) */
	message: TalkMessage | null;
}

/**
 * The nominations as the heroes page sees them, and everything it does with them. The
 * components read and act through it and never call the repository.
 *
 * Writes do not reload: the page reloads once it has told the reader what happened
 * (HeroesApp), because a reload can remove the view that acted (a declined nomination
 * leaves every view) before it could say so.
 */
export interface HeroesStore {
	/** Public nominations (declined ones left out: they leave every view) */
	nominations: Ref<Nomination[]>;
	state: Ref<HeroesStoreState>;
	/** Why the last load failed (untrusted; shown as text only), or '' */
	error: Ref<string>;
	/** Partnerships a nomination may relate to, once loadPartnerships() has read them */
	partnerships: Ref<RelatedPartnership[]>;
	/**
	 * Read the nominations. A page already shown stays shown while it reloads.
	 *
	 * @return Whether they were read
	 */
	load(): Promise<boolean>;
	/**
	 * @param id A nomination's id
	 * @return The public nomination, if loaded
	 */
	find( id: string ): Nomination | undefined;
	/** Read the partnerships' names, once; a failure leaves the list as it was */
	loadPartnerships(): Promise<void>;
	/**
	 * @param name A user name as typed
	 * @return Whether the account exists, and its canonical name; rejected when the
	 *  wiki could not be asked
	 */
	checkUser( name: string ): Promise<{ exists: boolean; name: string }>;
	nominate( input: NominationInput ): Promise<{ ok: true; id: string; title: string } | ActionFailure>;
	endorse( nomination: Nomination, comment: string ): Promise<{ ok: true } | ActionFailure>;
	/** Celebrate, with the talk-page message built first: nothing is written without it */
	celebrate( nomination: Nomination ): Promise<Celebrated | ActionFailure>;
	/** Post a celebration's talk-page message again, after it failed */
	postTalk( talk: TalkMessage ): Promise<{ ok: true; talk: 'posted' | 'failed' } | ActionFailure>;
	decline( nomination: Nomination ): Promise<{ ok: true } | ActionFailure>;
}

export const HeroesStoreKey: InjectionKey<HeroesStore> = Symbol( 'partnerships-heroes-store' );

/**
 * @param e Anything thrown
 * @return It as a failure
 */
function unexpected( e: unknown ): UnexpectedFailure {
	return { ok: false, reason: 'unexpected', code: 'unexpected', message: e instanceof Error ? e.message : String( e ) };
}

/**
 * @param work An action
 * @return Its outcome, or an unexpected failure instead of a rejection
 */
async function settled<T>( work: () => Promise<T | ActionFailure> ): Promise<T | ActionFailure> {
	try {
		return await work();
	} catch ( e ) {
		return unexpected( e );
	}
}

/**
 * @param services The heroes services (the repository, the talk-page message, the
 *  partnerships' names)
 * @return A store over them
 */
export function createHeroesStore( services: HeroesServices ): HeroesStore {
	// Replaced, never changed in place: no reactive proxies around every nomination.
	const nominations = shallowRef<Nomination[]>( [] );
	const state = ref<HeroesStoreState>( 'idle' );
	const error = ref( '' );
	const partnerships = shallowRef<RelatedPartnership[]>( [] );
	const repository = services.heroes;

	async function load(): Promise<boolean> {
		if ( state.value !== 'ready' ) {
			state.value = 'loading';
		}
		try {
			const result = await repository.load();
			nominations.value = publicNominations( result.nominations );
			state.value = 'ready';
			return true;
		} catch ( e ) {
			error.value = e instanceof Error ? e.message : String( e );
			state.value = 'error';
			return false;
		}
	}

	async function loadPartnerships(): Promise<void> {
		try {
			partnerships.value = await services.partnerships();
		} catch {
			// Ids stay as they are (links' text, chosen options); nothing else to offer.
		}
	}

	return {
		nominations,
		state,
		error,
		partnerships,
		load,
		find: ( id ) => nominations.value.find( ( n ) => n.id === id ),
		loadPartnerships,
		checkUser: ( name ) => repository.checkUser( name ),
		nominate: ( input ) => settled( () => repository.nominate( input ) ),
		endorse: ( nomination, comment ) => settled( () => repository.endorse( nomination, comment ) ),
		celebrate: ( nomination ) => settled( async () => {
			// Built first (its messages may have to be read): nothing is written without it.
			const message = await services.talkMessage( nomination );
			const result = await repository.celebrate( nomination, message );
			return result.ok ? { ...result, message } : result;
		} ),
		postTalk: ( talk ) => settled( async () => ( { ok: true as const, talk: await repository.postTalk( talk ) } ) ),
		decline: ( nomination ) => settled( () => repository.decline( nomination ) ),
	};
}

/**
 * @return The store provided by the heroes page
 */
export function useHeroesStore(): HeroesStore {
	return injectStrict( HeroesStoreKey, 'heroes store' );
}
