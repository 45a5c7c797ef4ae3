// `php -l` on every PHP file of the extension.
import { execFileSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

function phpFiles( dir ) {
	return readdirSync( dir ).flatMap( ( name ) => {
		const path = join( dir, name );
		if ( statSync( path ).isDirectory() ) {
			return name === 'modules' ? [] : phpFiles( path );
		}
		return name.endsWith( '.php' ) ? [ path ] : [];
	} );
}

const files = phpFiles( 'extension' );
for ( const file of files ) {
	execFileSync( 'php', [ '-l', file ], { stdio: [ 'ignore', 'ignore', 'inherit' ] } );
}
console.log( `php -l: ${ files.length } files, no syntax errors` );
