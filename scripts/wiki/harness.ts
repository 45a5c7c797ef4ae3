// Real-MediaWiki harness for development and tests: startWiki() provisions and serves one
// site; this file puts the parts together and is the one the rest of the code imports.
//
// MediaWiki 1.43 LTS comes from Debian trixie's packages (download.ts), unpacked once into
// <repo>/.wiki/mw (tree.ts). Each site ('ext', 'gadgets', …) gets its own SQLite data dir,
// images, cache and port under <repo>/.wiki/sites/<site> (site.ts), its accounts
// (accounts.ts), and is served by `php -S` on 127.0.0.1 (server.ts).
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';
import type { HttpActionApi } from '../../src/shared/api/HttpActionApi';
import {
	Accounts, ADMIN_PASSWORD, BOT_PASSWORD, NewAccount, USERS, apiLogin, createSiteAccounts, createUsers, siteAccounts,
} from './accounts';
import { writeIfChanged } from './exec';
import { MW_BRANCH } from './download';
import { acquireLock } from './lock';
import { ensurePhp, Log } from './packages';
import { EXTENSION_DIR, REPO_DIR, TREE_DIR, WIKI_DIR, siteLockDir } from './paths';
import { makeCodex2Tree } from './codex2';
import { ServerExit, ServerProcess, freePort, portIsFree, startServer, stopServer, waitUntilServing } from './server';
import {
	checkSiteName, installSite, normaliseExtra, prepareSiteDir, runMaintenance, siteEnv, siteFiles, wikiId,
	writeSiteSettings,
} from './site';
import { provisionTree } from './tree';

export { ADMIN_PASSWORD, BOT_APP_ID, BOT_GRANTS, BOT_PASSWORD, USERS, apiLogin, createUsers } from './accounts';
export type { Account, AdminAccount, NewAccount } from './accounts';
export { ensureChromium } from './chromium';
export { downloadMediaWiki, findDebianMirror } from './download';
export { PHP_PACKAGES, ensurePhp } from './packages';
export { EXTENSION_DIR, REPO_DIR, SITES_DIR, TREE_DIR, WIKI_DIR, cacheDir } from './paths';
export { freePort } from './server';
export { provisionTree } from './tree';

export interface Wiki {
	/** 'ext' (with the extension), 'gadgets', or a scratch site of a test's own */
	site: string;
	/** e.g. http://127.0.0.1:PORT */
	url: string;
	/** url + '/api.php' */
	api: string;
	/** url + '/index.php' */
	index: string;
	/** url + '/load.php' */
	load: string;
	port: number;
	/** The MediaWiki tree */
	dir: string;
	siteDir: string;
	serverLog: string;
	/** Whether the Partnerships extension is loaded */
	partnerships: boolean;
	accounts: Accounts;
	runMaintenance(
		script: string, args?: string[], options?: { input?: string },
	): Promise<{ stdout: string; stderr: string }>;
	/** Rewrites the site's extra.php (PHP settings, or null to remove it); applies from the next request */
	setExtraSettings( php: string | null | undefined ): Promise<void>;
	/** An API client logged in as one of the site's accounts; the admin's bot password by default */
	login( username?: string, password?: string ): Promise<HttpActionApi>;
	/** Creates accounts in one maintenance run (see createUsers) */
	createUsers( users: NewAccount[] ): Promise<{ created: number; promoted: number }>;
	/** Resolves when php -S exits (for whatever reason) */
	exited: Promise<ServerExit>;
	stop(): Promise<void>;
}

export interface StartWikiOptions {
	/**
	 * 'ext' (loads extension/ as Partnerships) or 'gadgets'; any /^[a-z][a-z0-9_]*$/ name
	 * works, each with its own DB, images, port (default 'ext')
	 */
	site?: string;
	/** 0 (the default) picks a free port */
	port?: number;
	/** Wipe the site's DB and images and install anew (default true) */
	fresh?: boolean;
	log?: Log;
	/**
	 * PHP written to the site's extra.php (included last). With fresh=true and no
	 * extraSettings, a previous extra.php is removed.
	 */
	extraSettings?: string;
	/** Load the Partnerships extension (default: site === 'ext') */
	partnerships?: boolean;
	/**
	 * Write the full MediaWiki debug log to .wiki/sites/<site>/logs/debug.log (~16 KB per
	 * request, ~7% slower; env PW_WIKI_DEBUG=0 turns it off). Exceptions and errors always
	 * go to logs/exception.log and logs/error.log.
	 */
	debugLog?: boolean;
	/** PHP_CLI_SERVER_WORKERS (default 4) */
	workers?: number;
	/** How long to wait for the first API answer (default 60 s) */
	readyTimeoutMs?: number;
	/**
	 * The MediaWiki tree the site is served from: 'mw' (default), 1.43 as Debian ships it
	 * with its Codex 1.14 and Vue 3.4, or 'codex2', the same tree serving Codex 2.6 and
	 * Vue 3.5 from npm (scripts/wiki/codex2.ts, made on first use and kept while up to date).
	 * The site's data dir is its own either way: give a Codex 2 site a name of its own.
	 */
	tree?: 'mw' | 'codex2';
}

/**
 * The Codex 2 tree, made if it is missing or stale (its stamp says; seconds), else found up
 * to date (milliseconds). Asked again for every site, never cached: a tree found up to date
 * links the sites' images added since into its images/ (makeCodex2Tree), which a site
 * started later in the same process needs.
 *
 * @param log Progress lines
 * @return The tree's directory
 */
