/**
 * @param languages MediaWiki language codes, best first
 * @return Those Intl accepts (some MediaWiki codes, e.g. "zh-min-nan", are not BCP 47
 *  tags Intl takes), so that number and date formats never throw
 */
export function intlLocales( languages: string[] ): string[] {
	return languages.filter( ( code ) => {
		try {
			return Intl.getCanonicalLocales( code ).length > 0;
		} catch {
			return false;
		}
	} );
}
