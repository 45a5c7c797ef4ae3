// One site of the shared tree ('ext', 'gadgets', a test's scratch site): its folder
// (SQLite data, images, cache, logs), its install, and its LocalSettings.php, which sets a
// few per-site values and includes the shared template, then the site's extra.php.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { run, writeIfChanged } from './exec';
import { REPO_DIR, SETTINGS_TEMPLATE, SITES_DIR, TREE_DIR, siteDir } from './paths';

const SKINS = [ 'Vector', 'MonoBook', 'Timeless', 'MinervaNeue' ];

/** Site names are used in paths, database names and PHP: keep them plain. */
export const SITE_NAME = /^[a-z][a-z0-9_]*$/;

/**
 * @param site A site name
 * @throws {Error} When the name is not a plain one
 */
export function checkSiteName( site: string ): void {
	if ( !SITE_NAME.test( site ) ) {
		throw new Error( `Bad site name ${ JSON.stringify( site ) }` );
	}
}

/**
 * @param site A site name
 * @return The SQLite database name, also the wiki id the API answers with
 */
export function wikiId( site: string ): string {
	return `pw_${ site }`;
}

/**
 * @param site A site name
 * @return Environment for php -S and maintenance runs of the site: MW_CONFIG_FILE picks its settings
 */
export function siteEnv( site: string ): NodeJS.ProcessEnv {
	return {
		...process.env,
		PW_SITE: site,
		MW_INSTALL_PATH: TREE_DIR,
		MW_CONFIG_FILE: path.join( SITES_DIR, site, 'LocalSettings.php' ),
	};
}

