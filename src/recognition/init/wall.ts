/**
 * The recognition wall's entry point, loaded by the page-view loader on pages with a
 * `.partnerships-wall` marker (rendered by a template): the only code of the wall that
 * reads `mw`. It puts a container of its own inside each marker (never reading or
 * replacing the marker's content) and mounts a wall there.
 */
// Files beside a ResourceLoader package module are only reachable with require().
/* eslint-disable @typescript-eslint/no-require-imports */
import { createMwApp } from 'vue';
import RecognitionWall from '../components/RecognitionWall.vue';
import { RecognitionServicesKey } from '../services';
import { donationsFromIndex } from '../domain/wall';
import { recordUrl } from '../../knowledge';
import { recognitionServices } from './services';
import { setMessageBundle } from '../../shared/mw/page';
import { WikiContextKey } from '../../shared/wikiContext';

const bundle = require( './partnerships-messages.json' );
const config = require( './partnerships-config.json' );

function main(): void {
	const markers = document.querySelectorAll( '.partnerships-wall' );
	if ( !markers.length ) {
		return;
	}
	setMessageBundle( bundle );
	const donations = donationsFromIndex( require( './partnerships-donations.json' ), ( id ) => recordUrl( id, config ) );
	// Category sizes are those of the wiki showing the wall.
	const services = recognitionServices();
	Array.from( markers ).forEach( ( marker ) => {
		const container = document.createElement( 'div' );
		container.className = 'partnerships-wall-mount';
		marker.appendChild( container );
		createMwApp( RecognitionWall, { donations } )
			.provide( RecognitionServicesKey, services )
			.provide( WikiContextKey, services )
			.mount( container );
	} );
}

main();
