/**
 * The donation badge's entry point, loaded by the page-view loader only on pages that
 * show donated content: the only code of the badge that reads `mw`. The badge itself
 * (../components/badge.ts) is plain DOM; a click on its button loads the recognition
 * dialog (Vue and Codex load only then).
 */
// Files beside a ResourceLoader package module are only reachable with require().
/* eslint-disable @typescript-eslint/no-require-imports */
import { setMessageBundle } from '../../shared/mw/page';
import { recordUrl } from '../../knowledge';
import { LOGO_SIZE, OpenDialog, renderBadge } from '../components/badge';
import type { DonationHit } from '../domain/donations';

const bundle = require( './partnerships-messages.json' );
const config = require( './partnerships-config.json' );

/**
 * Show the badge.
 *
 * @param hit The donation the loader found
 * @param marker The page's marker element, if any
 */
export function show( hit: DonationHit, marker: Element | null ): void {
	setMessageBundle( bundle );
	renderBadge( {
		hit,
		marker,
		message: ( key, ...params ) => mw.message( key, ...params ).text(),
		recordUrl: recordUrl( hit.id, config ),
		// The wiki's own Special:FilePath serves Commons files on Wikimedia wikis and on
		// wikis with InstantCommons.
		logoUrl: ( file ) => mw.util.getUrl( `Special:FilePath/${ file }`, { width: String( LOGO_SIZE * 2 ) } ),
		loadDialog: () => {
			const name = mw.loader.getState( 'ext.partnerships.recognition' ) !== null ?
				'ext.partnerships.recognition' :
				'ext.gadget.partnerships-recognition';
			return mw.loader.using( name ).then( ( req ): OpenDialog => req( name ).open );
		},
	} );
}
