// The MediaWiki tree in <repo>/.wiki/mw: unpacked from the Debian packages once, with
// Debian's symlinks into system paths replaced by our own, and a LocalSettings.php that
// dispatches to the settings of the site being served.
import fsp from 'node:fs/promises';
import path from 'node:path';
import { run, writeIfChanged } from './exec';
import { downloadMediaWiki } from './download';
import { acquireLock } from './lock';
import { Log } from './packages';
import { EXTENSION_DIR, TREE_DIR, WIKI_DIR } from './paths';

/** Bump when the layout of the unpacked tree changes, to force a re-unpack. */
const TREE_LAYOUT = 1;

export interface TreeStamp {
	layout: number;
	/** e.g. "1.43.9" */
	mwVersion: string | null;
	debs: string[];
}

const DISPATCHER = `<?php
// Written by scripts/wiki/tree.ts. One MediaWiki tree serves several sites. The harness
// sets MW_CONFIG_FILE (so this file is not read); this fallback picks the site from PW_SITE,
// e.g. \`PW_SITE=ext php maintenance/run.php …\` by hand.
$pwSite = getenv( 'PW_SITE' );
if ( !is_string( $pwSite ) || !preg_match( '/^[a-z][a-z0-9_]*$/', $pwSite ) ) {
	fwrite( STDERR, "PW_SITE is not set: start this wiki with scripts/wiki/cli.ts\\n" );
	exit( 1 );
}
$pwSiteSettings = dirname( __DIR__ ) . "/sites/$pwSite/LocalSettings.php";
if ( !is_file( $pwSiteSettings ) ) {
	fwrite( STDERR, "No settings for site '$pwSite' ($pwSiteSettings)\\n" );
	exit( 1 );
}
require $pwSiteSettings;
`;

/**
 * @param debs The packages' .deb files
 * @param log Progress output
 */
async function unpack( debs: Record<string, string>, log: Log ): Promise<void> {
	log( `[wiki] unpacking ${ Object.values( debs ).map( ( d ) => path.basename( d ) ).join( ', ' ) }` );
	const tmp = path.join( WIKI_DIR, `.unpack-${ process.pid }` );
	await fsp.rm( tmp, { recursive: true, force: true } );
	await fsp.mkdir( tmp, { recursive: true } );
	for ( const deb of Object.values( debs ) ) {
		await run( 'dpkg', [ '-x', deb, tmp ] ); // never dpkg -i
	}
	const src = path.join( tmp, 'usr', 'share', 'mediawiki' );
	// Debian's symlinks into /var/lib/mediawiki and /etc/mediawiki
	for ( const name of [ 'LocalSettings.php', 'config', 'extensions', 'images' ] ) {
		await fsp.rm( path.join( src, name ), { recursive: true, force: true } );
	}
	await fsp.mkdir( path.join( src, 'config' ) );
	await fsp.mkdir( path.join( src, 'images' ) );
	await fsp.mkdir( path.join( src, 'extensions' ) );
	for ( const ext of await fsp.readdir( path.join( src, 'extensions-core' ) ) ) {
		await fsp.symlink( path.join( '..', 'extensions-core', ext ), path.join( src, 'extensions', ext ) );
	}
	const left = ( await run( 'find', [ src, '-type', 'l', '-lname', '/*' ] ) ).stdout.trim();
	if ( left ) {
		log( `[wiki] warning: absolute symlinks left in the tree:\n${ left }` );
	}
	await fsp.rm( TREE_DIR, { recursive: true, force: true } );
	await fsp.rename( src, TREE_DIR );
	await fsp.rm( tmp, { recursive: true, force: true } );
}

/**
 * Unpacks the tree into <repo>/.wiki/mw (unless already there) and replaces the Debian
 * symlinks (LocalSettings.php, config, extensions, images) with our own.
 *
 * @param options
 * @param options.log Progress output
 * @return What was unpacked
 */
export async function provisionTree( { log = console.log }: { log?: Log } = {} ): Promise<TreeStamp> {
	const stampFile = path.join( TREE_DIR, '.partnerships-tree.json' );
	const readStamp = async (): Promise<TreeStamp | null> => JSON.parse( await fsp.readFile( stampFile, 'utf8' ).catch( () => 'null' ) );
	let stamp = await readStamp();
	if ( !stamp || stamp.layout !== TREE_LAYOUT ) {
		await fsp.mkdir( WIKI_DIR, { recursive: true } );
		const release = await acquireLock( path.join( WIKI_DIR, '.lock-tree' ), { what: 'the MediaWiki tree' } );
		try {
			stamp = await readStamp();
			if ( !stamp || stamp.layout !== TREE_LAYOUT ) {
				const debs = await downloadMediaWiki( { log } );
				await unpack( debs, log );
				const versionPhp = await fsp.readFile( path.join( TREE_DIR, 'includes', 'Defines.php' ), 'utf8' );
				const mwVersion = ( /define\(\s*'MW_VERSION',\s*'([^']+)'/.exec( versionPhp ) || [] )[ 1 ] || null;
				await fsp.writeFile( stampFile, JSON.stringify( {
					layout: TREE_LAYOUT, mwVersion, debs: Object.values( debs ).map( ( d ) => path.basename( d ) ),
				}, null, '\t' ) + '\n' );
				stamp = await readStamp();
			}
		} finally {
			await release();
		}
	}
	// Always (cheap): the dispatcher and the Partnerships extension link.
	await writeIfChanged( path.join( TREE_DIR, 'LocalSettings.php' ), DISPATCHER );
	const link = path.join( TREE_DIR, 'extensions', 'Partnerships' );
	const target = path.relative( path.dirname( link ), EXTENSION_DIR );
	const current = await fsp.readlink( link ).catch( () => null );
	if ( current !== target ) {
		await fsp.rm( link, { force: true } );
		await fsp.symlink( target, link ).catch( ( e ) => {
			if ( e.code !== 'EEXIST' ) {
				throw e;
			}
		} );
	}
	return stamp!;
}
