// Builds every entry into its own CommonJS file for ResourceLoader (see vite.config.ts),
// and the gadget's message bundle from i18n/.
import { build } from 'vite';
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { ENTRIES, EntryName, OUT_DIR, entryConfig } from '../vite.config';
import { writeGadgetMessageBundle } from './lib/messages';

rmSync( OUT_DIR, { recursive: true, force: true } );
mkdirSync( OUT_DIR, { recursive: true } );
for ( const entry of Object.keys( ENTRIES ) as EntryName[] ) {
	await build( entryConfig( entry ) );
}
writeGadgetMessageBundle( join( OUT_DIR, 'messages.json' ) );
console.log( `Built ${ Object.keys( ENTRIES ).join( ', ' ) } and messages.json into ${ OUT_DIR }/` );
