/**
 * The recognition dialog's entry point, loaded by the badge on a click (Vue and Codex
 * load only then): the only code of the dialog that reads `mw`. Each open() creates
 * its own container, mounts the dialog there, and removes both when it closes.
 */
// Files beside a ResourceLoader package module are only reachable with require().
/* eslint-disable @typescript-eslint/no-require-imports */
import { App, createMwApp, h, ref } from 'vue';
import RecognitionDialog from '../components/RecognitionDialog.vue';
import { RecognitionServices, RecognitionServicesKey } from '../services';
import type { LinkedDonation } from '../domain/donations';
import { readRecord } from '../../knowledge';
import { recognitionServices } from './services';
import { setMessageBundle } from '../../shared/mw/page';
import { WikiContextKey } from '../../shared/wikiContext';

const bundle = require( './partnerships-messages.json' );
const config = require( './partnerships-config.json' );

export interface OpenOptions {
	/** Where focus goes back when the dialog closes (the badge's button) */
	returnFocus?: HTMLElement;
}

let current: { app: App; container: HTMLElement; options: OpenOptions } | null = null;

function services(): RecognitionServices {
	// Absent outside secure contexts and in old browsers: the dialog then selects the text.
	// eslint-disable-next-line compat/compat
	const clipboard = navigator.clipboard;
	return {
		...recognitionServices(),
		// The licence fallback reads the record where the records are (maybe another wiki).
		readRecord: ( id ) => readRecord( id, config ),
		clipboard: clipboard ? { writeText: ( text ) => clipboard.writeText( text ) } : undefined,
	};
}

function close(): void {
	if ( !current ) {
		return;
	}
	const { app, container, options } = current;
	current = null;
	app.unmount();
	container.remove();
	if ( options.returnFocus && options.returnFocus.isConnected ) {
		options.returnFocus.focus();
	}
}

/**
 * Open the recognition dialog for a donation.
 *
 * @param hit The donation (from the page-view loader)
 * @param options Where focus returns on close
 */
export function open( hit: LinkedDonation, options: OpenOptions = {} ): void {
	close();
	setMessageBundle( bundle );
	// Attribution is offered on a file's own page: "File:" is the canonical prefix,
	// which the API understands on every wiki.
	const fileTitle = mw.config.get( 'wgCanonicalNamespace' ) === 'File' ?
		`File:${ mw.config.get( 'wgTitle' ) }` :
		null;
	const container = document.createElement( 'div' );
	container.className = 'partnerships-recognition-mount';
	document.body.appendChild( container );
	const isOpen = ref( true );
	const app = createMwApp( {
		setup: () => () => h( RecognitionDialog, {
			hit,
			fileTitle,
			open: isOpen.value,
			'onUpdate:open': ( value: boolean ) => {
				isOpen.value = value;
				if ( !value ) {
					close();
				}
			},
		} ),
	} );
	const provided = services();
	app.provide( RecognitionServicesKey, provided );
	app.provide( WikiContextKey, provided );
	current = { app, container, options };
	app.mount( container );
}
