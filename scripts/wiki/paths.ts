// Where the harness keeps things: the MediaWiki tree and the sites under <repo>/.wiki, the
// downloaded packages in the user's cache, the extension it loads.
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** This folder: the settings template and the maintenance scripts of the harness live here. */
export const HARNESS_DIR = path.dirname( fileURLToPath( import.meta.url ) );
export const REPO_DIR = path.resolve( HARNESS_DIR, '..', '..' );
export const WIKI_DIR = path.join( REPO_DIR, '.wiki' );
/** The unpacked MediaWiki tree, shared by every site. */
export const TREE_DIR = path.join( WIKI_DIR, 'mw' );
/** One folder per site: SQLite data, images, cache, logs, settings. */
export const SITES_DIR = path.join( WIKI_DIR, 'sites' );
/** The Partnerships extension (extension.json); PW_EXTENSION_DIR overrides it. */
export const EXTENSION_DIR = path.resolve( process.env.PW_EXTENSION_DIR || path.join( REPO_DIR, 'extension' ) );
export const SETTINGS_TEMPLATE = path.join( HARNESS_DIR, 'LocalSettings.template.php' );

/**
 * @return Where the downloaded MediaWiki packages are kept between runs and checkouts
 */
export function cacheDir(): string {
	const base = process.env.XDG_CACHE_HOME || path.join( os.homedir(), '.cache' );
	return path.join( base, 'partnerships', 'mediawiki' );
}

/**
 * @param site A site name
 * @return Its folder
 */
export function siteDir( site: string ): string {
	return path.join( SITES_DIR, site );
}

/**
 * @param site A site name
 * @return The lock held while the site runs (one server per site)
 */
export function siteLockDir( site: string ): string {
	return path.join( SITES_DIR, `${ site }.lock` );
}
