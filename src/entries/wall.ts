/**
 * The recognition wall's entry point, loaded by the page-view loader on pages with a
 * `.partnerships-wall` marker (rendered by a template): the only code of the wall that
 * reads `mw`. It puts a container of its own inside each marker (never reading or
 * replacing the marker's content) and mounts a wall there.
 */
// Files beside a ResourceLoader package module are only reachable with require().
/* eslint-disable @typescript-eslint/no-require-imports */
import { createMwApp } from 'vue';
import RecognitionWall from '../components/recognition/RecognitionWall.vue';
import { RecognitionServices, RecognitionServicesKey } from '../components/recognition/recognitionServices';
import { donationsFromIndex } from '../components/recognition/wall';
import { MwActionApi } from '../data/MwActionApi';
import { domParserText } from '../domain/attribution';
import { messagesFor } from '../domain/messages';

const bundle = require( './partnerships-messages.json' );
const config = require( './partnerships-config.json' );

/**
 * @param id A record id
 * @return A link to the record, on the wiki that holds the records
 */
function recordUrl( id: string ): string {
	const title = `${ config.PartnershipsRecordsRoot }/Records/${ id }`;
	const api: string = config.PartnershipsRecordsApi;
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

function main(): void {
	const markers = document.querySelectorAll( '.partnerships-wall' );
	if ( !markers.length ) {
		return;
	}
	if ( Object.keys( bundle ).length ) {
		mw.messages.set( messagesFor( bundle, mw.config.get( 'wgUserLanguage' ) ) );
	}
	const donations = donationsFromIndex( require( './partnerships-donations.json' ), recordUrl );
	const services: RecognitionServices = {
		// Category sizes are those of the wiki showing the wall.
		api: new MwActionApi( new mw.Api() ),
		apiUrl: new URL( mw.util.wikiScript( 'api' ), location.href ).toString(),
		wikiName: mw.config.get( 'wgSiteName' ),
		languages: [ mw.config.get( 'wgUserLanguage' ), mw.config.get( 'wgContentLanguage' ) ],
		pageUrl: ( title, query ) => mw.util.getUrl( title, query ),
		message: ( key, ...params ) => mw.message( key, ...params ).text(),
		htmlToText: domParserText,
	};
	Array.from( markers ).forEach( ( marker ) => {
		const container = document.createElement( 'div' );
		container.className = 'partnerships-wall-mount';
		marker.appendChild( container );
		createMwApp( RecognitionWall, { donations } )
			.provide( RecognitionServicesKey, services )
			.mount( container );
	} );
}

main();
