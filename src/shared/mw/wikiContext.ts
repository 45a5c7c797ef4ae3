import type { WikiContext } from '../wikiContext';
import { wikiLanguageNames } from './languageNames';

/**
 * @return The wiki context of the page being viewed, read from `mw`
 */
export function mwWikiContext(): WikiContext {
	return {
		languages: [ mw.config.get( 'wgUserLanguage' ), mw.config.get( 'wgContentLanguage' ) ],
		languageNames: wikiLanguageNames,
		userName: mw.config.get( 'wgUserName' ),
		pageUrl: ( title, query ) => mw.util.getUrl( title, query ),
		message: ( key, ...params ) => mw.message( key, ...params ).text(),
	};
}
