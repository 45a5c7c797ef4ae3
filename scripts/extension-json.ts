// Writes extension/extension.json's message list for the app module from i18n/en.json.
// Run after adding a message: `npx tsx scripts/extension-json.ts`. A unit test checks it.
import { readFileSync, writeFileSync } from 'node:fs';
import { frontEndMessageKeys } from './lib/messages';

const path = 'extension/extension.json';
const manifest = JSON.parse( readFileSync( path, 'utf8' ) );
manifest.ResourceModules[ 'ext.partnerships.app' ].messages = frontEndMessageKeys();
writeFileSync( path, JSON.stringify( manifest, null, '\t' ) + '\n' );
