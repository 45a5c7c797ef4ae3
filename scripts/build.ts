// Builds every entry into its own CommonJS file for ResourceLoader (see vite.config.ts),
// and the gadget's message bundle from i18n/.
import { build } from 'vite';
import { mkdirSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { ENTRIES, EntryName, OUT_DIR, entryConfig } from '../vite.config';
import { writeGadgetMessageBundle } from './lib/messages';
import { preSaveHazards } from './lib/preSaveSafe';
import { sourceHash, writeStamp } from './lib/buildStamp';

// Hashed before building: the stamp says what this build was made from.
const sources = sourceHash();
rmSync( OUT_DIR, { recursive: true, force: true } );
mkdirSync( OUT_DIR, { recursive: true } );
for ( const entry of Object.keys( ENTRIES ) as EntryName[] ) {
	await build( entryConfig( entry ) );
}
writeGadgetMessageBundle( join( OUT_DIR, 'messages.json' ) );
// The same files are saved as gadget pages; the wiki must store them unchanged.
const hazards = readdirSync( OUT_DIR ).filter( ( f ) => /\.(js|css)$/.test( f ) ).flatMap(
	( f ) => preSaveHazards( readFileSync( join( OUT_DIR, f ), 'utf8' ) ).map( ( h ) => `${ f }: ${ h }` ),
);
if ( hazards.length ) {
	console.error( `Built code that a wiki would change when saving it as a gadget page:\n${ hazards.join( '\n' ) }` );
	process.exit( 1 );
}
writeStamp( OUT_DIR, sources );
console.log( `Built ${ Object.keys( ENTRIES ).join( ', ' ) } and messages.json into ${ OUT_DIR }/` );
