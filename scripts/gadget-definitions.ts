// Writes the committed forms of the gadget definitions from gadgets/gadgets.ts:
// gadgets/Gadgets-definition.wikitext and gadgets/definitions/<name>.json.
// A unit test checks that they are up to date.
import { mkdirSync, writeFileSync } from 'node:fs';
import { GADGETS, definitionJson, definitionSection } from '../gadgets/gadgets';

writeFileSync( 'gadgets/Gadgets-definition.wikitext', definitionSection() + '\n' );
mkdirSync( 'gadgets/definitions', { recursive: true } );
for ( const gadget of GADGETS ) {
	writeFileSync( `gadgets/definitions/${ gadget.name }.json`, JSON.stringify( definitionJson( gadget ), null, '\t' ) + '\n' );
}
