import type { InjectionKey } from 'vue';
import { ActionApi } from '../shared/api/ActionApi';
import { PageLocation } from '../shared/wiki/pageLocation';
import type { PartnershipRepository } from './data/partnershipRepository';
import type { DraftStore } from '../shared/wiki/drafts';
import type { WikidataSearch } from './data/wikidataSearch';
import type { WikiContext } from '../shared/wikiContext';

/**
 * Everything the knowledge base's components need from the outside world, provided by
 * its entry point (init.ts, the only code that reads `mw`) and injected below it, so
 * that components run in unit tests without a wiki. Messages, links and the reader come
 * from the WikiContext it extends.
 */
export interface AppServices extends WikiContext {
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
}

export const ServicesKey: InjectionKey<AppServices> = Symbol( 'partnerships-services' );
