// Writes extension/extension.json's message list for the app module from i18n/en.json.
// Run after adding a message: `npx tsx scripts/extension-json.ts`. A unit test checks it.
import { readFileSync, writeFileSync } from 'node:fs';
import { moduleMessageKeys } from './lib/messages';

const path = 'extension/extension.json';
const manifest = JSON.parse( readFileSync( path, 'utf8' ) );
for ( const [ name, module ] of Object.entries( manifest.ResourceModules ) as [ string, { messages?: string[] } ][] ) {
	if ( module.messages ) {
		module.messages = moduleMessageKeys( name );
	}
}
writeFileSync( path, JSON.stringify( manifest, null, '\t' ) + '\n' );
