import { RecognitionServices } from '../services';
import { MwActionApi } from '../../shared/api/MwActionApi';
import { mwWikiContext } from '../../shared/mw/wikiContext';
import { domParserText } from '../domain/attribution';

/**
 * @return Services for the recognition dialog and wall: the API of the wiki showing the
 *  page (the files, their categories and their usage live there)
 */
export function recognitionServices(): RecognitionServices {
	return {
		...mwWikiContext(),
		api: new MwActionApi( new mw.Api() ),
		apiUrl: new URL( mw.util.wikiScript( 'api' ), location.href ).toString(),
		wikiName: mw.config.get( 'wgSiteName' ),
		htmlToText: domParserText,
	};
}
