// Start a development wiki and keep it up until Ctrl-C.
//
//   npx tsx scripts/wiki/cli.ts start [--site ext|gadgets] [--port N] [--keep] [--no-debug-log]
//
// --keep      reuse the site's database from the last run instead of a fresh install
// --no-debug-log  do not write the full MediaWiki debug log (.wiki/sites/<site>/logs/debug.log)
import { StartWikiOptions, Wiki, startWiki } from './harness';

function usage( code: number ): never {
	console.log( 'usage: npx tsx scripts/wiki/cli.ts start [--site ext|gadgets] [--port N] [--keep] [--no-debug-log]' );
	process.exit( code );
}

const args = process.argv.slice( 2 );
if ( args[ 0 ] !== 'start' ) {
	usage( args[ 0 ] === '--help' || args[ 0 ] === '-h' ? 0 : 1 );
}
const opts: StartWikiOptions = { site: 'ext', port: 0, fresh: true };
for ( let i = 1; i < args.length; i++ ) {
	const a = args[ i ];
	const value = (): string => {
		const eq = a.indexOf( '=' );
		if ( eq !== -1 ) {
			return a.slice( eq + 1 );
		}
		if ( i + 1 >= args.length ) {
			usage( 1 );
		}
		return args[ ++i ];
	};
	if ( a === '--site' || a.startsWith( '--site=' ) ) {
		opts.site = value();
	} else if ( a === '--port' || a.startsWith( '--port=' ) ) {
		opts.port = Number( value() );
	} else if ( a === '--keep' ) {
		opts.fresh = false;
	} else if ( a === '--no-debug-log' ) {
		opts.debugLog = false;
	} else if ( a === '--help' || a === '-h' ) {
		usage( 0 );
	} else {
		console.error( `unknown option ${ a }` );
		usage( 1 );
	}
}

let wiki: Wiki;
try {
	wiki = await startWiki( opts );
} catch ( e ) {
	console.error( ( e as Error ).message );
	process.exit( 1 );
}

const { admin, users } = wiki.accounts;
console.log( `
  ${ wiki.site } wiki: ${ wiki.url }/index.php/Main_Page
  API:   ${ wiki.api }
  Admin: ${ admin.username } / ${ admin.password }   (sysop, bureaucrat, interface-admin)
  Bot:   ${ admin.botUsername } / ${ admin.botPassword }
  Users: ${ users.map( ( u ) => `${ u.username } / ${ u.password }` ).join( ',  ' ) }
  Site dir: ${ wiki.siteDir } (extra.php is included last; logs/ has server and error logs)
  Maintenance: PW_SITE=${ wiki.site } php ${ wiki.dir }/maintenance/run.php <script>
  Ctrl-C stops it.
` );

const keepAlive = setInterval( () => undefined, 1e9 );
let stopping = false;
const shutdown = async ( code: number ): Promise<void> => {
	if ( stopping ) {
		return;
	}
	stopping = true;
	clearInterval( keepAlive );
	await wiki.stop();
	process.exit( code );
};
process.on( 'SIGINT', () => shutdown( 130 ) );
process.on( 'SIGTERM', () => shutdown( 143 ) );
wiki.exited.then( ( r ) => {
	if ( !stopping ) {
		console.error( `php -S exited unexpectedly (${ JSON.stringify( r ) }); see ${ wiki.serverLog }` );
		shutdown( 1 );
	}
} );
