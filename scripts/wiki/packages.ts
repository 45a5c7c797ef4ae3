// The Debian packages the wikis and the browser tests need, installed with apt-get when
// we run as root; otherwise named, with the command to install them.
import { run, which } from './exec';

export const PHP_PACKAGES = [ 'php-cli', 'php-sqlite3', 'php-intl', 'php-mbstring', 'php-xml', 'php-gmp' ];

export type Log = ( line: string ) => void;

/**
 * @param packages Debian package names
 * @param log Progress output
 */
export async function aptInstall( packages: string[], log: Log ): Promise<void> {
	if ( !( await which( 'apt-get' ) ) ) {
		throw new Error( `Missing system packages and no apt-get here. Install: ${ packages.join( ' ' ) }` );
	}
	if ( typeof process.getuid !== 'function' || process.getuid() !== 0 ) {
		throw new Error( `Missing system packages. Run as root or install them first:\n  sudo apt-get install -y ${ packages.join( ' ' ) }` );
	}
	log( `[wiki] apt-get install ${ packages.join( ' ' ) }` );
	const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
	const first = await run( 'apt-get', [ 'install', '-y', '--no-install-recommends', ...packages ], { env, allowFail: true } );
	if ( first.code !== 0 ) {
		await run( 'apt-get', [ 'update' ], { env } );
		await run( 'apt-get', [ 'install', '-y', '--no-install-recommends', ...packages ], { env } );
	}
}

/** The PHP packages that are missing, judged by the extensions PHP has loaded. */
async function missingPhp(): Promise<string[]> {
	if ( !( await which( 'php' ) ) ) {
		return PHP_PACKAGES;
	}
	const { stdout } = await run( 'php', [ '-r', 'echo json_encode( [' +
		'"php-sqlite3" => extension_loaded( "pdo_sqlite" ), "php-intl" => extension_loaded( "intl" ),' +
		'"php-mbstring" => extension_loaded( "mbstring" ), "php-xml" => extension_loaded( "dom" ) && extension_loaded( "xml" ),' +
		'"php-gmp" => extension_loaded( "gmp" ) ] );' ] );
	const loaded = JSON.parse( stdout ) as Record<string, boolean>;
	return Object.entries( loaded ).filter( ( [ , ok ] ) => !ok ).map( ( [ p ] ) => p );
}

let phpChecked: Promise<void> | null = null;

/**
 * Makes sure php-cli with the extensions MediaWiki needs is there (apt-get install when
 * root). Checked once per process.
 *
 * @param options
 * @param options.log Progress output
 */
export function ensurePhp( { log = console.log }: { log?: Log } = {} ): Promise<void> {
	if ( !phpChecked ) {
		phpChecked = ( async () => {
			let missing = await missingPhp();
			if ( missing.length ) {
				await aptInstall( missing, log );
				missing = await missingPhp();
				if ( missing.length ) {
					throw new Error( `PHP still lacks: ${ missing.join( ' ' ) }` );
				}
			}
		} )();
		phpChecked.catch( () => {
			phpChecked = null;
		} );
	}
	return phpChecked;
}
