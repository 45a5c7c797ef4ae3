/**
 * A file's description page as the API gives it (prop=imageinfo), for its attribution.
 */
import type { ActionApi } from '../../shared/api/ActionApi';

/**
 * @param api The API of the wiki with the file
 * @param fileTitle The file's title ("File:…")
 * @param language The language of the metadata's texts, when the page has several
 * @return The file's latest imageinfo (untrusted: read with attributionText), or null
 */
export async function readImageInfo(
	api: ActionApi,
	fileTitle: string,
	language: string | undefined,
): Promise<unknown> {
	const response = await api.get( {
		action: 'query',
		prop: 'imageinfo',
		titles: fileTitle,
		iiprop: 'extmetadata|user|url|timestamp',
		iiextmetadatalanguage: language,
	} );
	const pages = response && response.query && response.query.pages;
	const page = Array.isArray( pages ) ? pages[ 0 ] : null;
	return page && Array.isArray( page.imageinfo ) ? page.imageinfo[ 0 ] : null;
}