async function codex2TreeDir( log: Log ): Promise<string> {
	const release = await acquireLock( path.join( WIKI_DIR, '.lock-tree-codex2' ), { what: 'the Codex 2 MediaWiki tree' } );
	try {
		const t0 = Date.now();
		const tree = await makeCodex2Tree( { source: TREE_DIR, log } );
		if ( tree.made ) {
			const seconds = ( ( Date.now() - t0 ) / 1000 ).toFixed( 1 );
			log( `[codex2] made ${ path.relative( REPO_DIR, tree.dir ) } (Codex ${ tree.versions.codex }, Vue ${ tree.versions.vue }, ${ seconds } s)` );
		}
		return tree.dir;
	} finally {
		await release();
	}
}

/**
 * Provision (download/unpack if needed, fresh install of the DB) and start one wiki.
 *
 * @param options See StartWikiOptions
 * @return The running wiki
 */
export async function startWiki( options: StartWikiOptions = {} ): Promise<Wiki> {
	const {
		site = 'ext', fresh = true, log = console.log, extraSettings,
		partnerships, debugLog = process.env.PW_WIKI_DEBUG !== '0', workers = 4, readyTimeoutMs = 60000,
		tree = 'mw',
	} = options;
	let port = options.port ?? 0;
	checkSiteName( site );
	const t0 = Date.now();
	const tag = `[wiki:${ site }]`;
	await ensurePhp( { log } );
	const stamp = await provisionTree( { log } );

	const files = siteFiles( site );
	await fsp.mkdir( files.dir, { recursive: true } );
	const lockDir = siteLockDir( site );
	const releaseSite = await acquireLock( lockDir, {
		wait: false, what: `Wiki site '${ site }'`,
	} ).catch( ( e ) => {
		throw new Error( `${ e.message }: it is already running; stop it first or use another site name` );
	} );
	let proc: ServerProcess | null = null;
	try {
		const loadPartnerships = partnerships ?? site === 'ext';
		const hasExtension = fs.existsSync( path.join( EXTENSION_DIR, 'extension.json' ) );
		if ( loadPartnerships && !hasExtension ) {
			log( `${ tag } warning: ${ path.relative( REPO_DIR, EXTENSION_DIR ) }/extension.json not found; Partnerships not loaded` );
		}
		const withPartnerships = loadPartnerships && hasExtension;
		const doInstall = fresh || !files.installed;

		if ( port === 0 ) {
			port = await freePort();
		} else if ( !( await portIsFree( port ) ) ) {
			throw new Error( `${ tag } port ${ port } on 127.0.0.1 is in use` );
		}

		await prepareSiteDir( site, files, { fresh: doInstall, extraSettings } );
		const accounts = siteAccounts();
		if ( doInstall ) {
			log( `${ tag } installing MediaWiki ${ stamp.mwVersion || MW_BRANCH } (SQLite${ withPartnerships ? ', Partnerships' : '' })` );
			await installSite( site, files, { port, adminPassword: ADMIN_PASSWORD, partnerships: withPartnerships } );
		}
		const keys = JSON.parse( await fsp.readFile( files.keysFile, 'utf8' ) );
		await writeSiteSettings( site, {
			port, ...keys, partnerships: withPartnerships, debugLog,
		} );
		if ( doInstall ) {
			log( `${ tag } creating accounts Admin (+ bot password ${ accounts.admin.botUsername }), ${ USERS.join( ', ' ) }` );
			await createSiteAccounts( site, accounts );
		}

		const url = `http://127.0.0.1:${ port }`;
		const api = `${ url }/api.php`;
		const serverLog = path.join( files.dir, 'logs', 'server.log' );
		// After prepareSiteDir: the Codex 2 tree links the site's images from TREE_DIR's.
		const root = tree === 'codex2' ? await codex2TreeDir( log ) : TREE_DIR;
		const env = { ...siteEnv( site ), MW_INSTALL_PATH: root };
		proc = startServer( { port, root, env, workers, serverLog, lockDir } );
		await waitUntilServing( { proc, api, wikiId: wikiId( site ), tag, serverLog, timeoutMs: readyTimeoutMs } );
		await fsp.writeFile( path.join( lockDir, 'owner.json' ), JSON.stringify( { pid: process.pid, url } ) );
		log( `${ tag } serving ${ url } (${ ( ( Date.now() - t0 ) / 1000 ).toFixed( 1 ) } s)` );

		const server = proc;
		let stopped = false;
		return {
			site,
			url,
			api,
			index: `${ url }/index.php`,
			load: `${ url }/load.php`,
			port,
			dir: root,
			siteDir: files.dir,
			serverLog,
			partnerships: withPartnerships,
			accounts,
			runMaintenance: ( script, args = [], more = {} ) => runMaintenance( site, script, args, more ),
			async setExtraSettings( php ) {
				if ( php === null || php === undefined ) {
					await fsp.rm( files.extraFile, { force: true } );
				} else {
					await writeIfChanged( files.extraFile, normaliseExtra( php ) );
				}
			},
			login( username, password ) {
				const name = username || accounts.admin.botUsername;
				const known: Record<string, string> = {
					[ accounts.admin.botUsername ]: BOT_PASSWORD,
					[ accounts.admin.username ]: ADMIN_PASSWORD,
					...Object.fromEntries( accounts.users.map( ( u ) => [ u.username, u.password ] ) ),
				};
				return apiLogin( api, name, password === undefined ? known[ name ] : password );
			},
			createUsers( users ) {
				return createUsers( site, users );
			},
			exited: server.exited,
			async stop() {
				if ( stopped ) {
					return;
				}
				stopped = true;
				await stopServer( server );
				await releaseSite();
			},
		};
	} catch ( e ) {
		await stopServer( proc );
		await releaseSite();
		throw e;
	}
}
