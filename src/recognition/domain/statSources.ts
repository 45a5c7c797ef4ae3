/**
 * Links to the queries behind a number, so that a reader can check it: pure (the page's
 * address and the wiki's api.php come in as arguments).
 */

/** A query's parameters, as the Action API takes them (ApiParams) */
export type QueryParams = Record<string, string | number | boolean | string[] | undefined>;

/**
 * @param apiUrl The wiki's api.php (absolute, or relative to base)
 * @param params Query parameters
 * @param base The page's address, to resolve a relative apiUrl
 * @return A link to the query's JSON answer, or null when apiUrl is not http(s)
 */
export function querySourceUrl( apiUrl: string, params: QueryParams, base = 'https://invalid.invalid/' ): string | null {
	let url: URL;
	try {
		url = new URL( apiUrl, base );
	} catch {
		return null;
	}
	if ( url.protocol !== 'https:' && url.protocol !== 'http:' ) {
		return null;
	}
	const search = new URLSearchParams( { action: 'query', format: 'json', formatversion: '2' } );
	for ( const [ key, value ] of Object.entries( params ) ) {
		if ( value === undefined || value === false || key === 'action' ) {
			continue;
		}
		search.set( key, Array.isArray( value ) ? value.join( '|' ) : value === true ? '1' : String( value ) );
	}
	url.search = search.toString();
	url.hash = '';
	return url.toString();
}
