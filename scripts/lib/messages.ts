// Messages for both packagings, from the one set in i18n/.
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const I18N_DIR = 'i18n';

/** Messages used only by PHP or by the gadget definitions, never by the front end. */
const SERVER_ONLY = new RegExp(
	'^(partnerships|partnerships-desc|partnerships-special-noscript|' +
	'gadget-.*|right-.*|action-.*|group-.*|grouppage-.*|partnerships-permission-.*)$',
);

type Messages = Record<string, string>;

/**
 * @return Messages of every language (not qqq), by language
 */
export function readAllMessages(): Record<string, Messages> {
	const out: Record<string, Messages> = {};
	for ( const file of readdirSync( I18N_DIR ).filter( ( f ) => f.endsWith( '.json' ) ).sort() ) {
		const lang = file.replace( /\.json$/, '' );
		if ( lang === 'qqq' ) {
			continue;
		}
		const data = JSON.parse( readFileSync( join( I18N_DIR, file ), 'utf8' ) );
		delete data[ '@metadata' ];
		out[ lang ] = data;
	}
	return out;
}

/**
 * @return Keys the front end uses, in en.json's order
 */
export function frontEndMessageKeys(): string[] {
	return Object.keys( readAllMessages().en ).filter( ( k ) => !SERVER_ONLY.test( k ) );
}

/**
 * @param module A module of the extension
 * @return Keys it uses: the badge only its own; the panel, the recognition dialog and
 *  the wall every front-end key (they share labels of fields, types and statuses)
 */
export function moduleMessageKeys( module: string ): string[] {
	const keys = frontEndMessageKeys();
	return module === 'ext.partnerships.badge' ? keys.filter( ( k ) => k.startsWith( 'partnerships-badge-' ) ) : keys;
}

/**
 * The gadget's message bundle: front-end messages of every language.
 *
 * @return Messages by language
 */
export function gadgetMessageBundle(): Record<string, Messages> {
	const keys = new Set( frontEndMessageKeys() );
	const out: Record<string, Messages> = {};
	for ( const [ lang, messages ] of Object.entries( readAllMessages() ) ) {
		out[ lang ] = Object.fromEntries( Object.entries( messages ).filter( ( [ k ] ) => keys.has( k ) ) );
	}
	return out;
}

/**
 * @param path Where to write the bundle
 */
export function writeGadgetMessageBundle( path: string ): void {
	writeFileSync( path, JSON.stringify( gadgetMessageBundle() ) + '\n' );
}
