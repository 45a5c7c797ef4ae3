import { MaybeRefOrGetter, Ref, ref, shallowRef, toValue } from 'vue';
import type { TalkMessage } from '../data/heroesRepository';
import type { Nomination } from '../domain/heroes';
import { failureText } from '../domain/failures';
import { isolate } from '../../shared/i18n/messages';
import type { ActionFailure, HeroesStore } from './useHeroesStore';
import type { MessageFunction } from '../../shared/wikiContext';

export type TalkOutcome = 'posted' | 'none' | 'failed';

export interface UseHeroActionsOptions {
	/** The store that acts */
	store: HeroesStore;
	/** The services' message function */
	message: MessageFunction;
	/** The nomination acted on */
	nomination: MaybeRefOrGetter<Nomination>;
	/** The nominee as people name them, for the celebration's notice */
	name: MaybeRefOrGetter<string>;
	/**
	 * Called when an action was done, with what to tell the reader; the page reloads
	 * then (see HeroesStore).
	 */
	onChanged( notice: string ): void;
}

export interface UseHeroActionsReturn {
	/** Whether an action is under way */
	busy: Ref<boolean>;
	/** Why the last action failed, as plain text, or '' */
	error: Ref<string>;
	/** What became of the celebration's talk-page message, once celebrated here */
	talkOutcome: Ref<TalkOutcome | null>;
	/**
	 * @param comment The endorsement's comment (trimmed here)
	 * @return Whether it was endorsed
	 */
	endorse( comment: string ): Promise<boolean>;
	celebrate(): Promise<boolean>;
	/** Post the talk-page message again, after it failed */
	retryTalk(): Promise<boolean>;
	decline(): Promise<boolean>;
}

/**
 * The actions of one nomination's view: one at a time, each saying why it failed.
 *
 * @param options
 * @return The actions and their state
 */
export function useHeroActions( options: UseHeroActionsOptions ): UseHeroActionsReturn {
	const { store, message: msg } = options;
	const busy = ref( false );
	const error = ref( '' );
	const talkOutcome = ref<TalkOutcome | null>( null );
	// The message of a celebration whose talk-page post failed, to post it again.
	const pendingTalk = shallowRef<TalkMessage | null>( null );

	async function run<T extends { ok: true }>(
		action: () => Promise<T | ActionFailure>,
		done: ( result: T ) => void,
	): Promise<boolean> {
		busy.value = true;
		error.value = '';
		try {
			const result = await action();
			if ( !result.ok ) {
				error.value = failureText( result, msg );
				return false;
			}
			done( result as T );
			return true;
		} finally {
			busy.value = false;
		}
	}

	const nomination = (): Nomination => toValue( options.nomination );

	return {
		busy,
		error,
		talkOutcome,
		endorse: ( comment ) => run( () => store.endorse( nomination(), comment.trim() ), () => {
			options.onChanged( msg( 'partnerships-heroes-endorsed' ) );
		} ),
		celebrate: () => run( () => store.celebrate( nomination() ), ( result ) => {
			talkOutcome.value = result.talk;
			pendingTalk.value = result.talk === 'failed' ? result.message : null;
			// Messages used here: partnerships-heroes-celebrated-talk-posted,
			// partnerships-heroes-celebrated-talk-none, partnerships-heroes-celebrated-talk-failed
			options.onChanged( msg( `partnerships-heroes-celebrated-talk-${ result.talk }`, isolate( toValue( options.name ) ) ) );
		} ),
		retryTalk: () => {
			const talk = pendingTalk.value;
			if ( !talk ) {
				return Promise.resolve( false );
			}
			return run( () => store.postTalk( talk ), ( result ) => {
				talkOutcome.value = result.talk;
				if ( result.talk === 'posted' ) {
					pendingTalk.value = null;
					options.onChanged( msg( 'partnerships-heroes-celebrated-talk-posted', isolate( toValue( options.name ) ) ) );
				}
			} );
		},
		decline: () => run( () => store.decline( nomination() ), () => {
			options.onChanged( msg( 'partnerships-heroes-declined' ) );
		} ),
	};
}