function phpString( s: unknown ): string {
	return "'" + String( s ).replace( /\\/g, '\\\\' ).replace( /'/g, "\\'" ) + "'";
}

/**
 * @param php PHP settings, with or without the opening tag
 * @return A PHP file
 */
export function normaliseExtra( php: string ): string {
	const body = String( php );
	return /^\s*<\?php/.test( body ) ? body : `<?php\n${ body }\n`;
}

export interface SiteFiles {
	dir: string;
	dataDir: string;
	imagesDir: string;
	/** The secret and upgrade keys of the install, kept across starts with --keep */
	keysFile: string;
	/** PHP included last by the site's settings */
	extraFile: string;
	/** Whether an install is there to keep */
	installed: boolean;
}

/**
 * @param site A site name
 * @return Where the site's files are
 */
export function siteFiles( site: string ): SiteFiles {
	const dir = siteDir( site );
	const dataDir = path.join( dir, 'data' );
	const keysFile = path.join( dir, 'keys.json' );
	return {
		dir,
		dataDir,
		imagesDir: path.join( dir, 'images' ),
		keysFile,
		extraFile: path.join( dir, 'extra.php' ),
		installed: fs.existsSync( path.join( dataDir, `${ wikiId( site ) }.sqlite` ) ) && fs.existsSync( keysFile ),
	};
}

/**
 * Make the site's folders: wiped first for a fresh install, with extra.php written (or,
 * fresh and without settings of its own, removed) and the images served by php -S through
 * <tree>/images/<site>.
 *
 * @param site A site name
 * @param files Its files
 * @param options
 * @param options.fresh Wipe the database, images, logs and settings first
 * @param options.extraSettings PHP for extra.php
 */
export async function prepareSiteDir(
	site: string, files: SiteFiles, { fresh, extraSettings }: { fresh: boolean; extraSettings?: string },
): Promise<void> {
	if ( fresh ) {
		for ( const d of [ 'data', 'images', 'tmp', 'logs' ] ) {
			await fsp.rm( path.join( files.dir, d ), { recursive: true, force: true } );
		}
		await fsp.rm( path.join( files.dir, 'LocalSettings.php' ), { force: true } );
		if ( extraSettings === undefined ) {
			await fsp.rm( files.extraFile, { force: true } );
		}
	}
	for ( const d of [ 'data', 'images', 'tmp', 'logs', 'cache' ] ) {
		await fsp.mkdir( path.join( files.dir, d ), { recursive: true } );
	}
	if ( extraSettings !== undefined ) {
		await fsp.writeFile( files.extraFile, normaliseExtra( extraSettings ) );
	}
	const imagesLink = path.join( TREE_DIR, 'images', site );
	const imagesTarget = path.relative( path.dirname( imagesLink ), files.imagesDir );
	if ( await fsp.readlink( imagesLink ).catch( () => null ) !== imagesTarget ) {
		await fsp.rm( imagesLink, { recursive: true, force: true } );
		await fsp.symlink( imagesTarget, imagesLink );
	}
}

/**
 * Run MediaWiki's installer for the site (about a second on SQLite) and keep the keys it
 * made; the LocalSettings.php it writes is thrown away (writeSiteSettings writes ours).
 *
 * @param site A site name
 * @param files Its files
 * @param options
 * @param options.port The port it will be served on
 * @param options.adminPassword The password of the account the installer makes
 * @param options.partnerships Load the Partnerships extension
 */
export async function installSite( site: string, files: SiteFiles, { port, adminPassword, partnerships }: {
	port: number; adminPassword: string; partnerships: boolean;
} ): Promise<void> {
	const confDir = await fsp.mkdtemp( path.join( os.tmpdir(), 'pw-wiki-conf-' ) );
	try {
		await run( 'php', [
			'maintenance/run.php', 'install',
			'--dbtype=sqlite', `--dbpath=${ files.dataDir }`, `--dbname=${ wikiId( site ) }`,
			`--server=http://127.0.0.1:${ port }`, '--scriptpath=', '--lang=en',
			`--pass=${ adminPassword }`, `--confpath=${ confDir }`,
			`--extensions=${ [ 'Gadgets', ...( partnerships ? [ 'Partnerships' ] : [] ) ].join( ',' ) }`,
			`--skins=${ SKINS.join( ',' ) }`,
			`Partnerships Dev (${ site })`, 'Admin',
		], { cwd: TREE_DIR, env: { ...siteEnv( site ), MW_CONFIG_FILE: path.join( confDir, 'LocalSettings.php' ) } } );
		const generated = await fsp.readFile( path.join( confDir, 'LocalSettings.php' ), 'utf8' );
		const pick = ( name: string ): string | null => {
			const line = generated.split( '\n' ).find( ( l ) => l.startsWith( `$${ name } = "` ) );
			return line ? line.split( '"' )[ 1 ] : null;
		};
		await fsp.writeFile( files.keysFile, JSON.stringify( {
			secretKey: pick( 'wgSecretKey' ) || randomBytes( 32 ).toString( 'hex' ),
			upgradeKey: pick( 'wgUpgradeKey' ) || randomBytes( 8 ).toString( 'hex' ),
		} ) + '\n' );
	} finally {
		await fsp.rm( confDir, { recursive: true, force: true } );
	}
}

/**
 * Write the site's LocalSettings.php (on every start: the port changes).
 *
 * @param site A site name
 * @param options
 * @param options.port The port it is served on
 * @param options.secretKey $wgSecretKey
 * @param options.upgradeKey $wgUpgradeKey
 * @param options.partnerships Load the Partnerships extension
 * @param options.debugLog Write MediaWiki's full debug log
 */
export async function writeSiteSettings( site: string, { port, secretKey, upgradeKey, partnerships, debugLog }: {
	port: number; secretKey: string; upgradeKey: string; partnerships: boolean; debugLog: boolean;
} ): Promise<void> {
	const dir = siteDir( site );
	const text = `<?php
// Written by scripts/wiki/site.ts on every start; edit scripts/wiki/LocalSettings.template.php
// or ${ path.join( dir, 'extra.php' ) } instead.
$pwSite = ${ phpString( site ) };
$pwPort = ${ Number( port ) };
$pwSiteDir = __DIR__;
$pwRepoDir = ${ phpString( REPO_DIR ) };
$pwLoadPartnerships = ${ partnerships ? 'true' : 'false' };
$pwDebugLog = ${ debugLog ? 'true' : 'false' };
$wgSecretKey = ${ phpString( secretKey ) };
$wgUpgradeKey = ${ phpString( upgradeKey ) };
$wgAuthenticationTokenVersion = '1';
require ${ phpString( SETTINGS_TEMPLATE ) };
`;
	await writeIfChanged( path.join( dir, 'LocalSettings.php' ), text );
}

/**
 * @param site A site name
 * @param script A maintenance script (name or path)
 * @param args Its arguments
 * @param options
 * @param options.input Written to its stdin
 * @return What it printed
 */
export async function runMaintenance(
	site: string, script: string, args: string[] = [], { input }: { input?: string } = {},
): Promise<{ stdout: string; stderr: string }> {
	const { stdout, stderr } = await run( 'php', [ 'maintenance/run.php', script, ...args ], {
		cwd: TREE_DIR, env: siteEnv( site ), input,
	} );
	return { stdout, stderr };
}
