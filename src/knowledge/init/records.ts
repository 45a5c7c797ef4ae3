/**
 * Where the records are, as the entry points of every feature reach them from `mw`:
 * this wiki or another one (read anonymously), a record's link, the browser's cache of
 * them. Exported through the knowledge base's index.ts.
 */
import { MwActionApi } from '../../shared/api/MwActionApi';
import { IndexedDbRecordCache, cacheKey } from '../../shared/wiki/recordCache';
import { Partnership, parsePartnership } from '../domain/partnership';

/** The module's configuration (partnerships-config.json) */
export interface RecordsConfig {
	/** Records root title */
	PartnershipsRecordsRoot: string;
	/** api.php of the wiki holding the records ('' = this one) */
	PartnershipsRecordsApi: string;
}

/**
 * @param config Where the records are
 * @return An API for the wiki holding the records: this wiki's, or another wiki's read
 *  anonymously (mw.ForeignApi with `anonymous`: `origin=*`, no cookies)
 */
export async function recordsApi( config: RecordsConfig ): Promise<mw.Api> {
	const url = config.PartnershipsRecordsApi;
	if ( !url ) {
		return new mw.Api();
	}
	await mw.loader.using( 'mediawiki.ForeignApi' );
	return new mw.ForeignApi( url, { anonymous: true } );
}

/**
 * @param id A record id
 * @param config Where the records are
 * @return The record, or null when its page is missing or not a valid record
 */
export async function readRecord( id: string, config: RecordsConfig ): Promise<Partnership | null> {
	const api = new MwActionApi( await recordsApi( config ) );
	const response = await api.get( {
		action: 'query',
		prop: 'revisions',
		titles: `${ config.PartnershipsRecordsRoot }/Records/${ id }`,
		rvprop: 'content',
		rvslots: 'main',
	} );
	const pages = response && response.query && response.query.pages;
	const page = Array.isArray( pages ) ? pages[ 0 ] : null;
	const revision = page && Array.isArray( page.revisions ) ? page.revisions[ 0 ] : null;
	const text = revision && revision.slots && revision.slots.main && revision.slots.main.content;
	if ( typeof text !== 'string' ) {
		return null;
	}
	const parsed = parsePartnership( text );
	return parsed.ok ? parsed.record : null;
}

/**
 * @param id A record id
 * @param config The module's configuration (records root and the wiki holding them)
 * @param config.PartnershipsRecordsRoot Records root title
 * @param config.PartnershipsRecordsApi api.php of the wiki holding the records ('' = this one)
 * @return A link to the record, on the wiki that holds the records
 */
export function recordUrl(
	id: string,
	config: { PartnershipsRecordsRoot: string; PartnershipsRecordsApi: string },
): string {
	const title = `${ config.PartnershipsRecordsRoot }/Records/${ id }`;
	const api = config.PartnershipsRecordsApi;
	if ( api ) {
		// Another wiki's index.php beside its api.php; only http(s).
		const url = new URL( api.replace( /api\.php$/, 'index.php' ), location.href );
		if ( url.protocol === 'https:' || url.protocol === 'http:' ) {
			url.search = new URLSearchParams( { title } ).toString();
			return url.toString();
		}
	}
	return mw.util.getUrl( title );
}

/**
 * @param config Where the records are
 * @return The browser's cache of the records (IndexedDB), one per wiki and root, shared
 *  by the panel and every other reader of the records
 */
export function recordsCache( config: RecordsConfig ): IndexedDbRecordCache {
	const apiUrl = config.PartnershipsRecordsApi || mw.util.wikiScript( 'api' );
	return new IndexedDbRecordCache( 'partnerships', cacheKey( apiUrl, config.PartnershipsRecordsRoot ) );
}
