// `npm start`: build, start both local wikis with demo data, print where and how to log
// in, and stop everything on Ctrl-C.
import { execFileSync } from 'node:child_process';
import { startStack } from './lib/stack';

execFileSync( 'npx', [ 'tsx', 'scripts/build.ts' ], { stdio: 'inherit' } );
const stack = await startStack();
const { admin, users } = stack.ext.accounts;
console.log( `
Partnerships is running on two local MediaWiki 1.43 wikis:

  Extension:  ${ stack.ext.url }/index.php?title=Special:Partnerships
  Gadgets:    ${ stack.gadgets.url }/index.php?title=Project:Partnerships

  Hall of heroes:  ${ stack.ext.url }/index.php?title=Project:Partnerships/Heroes
                   ${ stack.gadgets.url }/index.php?title=Project:Partnerships/Heroes

  Log in on either as ${ admin.username } / ${ admin.password } (administrator, interface administrator)
  or as ${ users.map( ( u ) => `${ u.username } / ${ u.password }` ).join( ', ' ) }.

Press Ctrl-C to stop.` );

let stopping = false;
const shutdown = async (): Promise<void> => {
	if ( stopping ) {
		return;
	}
	stopping = true;
	console.log( '\nStopping…' );
	await stack.stop();
	process.exit( 0 );
};
process.on( 'SIGINT', shutdown );
process.on( 'SIGTERM', shutdown );
// Keep the process alive until a signal arrives.
setInterval( () => undefined, 1000000000 );
