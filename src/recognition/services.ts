import { InjectionKey, inject } from 'vue';
import { ActionApi } from '../shared/api/ActionApi';
import type { Partnership } from '../knowledge/domain/partnership';

/** A donation the page-view loader found (or the wall read from the donations index) */
export interface DonationHit {
	/** Record id (page name after Records/) */
	id: string;
	/** Name of the partnership */
	partnership: string;
	/** The donor institution */
	institution: string;
	/** Commons/local category names (spaces, no "Category:") */
	categories: string[];
	/** Link to the record, already built (mw.util.getUrl or another wiki's http(s) URL) */
	recordUrl: string;
}

/**
 * What the recognition dialog and the wall need from the page, provided by their
 * entry points (the only code that reads `mw`).
 */
export interface RecognitionServices {
	/** This wiki's API: the files and their usage live on the wiki showing the page */
	api: ActionApi;
	/** This wiki's api.php, absolute, for "source" links to the queries */
	apiUrl: string;
	/** The wiki's name (wgSiteName), for "via …" */
	wikiName: string;
	/** The reader's language and its fallbacks, best first (for dates and numbers) */
	languages: string[];
	/**
	 * A link to a page of this wiki (mw.util.getUrl in the page).
	 *
	 * @param title Full page title
	 * @param query Extra query parameters
	 */
	pageUrl( title: string, query?: Record<string, string> ): string;
	/**
	 * A message as plain text (mw.message().text() in the page).
	 *
	 * @param key Message key
	 * @param params Values for $1, $2, …
	 */
	message( key: string, ...params: ( string | number )[] ): string;
	/** HTML from the wiki → inert text (DOMParser in the page) */
	htmlToText( html: string ): string;
	/**
	 * The donation's record, read from the wiki that holds the records (anonymously, with
	 * origin=*, when that is another wiki). Resolves to null when the page is missing or
	 * is not a valid record. Absent where records cannot be read.
	 *
	 * @param id Record id (page name after Records/)
	 */
	readRecord?( id: string ): Promise<Partnership | null>;
	/** Where "Copy" writes (navigator.clipboard in the page); absent when there is none */
	clipboard?: { writeText( text: string ): Promise<void> };
}

export const RecognitionServicesKey: InjectionKey<RecognitionServices> = Symbol( 'partnerships-recognition-services' );

/**
 * @return The services provided by the entry point
 */
export function useRecognitionServices(): RecognitionServices {
	const services = inject( RecognitionServicesKey );
	if ( !services ) {
		throw new Error( 'Partnerships recognition services were not provided' );
	}
	return services;
}

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
