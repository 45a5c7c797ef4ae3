import type { InjectionKey } from 'vue';
import type { WikiContext } from '../shared/wikiContext';
import { injectStrict } from '../shared/ui/injectStrict';
import { ActionApi } from '../shared/api/ActionApi';
import type { Partnership } from '../knowledge';

/**
 * What the recognition dialog and the wall need from the page, provided by their
 * entry points (the only code that reads `mw`). Messages, links (to this wiki: the
 * files live there) and the reader's languages (for dates and numbers) come from the
 * WikiContext it extends.
 */
export interface RecognitionServices extends WikiContext {
	/** This wiki's API: the files and their usage live on the wiki showing the page */
	api: ActionApi;
	/** This wiki's api.php, absolute, for "source" links to the queries */
	apiUrl: string;
	/** The wiki's name (wgSiteName), for "via …" */
	wikiName: string;
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
	return injectStrict( RecognitionServicesKey, 'recognition services' );
}
