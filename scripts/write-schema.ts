// Writes schemas/partnership-1.schema.json, the published copy of the record schema,
// from its source in src/knowledge/domain/partnershipSchema.ts. A unit test checks that it
// is up to date. With --check, only says whether it is (exit code 1 when not).
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { partnershipSchemaFileText } from '../src/knowledge/domain/partnershipSchema';

const FILE = 'schemas/partnership-1.schema.json';
const text = partnershipSchemaFileText();

if ( process.argv.includes( '--check' ) ) {
	let current = '';
	try {
		current = readFileSync( FILE, 'utf8' );
	} catch {
		// Missing counts as out of date.
	}
	if ( current !== text ) {
		console.error( `${ FILE } is out of date: run "npx tsx scripts/write-schema.ts"` );
		process.exit( 1 );
	}
} else {
	mkdirSync( 'schemas', { recursive: true } );
	writeFileSync( FILE, text );
	console.log( `Wrote ${ FILE }` );
}
