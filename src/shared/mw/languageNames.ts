import type { LanguageNameLookup } from '../i18n/useDisplayNames';

/**
 * Language names from this wiki's own list (meta=languageinfo), in the reader's
 * language: MediaWiki names many languages that browsers' Intl data does not.
 *
 * @param codes Language codes, at most 50
 * @return Names by code
 */
export const wikiLanguageNames: LanguageNameLookup = ( codes ) => Promise.resolve(
	new mw.Api().get( {
		action: 'query',
		meta: 'languageinfo',
		licode: codes,
		liprop: 'name',
		uselang: mw.config.get( 'wgUserLanguage' ),
		formatversion: 2,
	} ),
).then( ( answer ) => {
	const info = answer && answer.query && answer.query.languageinfo;
	const names: Record<string, string> = {};
	if ( info && typeof info === 'object' ) {
		for ( const code of codes ) {
			const name = info[ code ] && info[ code ].name;
			if ( typeof name === 'string' ) {
				names[ code ] = name;
			}
		}
	}
	return names;
} );
