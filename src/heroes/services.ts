import type { InjectionKey } from 'vue';
import type { WikiContext } from '../shared/wikiContext';
import type { HeroesRepository, TalkMessage } from './data/heroesRepository';
import type { Nomination } from './domain/heroes';
import type { DraftStore } from '../shared/wiki/drafts';
import type { HeroesViewState } from './domain/heroesView';

/** A partnership that a nomination can name as related. */
export interface RelatedPartnership {
	id: string;
	name: string;
}

/**
 * Everything the community-heroes components need from the outside world, provided by
 * src/heroes/init.ts (the only code that reads `mw`), so that components run in unit
 * tests without a wiki. Messages, links and the reader come from the WikiContext it
 * extends.
 */
export interface HeroesServices extends WikiContext {
	/** Reads and writes nominations, endorsements, celebrations and declines */
	heroes: HeroesRepository;
	/** The unsaved nomination, kept in the browser until the wiki confirms the save */
	drafts: DraftStore;
	/** Partnerships a nomination may relate to (the knowledge base's records) */
	partnerships(): Promise<RelatedPartnership[]>;
	/** Whether the reader may celebrate (a configured right or group) */
	canCelebrate: boolean;
	/** Endorsements after which a nomination is ready to celebrate */
	threshold: number;
	/**
	 * Where a logged-out reader logs in and comes back to a view
	 *
	 * @param view The view to come back to
	 */
	loginUrl( view: HeroesViewState ): string;
	/**
	 * A link to a partnership record, on the wiki that holds the records.
	 *
	 * @param id The record's id
	 */
	recordUrl( id: string ): string;
	/**
	 * A message's raw text with parameters already substituted as given
	 * (mw.message().plain()); used for the talk-page message, whose parameters are
	 * escaped before they are passed.
	 */
	plainMessage( key: string, ...params: string[] ): string;
	/**
	 * The message telling a celebrated nominee on their talk page (buildTalkMessage in
	 * ../domain/talkMessage.ts), in the wiki's content language (not the celebrating
	 * person's: the nominee's own language is private).
	 *
	 * @param nomination The nomination being celebrated
	 * @return The message, or null when the nominee has no talk page (a group or a
	 *  community); rejected when the messages could not be had
	 */
	talkMessage( nomination: Nomination ): Promise<TalkMessage | null>;
}

export const HeroesServicesKey: InjectionKey<HeroesServices> = Symbol( 'partnerships-heroes-services' );
