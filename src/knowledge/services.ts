import { InjectionKey } from 'vue';
import { ActionApi } from '../shared/api/ActionApi';
import { PageLocation } from '../shared/wiki/pageLocation';
import type { PartnershipRepository } from './data/partnershipRepository';
import type { DraftStore } from '../shared/wiki/drafts';
import type { WikidataSearch } from './data/wikidataSearch';
import type { LanguageNameLookup } from '../shared/i18n/useDisplayNames';

/**
 * Everything components need from the outside world, provided by the entry point
 * (the only code that reads `mw`) and injected below it, so that components run in
 * unit tests without a wiki.
 */
export interface AppServices {
	/** The wiki holding the records */
	api: ActionApi;
	/** Reads and writes records (cache, merges, retries, drafts) */
	repository: PartnershipRepository;
	/** Unsaved work, kept in the browser until the wiki confirms a save */
	drafts: DraftStore;
	/** Organisation lookup (Wikidata wbsearchentities) */
	wikidata: WikidataSearch;
	/** Where records live */
	recordsRoot: PageLocation;
	/** The reader's language and its fallbacks, best first */
	languages: string[];
	/** Names of languages the browser cannot name, from the wiki */
	languageNames?: LanguageNameLookup;
	/** The logged-in user's name, or null for a logged-out reader */
	userName: string | null;
	/**
	 * A link to a page on the wiki holding the records (mw.util.getUrl in the page).
	 *
	 * @param title Full page title
	 * @param query Extra query parameters
	 */
	pageUrl( title: string, query?: Record<string, string> ): string;
	/**
	 * A message as plain text (mw.message().text() in the page), for use in script;
	 * templates use `$i18n`.
	 *
	 * @param key Message key
	 * @param params Values for $1, $2, …
	 */
	message( key: string, ...params: ( string | number )[] ): string;
}

export const ServicesKey: InjectionKey<AppServices> = Symbol( 'partnerships-services' );
