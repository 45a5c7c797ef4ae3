/**
 * What every feature needs from the wiki showing the page — messages, links, the reader's
 * languages and account — declared once. Each feature's services extend it; each entry
 * point builds it once from `mw` (src/shared/mw/wikiContext.ts) and provides it under
 * WikiContextKey as well, for shared components that know no feature.
 */
import type { InjectionKey } from 'vue';
import type { LanguageNameLookup } from './i18n/useDisplayNames';
import { injectStrict } from './ui/injectStrict';

import type { MessageFunction } from './i18n/messages';

export type { MessageFunction };

/**
 * A link to a page (mw.util.getUrl in the page).
 *
 * @param title Full page title
 * @param query Extra query parameters
 */
export type PageUrlFunction = ( title: string, query?: Record<string, string> ) => string;

export interface WikiContext {
	/** The reader's language and its fallbacks, best first */
	languages: string[];
	/** Names of languages the browser cannot name, from the wiki */
	languageNames?: LanguageNameLookup;
	/** The logged-in user's name, or null for a logged-out reader */
	userName: string | null;
	/** A link to a page of the wiki the feature works on */
	pageUrl: PageUrlFunction;
	/** A message as plain text */
	message: MessageFunction;
}

export const WikiContextKey: InjectionKey<WikiContext> = Symbol( 'partnerships-wiki-context' );

/**
 * @return The wiki context provided by the entry point
 */
export function useWikiContext(): WikiContext {
	return injectStrict( WikiContextKey, 'wiki context' );
}
