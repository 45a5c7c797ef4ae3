// Real-MediaWiki harness for development and tests.
//
// MediaWiki 1.43 LTS comes from Debian trixie's `mediawiki` and `mediawiki-classes` packages,
// fetched with a side apt configuration (the system apt state is never touched, nothing is
// installed with dpkg -i) and unpacked into <repo>/.wiki/mw. Each site ('ext', 'gadgets', …)
// gets its own SQLite data dir, images, cache and port under <repo>/.wiki/sites/<site>, and is
// served by `php -S` on 127.0.0.1. See /work/shared/WIKI.md for the verified facts.
//
// Only Node built-ins are used.

import { spawn, execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = path.dirname( fileURLToPath( import.meta.url ) );
export const REPO_DIR = path.resolve( HERE, '..', '..' );
export const WIKI_DIR = path.join( REPO_DIR, '.wiki' );
export const TREE_DIR = path.join( WIKI_DIR, 'mw' );
export const SITES_DIR = path.join( WIKI_DIR, 'sites' );
/** The Partnerships extension (extension.json); PW_EXTENSION_DIR overrides it. */
export const EXTENSION_DIR = path.resolve( process.env.PW_EXTENSION_DIR || path.join( REPO_DIR, 'extension' ) );
const TEMPLATE = path.join( HERE, 'LocalSettings.template.php' );

/** Bump when the layout of the unpacked tree changes, to force a re-unpack. */
const TREE_LAYOUT = 1;
const PACKAGES = [ 'mediawiki', 'mediawiki-classes' ];
const MW_BRANCH = '1.43';
export const PHP_PACKAGES = [ 'php-cli', 'php-sqlite3', 'php-intl', 'php-mbstring', 'php-xml', 'php-gmp' ];
const SKINS = [ 'Vector', 'MonoBook', 'Timeless', 'MinervaNeue' ];

/** Fixed development credentials: the wikis only listen on loopback. */
export const ADMIN_PASSWORD = 'partnerships-dev-Admin-1';
export const BOT_APP_ID = 'deploy';
// MediaWiki only treats a password as a bot password if it matches /^[0-9a-w]{32,}$/.
export const BOT_PASSWORD = 'partnershipsdevbotpassword000001';
/** Grants of Admin@deploy (names from $wgGrantPermissions in MediaWiki 1.43). */
export const BOT_GRANTS = [
	'basic', 'highvolume', 'editpage', 'editprotected', 'editmycssjs', 'editmyoptions',
	'editinterface', 'editsiteconfig', 'createeditmovepage', 'uploadfile', 'uploadeditmovefile',
	'patrol', 'rollback', 'delete', 'protect', 'blockusers', 'viewmywatchlist', 'editmywatchlist'
];
export const USERS = [ 'Alice', 'Bob', 'Carol' ];
const userPassword = ( name ) => `partnerships-dev-${ name }-1`;

export function cacheDir() {
	const base = process.env.XDG_CACHE_HOME || path.join( os.homedir(), '.cache' );
	return path.join( base, 'partnerships', 'mediawiki' );
}

// ---------------------------------------------------------------------------------------------
// Small utilities

const sleep = ( ms ) => new Promise( ( r ) => {
	setTimeout( r, ms );
} );

function run( cmd, args, { cwd, env, input, allowFail = false, maxBuffer = 64 * 1024 * 1024 } = {} ) {
	return new Promise( ( resolve, reject ) => {
		const child = execFile( cmd, args, { cwd, env, maxBuffer, encoding: 'utf8' }, ( err, stdout, stderr ) => {
			if ( err && !allowFail ) {
				const e = new Error(
					`${ cmd } ${ args.join( ' ' ) } failed (${ err.code ?? err.signal ?? err.message })\n` +
					`${ stderr || '' }${ stdout ? '\n' + stdout.slice( -4000 ) : '' }`.trim()
				);
				e.stdout = stdout;
				e.stderr = stderr;
				e.exitCode = err.code;
				reject( e );
				return;
			}
			resolve( { stdout, stderr, code: err ? err.code : 0 } );
		} );
		if ( input !== undefined ) {
			child.stdin.end( input );
		} else {
			child.stdin.end();
		}
	} );
}

async function which( cmd ) {
	for ( const dir of ( process.env.PATH || '' ).split( path.delimiter ) ) {
		const p = path.join( dir, cmd );
		try {
			await fsp.access( p, fs.constants.X_OK );
			return p;
		} catch {}
	}
	return null;
}

function isAlive( pid ) {
	try {
		process.kill( pid, 0 );
		return true;
	} catch ( e ) {
		return e.code === 'EPERM';
	}
}

function phpString( s ) {
	return "'" + String( s ).replace( /\\/g, '\\\\' ).replace( /'/g, "\\'" ) + "'";
}

/**
 * A cross-process lock: a directory holding the owner's pid. Stale locks (dead owner) are
 * taken over. With wait=false, throws at once when a live process holds it.
 */
async function acquireLock( dir, { wait = true, timeoutMs = 10 * 60 * 1000, what = dir, info = {} } = {} ) {
	const deadline = Date.now() + timeoutMs;
	await fsp.mkdir( path.dirname( dir ), { recursive: true } );
	for ( ;; ) {
		try {
			await fsp.mkdir( dir );
			await fsp.writeFile( path.join( dir, 'owner.json' ), JSON.stringify( { pid: process.pid, ...info } ) );
			return async () => {
				await fsp.rm( dir, { recursive: true, force: true } );
			};
		} catch ( e ) {
			if ( e.code !== 'EEXIST' ) {
				throw e;
			}
		}
		let owner = null;
		try {
			owner = JSON.parse( await fsp.readFile( path.join( dir, 'owner.json' ), 'utf8' ) );
		} catch {}
		if ( owner && !isAlive( owner.pid ) ) {
			await fsp.rm( dir, { recursive: true, force: true } );
			continue;
		}
		if ( !owner ) {
			// Being written right now, or left behind by a crash between mkdir and write.
			const st = await fsp.stat( dir ).catch( () => null );
			if ( st && Date.now() - st.mtimeMs > 10000 ) {
				await fsp.rm( dir, { recursive: true, force: true } );
				continue;
			}
		}
		if ( !wait ) {
			const e = new Error( `${ what } is held by process ${ owner ? owner.pid : '?' }` +
				( owner && owner.url ? ` (${ owner.url })` : '' ) + ( owner && owner.pid === process.pid ? ' (this process)' : '' ) );
			e.owner = owner;
			throw e;
		}
		if ( Date.now() > deadline ) {
			throw new Error( `Timed out waiting for ${ what } (held by process ${ owner ? owner.pid : '?' })` );
		}
		await sleep( 200 );
	}
}

// ---------------------------------------------------------------------------------------------
// System packages

async function aptInstall( packages, log ) {
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

let phpChecked = null;
/**
 * Makes sure php-cli with the extensions MediaWiki needs is there (apt-get install when root).
 */
export function ensurePhp( { log = console.log } = {} ) {
	if ( !phpChecked ) {
		phpChecked = ( async () => {
			const probe = async () => {
				if ( !( await which( 'php' ) ) ) {
					return PHP_PACKAGES;
				}
				const { stdout } = await run( 'php', [ '-r', 'echo json_encode( [' +
					'"php-sqlite3" => extension_loaded( "pdo_sqlite" ), "php-intl" => extension_loaded( "intl" ),' +
					'"php-mbstring" => extension_loaded( "mbstring" ), "php-xml" => extension_loaded( "dom" ) && extension_loaded( "xml" ),' +
					'"php-gmp" => extension_loaded( "gmp" ) ] );' ] );
				return Object.entries( JSON.parse( stdout ) ).filter( ( [ , ok ] ) => !ok ).map( ( [ p ] ) => p );
			};
			let missing = await probe();
			if ( missing.length ) {
				await aptInstall( missing, log );
				missing = await probe();
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

/**
 * Debian's Chromium for playwright-core (apt-get install when root). Returns its path.
 */
export async function ensureChromium( { log = console.log } = {} ) {
	let bin = await which( 'chromium' );
	if ( !bin ) {
		await aptInstall( [ 'chromium' ], log );
		bin = await which( 'chromium' );
	}
	if ( !bin ) {
		throw new Error( 'chromium not found after installing it' );
	}
	return bin;
}

// ---------------------------------------------------------------------------------------------
// Download and unpack MediaWiki

/** The Debian mirror URI and keyring the machine's own apt uses (never a hard-coded host). */
export async function findDebianMirror() {
	if ( process.env.PW_DEBIAN_MIRROR ) {
		return { uri: process.env.PW_DEBIAN_MIRROR, signedBy: process.env.PW_DEBIAN_KEYRING || null };
	}
	const entries = [];
	const addDeb822 = ( text ) => {
		for ( const stanza of text.split( /\n\s*\n/ ) ) {
			const fields = {};
			let last = null;
			for ( const line of stanza.split( '\n' ) ) {
				if ( /^\s*#/.test( line ) ) {
					continue;
				}
				const m = /^([A-Za-z0-9-]+):\s*(.*)$/.exec( line );
				if ( m ) {
					last = m[ 1 ].toLowerCase();
					fields[ last ] = m[ 2 ];
				} else if ( last && /^\s/.test( line ) ) {
					fields[ last ] += '\n' + line.trim();
				}
			}
			if ( !fields.uris || ( fields.enabled || 'yes' ).trim() === 'no' ) {
				continue;
			}
			if ( !( fields.types || 'deb' ).split( /\s+/ ).includes( 'deb' ) ) {
				continue;
			}
			for ( const uri of fields.uris.split( /\s+/ ).filter( Boolean ) ) {
				entries.push( { uri, suites: ( fields.suites || '' ).split( /\s+/ ), signedBy: fields[ 'signed-by' ] || null } );
			}
		}
	};
	const addOneLine = ( text ) => {
		for ( const raw of text.split( '\n' ) ) {
			const line = raw.replace( /#.*/, '' ).trim();
			if ( !line.startsWith( 'deb ' ) ) {
				continue;
			}
			// deb [options] uri suite components…
			let rest = line.slice( 4 ).trim();
			let options = '';
			if ( rest.startsWith( '[' ) && rest.includes( ']' ) ) {
				options = rest.slice( 1, rest.indexOf( ']' ) );
				rest = rest.slice( rest.indexOf( ']' ) + 1 ).trim();
			}
			const [ uri, suite ] = rest.split( /\s+/ );
			if ( uri && suite ) {
				const sb = options.split( /\s+/ ).find( ( o ) => o.startsWith( 'signed-by=' ) );
				entries.push( { uri, suites: [ suite ], signedBy: sb ? sb.slice( 'signed-by='.length ) : null } );
			}
		}
	};
	const dir = '/etc/apt/sources.list.d';
	for ( const f of ( await fsp.readdir( dir ).catch( () => [] ) ).sort() ) {
		const text = await fsp.readFile( path.join( dir, f ), 'utf8' ).catch( () => '' );
		if ( f.endsWith( '.sources' ) ) {
			addDeb822( text );
		} else if ( f.endsWith( '.list' ) ) {
			addOneLine( text );
		}
	}
	addOneLine( await fsp.readFile( '/etc/apt/sources.list', 'utf8' ).catch( () => '' ) );
	// The main archive: a release suite such as "bookworm" (not -security/-updates/-backports).
	const main = entries.find( ( e ) => !/security/.test( e.uri ) && e.suites.some( ( s ) => /^[a-z]+$/.test( s ) ) ) ||
		entries.find( ( e ) => !/security/.test( e.uri ) );
	if ( !main ) {
		throw new Error( 'Could not find a Debian mirror in the apt sources; set PW_DEBIAN_MIRROR (e.g. the URI of a Debian archive mirror)' );
	}
	return { uri: main.uri, signedBy: main.signedBy };
}

async function findDebs( dir ) {
	const files = await fsp.readdir( dir ).catch( () => [] );
	const found = {};
	for ( const pkg of PACKAGES ) {
		const f = files.filter( ( n ) => n.startsWith( pkg + '_' ) && n.endsWith( '.deb' ) ).sort().pop();
		if ( !f ) {
			return null;
		}
		found[ pkg ] = path.join( dir, f );
	}
	return found;
}

/**
 * Downloads the two .debs into the cache dir unless they are there already.
 */
export async function downloadMediaWiki( { log = console.log } = {} ) {
	const dir = cacheDir();
	let debs = await findDebs( dir );
	if ( debs ) {
		return debs;
	}
	await fsp.mkdir( dir, { recursive: true } );
	const release = await acquireLock( path.join( dir, '.lock' ), { what: 'the MediaWiki download cache' } );
	try {
		debs = await findDebs( dir );
		if ( debs ) {
			return debs;
		}
		if ( !( await which( 'apt-get' ) ) ) {
			throw new Error( 'apt-get is needed to download MediaWiki from Debian trixie (a Debian-based machine)' );
		}
		const { uri, signedBy } = await findDebianMirror();
		const apt = path.join( dir, 'apt' );
		await fsp.rm( apt, { recursive: true, force: true } );
		for ( const d of [ 'lists/partial', 'cache/archives/partial', 'etc/preferences.d', 'etc/apt.conf.d', 'download' ] ) {
			await fsp.mkdir( path.join( apt, d ), { recursive: true } );
		}
		let keyring = signedBy && signedBy.trim();
		if ( keyring && keyring.includes( '\n' ) ) {
			// An inline key block in the deb822 file.
			const k = path.join( apt, 'keyring.asc' );
			await fsp.writeFile( k, keyring.split( '\n' ).map( ( l ) => ( l === '.' ? '' : l ) ).join( '\n' ) + '\n' );
			keyring = k;
		}
		if ( !keyring && fs.existsSync( '/usr/share/keyrings/debian-archive-keyring.gpg' ) ) {
			keyring = '/usr/share/keyrings/debian-archive-keyring.gpg';
		}
		const opts = keyring ? `[signed-by=${ keyring }] ` : '';
		const sources = path.join( apt, 'sources.list' );
		await fsp.writeFile( sources, `deb ${ opts }${ uri } trixie main\n` );
		const aptOpts = [
			`-oDir::Etc::SourceList=${ sources }`,
			'-oDir::Etc::SourceParts=/dev/null',
			`-oDir::Etc::Preferences=${ path.join( apt, 'etc', 'preferences' ) }`,
			`-oDir::Etc::PreferencesParts=${ path.join( apt, 'etc', 'preferences.d' ) }`,
			`-oDir::State::Lists=${ path.join( apt, 'lists' ) }`,
			`-oDir::Cache=${ path.join( apt, 'cache' ) }`,
			'-oDebug::NoLocking=1',
			'-oAcquire::Languages=none',
			'-oAPT::Sandbox::User=' + ( process.getuid && process.getuid() === 0 ? 'root' : os.userInfo().username ),
			'-qq'
		];
		log( `[wiki] downloading MediaWiki ${ MW_BRANCH } (Debian trixie ${ PACKAGES.join( ', ' ) }) from ${ uri }` );
		await run( 'apt-get', [ ...aptOpts, 'update' ] );
		const dl = path.join( apt, 'download' );
		await run( 'apt-get', [ ...aptOpts, 'download', ...PACKAGES ], { cwd: dl } );
		const got = await findDebs( dl );
		if ( !got ) {
			throw new Error( `apt-get download did not produce ${ PACKAGES.join( ', ' ) } in ${ dl }` );
		}
		for ( const f of Object.values( got ) ) {
			const version = decodeURIComponent( path.basename( f ).split( '_' )[ 1 ] );
			if ( !/^1:1\.43\./.test( version ) ) {
				throw new Error( `Debian trixie offers ${ path.basename( f ) }, not MediaWiki ${ MW_BRANCH }` );
			}
			await fsp.rename( f, path.join( dir, path.basename( f ) ) );
		}
		await fsp.rm( apt, { recursive: true, force: true } );
		return await findDebs( dir );
	} finally {
		await release();
	}
}

const DISPATCHER = `<?php
// Written by scripts/wiki/harness.mjs. One MediaWiki tree serves several sites. The harness
// sets MW_CONFIG_FILE (so this file is not read); this fallback picks the site from PW_SITE,
// e.g. \`PW_SITE=ext php maintenance/run.php …\` by hand.
$pwSite = getenv( 'PW_SITE' );
if ( !is_string( $pwSite ) || !preg_match( '/^[a-z][a-z0-9_]*$/', $pwSite ) ) {
	fwrite( STDERR, "PW_SITE is not set: start this wiki with scripts/wiki/cli.mjs\\n" );
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
 * Unpacks the tree into <repo>/.wiki/mw (unless already there) and replaces the Debian
 * symlinks (LocalSettings.php, config, extensions, images) with our own.
 */
export async function provisionTree( { log = console.log } = {} ) {
	const stampFile = path.join( TREE_DIR, '.partnerships-tree.json' );
	const readStamp = async () => JSON.parse( await fsp.readFile( stampFile, 'utf8' ).catch( () => 'null' ) );
	let stamp = await readStamp();
	if ( !stamp || stamp.layout !== TREE_LAYOUT ) {
		await fsp.mkdir( WIKI_DIR, { recursive: true } );
		const release = await acquireLock( path.join( WIKI_DIR, '.lock-tree' ), { what: 'the MediaWiki tree' } );
		try {
			stamp = await readStamp();
			if ( !stamp || stamp.layout !== TREE_LAYOUT ) {
				const debs = await downloadMediaWiki( { log } );
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
				const versionPhp = await fsp.readFile( path.join( TREE_DIR, 'includes', 'Defines.php' ), 'utf8' );
				const mwVersion = ( /define\(\s*'MW_VERSION',\s*'([^']+)'/.exec( versionPhp ) || [] )[ 1 ] || null;
				await fsp.writeFile( stampFile, JSON.stringify( {
					layout: TREE_LAYOUT, mwVersion, debs: Object.values( debs ).map( ( d ) => path.basename( d ) )
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
	return stamp;
}

async function writeIfChanged( file, text ) {
	const old = await fsp.readFile( file, 'utf8' ).catch( () => null );
	if ( old !== text ) {
		const tmp = `${ file }.${ process.pid }.tmp`;
		await fsp.writeFile( tmp, text );
		await fsp.rename( tmp, file );
	}
}

// ---------------------------------------------------------------------------------------------
// Processes: php -S in its own process group, behind a watchdog that takes the whole group
// down when our stdin closes (i.e. when this Node process dies, however it dies).

const running = new Set();
let handlersInstalled = false;

function killGroup( pid, signal ) {
	try {
		process.kill( -pid, signal );
		return true;
	} catch {
		return false;
	}
}

/** Synchronous last-resort cleanup: kill every server group we started, drop their locks. */
function cleanupSync( signal ) {
	for ( const s of running ) {
		killGroup( s.pid, signal );
		if ( s.lockDir ) {
			fs.rmSync( s.lockDir, { recursive: true, force: true } );
		}
	}
	running.clear();
}

function installExitHandlers() {
	if ( handlersInstalled ) {
		return;
	}
	handlersInstalled = true;
	process.on( 'exit', () => cleanupSync( 'SIGKILL' ) );
	for ( const sig of [ 'SIGINT', 'SIGTERM', 'SIGHUP' ] ) {
		const handler = () => {
			cleanupSync( 'SIGTERM' );
			// Keep the default behaviour (exit) unless someone else handles the signal.
			if ( process.listenerCount( sig ) === 1 ) {
				process.removeListener( sig, handler );
				process.kill( process.pid, sig );
			}
		};
		process.on( sig, handler );
	}
}

// $1 = log file is set up by Node (stdout/stderr); stdin is a pipe from Node.
const WATCHDOG = `
exec 3<&0
"$@" </dev/null &
child=$!
( cat <&3 >/dev/null; kill -TERM 0 ) &
wait "$child"
code=$?
kill -TERM 0
exit $code
`;

function spawnGroup( cmd, args, { cwd, env, logFd } ) {
	const child = spawn( '/bin/sh', [ '-c', WATCHDOG, 'pw-watchdog', cmd, ...args ], {
		cwd, env, detached: true, stdio: [ 'pipe', logFd, logFd ]
	} );
	child.unref();
	child.stdin.on( 'error', () => {} );
	if ( child.stdin.unref ) {
		child.stdin.unref();
	}
	const exited = new Promise( ( resolve ) => {
		child.on( 'exit', ( code, signal ) => resolve( { code, signal } ) );
		child.on( 'error', ( error ) => resolve( { code: null, signal: null, error } ) );
	} );
	return { child, pid: child.pid, exited };
}

/**
 * Live (not zombie) processes of a process group. Killed PHP workers are re-parented to init
 * and may stay zombies for a moment: they hold nothing, so they do not count.
 */
function groupAlive( pgid ) {
	if ( process.platform !== 'linux' ) {
		return killGroup( pgid, 0 );
	}
	let entries;
	try {
		entries = fs.readdirSync( '/proc' );
	} catch {
		return killGroup( pgid, 0 );
	}
	for ( const name of entries ) {
		if ( !/^[0-9]+$/.test( name ) ) {
			continue;
		}
		let stat;
		try {
			stat = fs.readFileSync( `/proc/${ name }/stat`, 'utf8' );
		} catch {
			continue;
		}
		// pid (comm) state ppid pgrp …
		const fields = stat.slice( stat.lastIndexOf( ')' ) + 2 ).split( ' ' );
		if ( Number( fields[ 2 ] ) === pgid && fields[ 0 ] !== 'Z' && fields[ 0 ] !== 'X' ) {
			return true;
		}
	}
	return false;
}

async function stopGroup( proc ) {
	if ( !proc || proc.stopped ) {
		return;
	}
	proc.stopped = true;
	running.delete( proc );
	killGroup( proc.pid, 'SIGTERM' );
	try {
		proc.child.stdin.destroy();
	} catch {}
	// Wait until no process of the group is left (workers included).
	const deadline = Date.now() + 5000;
	let killed = false;
	while ( groupAlive( proc.pid ) ) {
		if ( Date.now() > deadline ) {
			if ( killed ) {
				throw new Error( `php -S (process group ${ proc.pid }) did not stop` );
			}
			killed = true;
			killGroup( proc.pid, 'SIGKILL' );
		}
		await sleep( 20 );
	}
	let timer;
	await Promise.race( [ proc.exited, new Promise( ( r ) => {
		timer = setTimeout( r, 1000 );
	} ) ] );
	clearTimeout( timer );
}

export async function freePort() {
	return new Promise( ( resolve, reject ) => {
		const srv = net.createServer();
		srv.unref();
		srv.on( 'error', reject );
		srv.listen( 0, '127.0.0.1', () => {
			const { port } = srv.address();
			srv.close( () => resolve( port ) );
		} );
	} );
}

function portIsFree( port ) {
	return new Promise( ( resolve ) => {
		const srv = net.createServer();
		srv.unref();
		srv.once( 'error', () => resolve( false ) );
		srv.listen( port, '127.0.0.1', () => srv.close( () => resolve( true ) ) );
	} );
}

async function tail( file, bytes = 4000 ) {
	const text = await fsp.readFile( file, 'utf8' ).catch( () => '' );
	return text.slice( -bytes );
}

// ---------------------------------------------------------------------------------------------
// Sites

/**
 * Environment for php -S and maintenance runs of a site: MW_CONFIG_FILE picks its settings.
 */
function siteEnv( site ) {
	return {
		...process.env,
		PW_SITE: site,
		MW_INSTALL_PATH: TREE_DIR,
		MW_CONFIG_FILE: path.join( SITES_DIR, site, 'LocalSettings.php' )
	};
}

async function writeSiteSettings( site, { port, secretKey, upgradeKey, partnerships, debugLog } ) {
	const siteDir = path.join( SITES_DIR, site );
	const text = `<?php
// Written by scripts/wiki/harness.mjs on every start; edit scripts/wiki/LocalSettings.template.php
// or ${ path.join( siteDir, 'extra.php' ) } instead.
$pwSite = ${ phpString( site ) };
$pwPort = ${ Number( port ) };
$pwSiteDir = __DIR__;
$pwRepoDir = ${ phpString( REPO_DIR ) };
$pwLoadPartnerships = ${ partnerships ? 'true' : 'false' };
$pwDebugLog = ${ debugLog ? 'true' : 'false' };
$wgSecretKey = ${ phpString( secretKey ) };
$wgUpgradeKey = ${ phpString( upgradeKey ) };
$wgAuthenticationTokenVersion = '1';
require ${ phpString( TEMPLATE ) };
`;
	await writeIfChanged( path.join( siteDir, 'LocalSettings.php' ), text );
}

function normaliseExtra( php ) {
	const body = String( php );
	return /^\s*<\?php/.test( body ) ? body : `<?php\n${ body }\n`;
}

/**
 * Provision (download/unpack if needed, fresh install of the DB) and start one wiki.
 *
 * @param {Object} [options]
 * @param {string} [options.site='ext'] 'ext' (loads extension/ as Partnerships) or 'gadgets'
 *   (any /^[a-z][a-z0-9_]*$/ name works; each has its own DB, images, port).
 * @param {number} [options.port=0] 0 picks a free port.
 * @param {boolean} [options.fresh=true] wipe the site's DB/images and install anew.
 * @param {Function} [options.log=console.log]
 * @param {string} [options.extraSettings] PHP written to the site's extra.php (included last).
 *   With fresh=true and no extraSettings, a previous extra.php is removed.
 * @param {boolean} [options.partnerships] load the Partnerships extension (default: site === 'ext').
 * @param {boolean} [options.debugLog=true] write the full MediaWiki debug log to
 *   .wiki/sites/<site>/logs/debug.log (~16 KB per request, ~7% slower; env PW_WIKI_DEBUG=0 turns
 *   it off). Exceptions and errors always go to logs/exception.log and logs/error.log.
 * @param {number} [options.workers=4] PHP_CLI_SERVER_WORKERS
 * @param {number} [options.readyTimeoutMs=60000] how long to wait for the first API answer
 */
export async function startWiki( {
	site = 'ext', port = 0, fresh = true, log = console.log, extraSettings,
	partnerships, debugLog = process.env.PW_WIKI_DEBUG !== '0', workers = 4, readyTimeoutMs = 60000
} = {} ) {
	if ( !/^[a-z][a-z0-9_]*$/.test( site ) ) {
		throw new Error( `Bad site name ${ JSON.stringify( site ) }` );
	}
	const t0 = Date.now();
	const tag = `[wiki:${ site }]`;
	await ensurePhp( { log } );
	const stamp = await provisionTree( { log } );

	const siteDir = path.join( SITES_DIR, site );
	await fsp.mkdir( siteDir, { recursive: true } );
	const releaseSite = await acquireLock( path.join( SITES_DIR, `${ site }.lock` ), {
		wait: false, what: `Wiki site '${ site }'`
	} ).catch( ( e ) => {
		throw new Error( `${ e.message }: it is already running; stop it first or use another site name` );
	} );
	let proc = null;
	try {
		const loadPartnerships = partnerships ?? site === 'ext';
		const hasExtension = fs.existsSync( path.join( EXTENSION_DIR, 'extension.json' ) );
		if ( loadPartnerships && !hasExtension ) {
			log( `${ tag } warning: ${ path.relative( REPO_DIR, EXTENSION_DIR ) }/extension.json not found; Partnerships not loaded` );
		}
		const withPartnerships = loadPartnerships && hasExtension;

		const dataDir = path.join( siteDir, 'data' );
		const imagesDir = path.join( siteDir, 'images' );
		const keysFile = path.join( siteDir, 'keys.json' );
		const extraFile = path.join( siteDir, 'extra.php' );
		const installed = fs.existsSync( path.join( dataDir, `pw_${ site }.sqlite` ) ) && fs.existsSync( keysFile );
		const doInstall = fresh || !installed;

		if ( port === 0 ) {
			port = await freePort();
		} else if ( !( await portIsFree( port ) ) ) {
			throw new Error( `${ tag } port ${ port } on 127.0.0.1 is in use` );
		}

		if ( doInstall ) {
			for ( const d of [ 'data', 'images', 'tmp', 'logs' ] ) {
				await fsp.rm( path.join( siteDir, d ), { recursive: true, force: true } );
			}
			await fsp.rm( path.join( siteDir, 'LocalSettings.php' ), { force: true } );
			if ( extraSettings === undefined ) {
				await fsp.rm( extraFile, { force: true } );
			}
		}
		for ( const d of [ 'data', 'images', 'tmp', 'logs', 'cache' ] ) {
			await fsp.mkdir( path.join( siteDir, d ), { recursive: true } );
		}
		if ( extraSettings !== undefined ) {
			await fsp.writeFile( extraFile, normaliseExtra( extraSettings ) );
		}
		// Uploaded files are served by php -S through <tree>/images/<site>.
		const imagesLink = path.join( TREE_DIR, 'images', site );
		const imagesTarget = path.relative( path.dirname( imagesLink ), imagesDir );
		if ( await fsp.readlink( imagesLink ).catch( () => null ) !== imagesTarget ) {
			await fsp.rm( imagesLink, { recursive: true, force: true } );
			await fsp.symlink( imagesTarget, imagesLink );
		}

		const env = siteEnv( site );
		const runMaintenance = async ( script, args = [], { input } = {} ) => {
			const { stdout, stderr } = await run( 'php', [ 'maintenance/run.php', script, ...args ], { cwd: TREE_DIR, env, input } );
			return { stdout, stderr };
		};

		const accounts = {
			admin: {
				username: 'Admin', password: ADMIN_PASSWORD,
				botUsername: `Admin@${ BOT_APP_ID }`, botPassword: BOT_PASSWORD,
				groups: [ 'sysop', 'bureaucrat', 'interface-admin' ]
			},
			users: USERS.map( ( username ) => ( { username, password: userPassword( username ) } ) )
		};

		if ( doInstall ) {
			log( `${ tag } installing MediaWiki ${ stamp.mwVersion || MW_BRANCH } (SQLite${ withPartnerships ? ', Partnerships' : '' })` );
			const confDir = await fsp.mkdtemp( path.join( os.tmpdir(), 'pw-wiki-conf-' ) );
			try {
				await run( 'php', [
					'maintenance/run.php', 'install',
					'--dbtype=sqlite', `--dbpath=${ dataDir }`, `--dbname=pw_${ site }`,
					`--server=http://127.0.0.1:${ port }`, '--scriptpath=', '--lang=en',
					`--pass=${ ADMIN_PASSWORD }`, `--confpath=${ confDir }`,
					`--extensions=${ [ 'Gadgets', ...( withPartnerships ? [ 'Partnerships' ] : [] ) ].join( ',' ) }`,
					`--skins=${ SKINS.join( ',' ) }`,
					`Partnerships Dev (${ site })`, 'Admin'
				], { cwd: TREE_DIR, env: { ...env, MW_CONFIG_FILE: path.join( confDir, 'LocalSettings.php' ) } } );
				const generated = await fsp.readFile( path.join( confDir, 'LocalSettings.php' ), 'utf8' );
				const pick = ( name ) => {
					const line = generated.split( '\n' ).find( ( l ) => l.startsWith( `$${ name } = "` ) );
					return line ? line.split( '"' )[ 1 ] : null;
				};
				await fsp.writeFile( keysFile, JSON.stringify( {
					secretKey: pick( 'wgSecretKey' ) || randomBytes( 32 ).toString( 'hex' ),
					upgradeKey: pick( 'wgUpgradeKey' ) || randomBytes( 8 ).toString( 'hex' )
				} ) + '\n' );
			} finally {
				await fsp.rm( confDir, { recursive: true, force: true } );
			}
		}
		const keys = JSON.parse( await fsp.readFile( keysFile, 'utf8' ) );
		await writeSiteSettings( site, {
			port, ...keys, partnerships: withPartnerships, debugLog
		} );

		if ( doInstall ) {
			log( `${ tag } creating accounts Admin (+ bot password ${ accounts.admin.botUsername }), ${ USERS.join( ', ' ) }` );
			await runMaintenance( 'createAndPromote', [
				'--force', '--sysop', '--bureaucrat', '--interface-admin', 'Admin', ADMIN_PASSWORD
			] );
			for ( const u of accounts.users ) {
				await runMaintenance( 'createAndPromote', [ u.username, u.password ] );
			}
			await runMaintenance( 'createBotPassword', [
				`--appid=${ BOT_APP_ID }`, `--grants=${ BOT_GRANTS.join( ',' ) }`, 'Admin', BOT_PASSWORD
			] );
		}

		// Serve
		const url = `http://127.0.0.1:${ port }`;
		const serverLog = path.join( siteDir, 'logs', 'server.log' );
		const logFd = fs.openSync( serverLog, 'a' );
		try {
			proc = spawnGroup( 'php', [
				'-S', `127.0.0.1:${ port }`, '-t', TREE_DIR,
				'-d', 'opcache.revalidate_freq=0', // see extra.php edits at once
				// PHP errors never inside JSON/HTML responses: they go to the server log
				// (MediaWiki's own exception pages still show details).
				'-d', 'display_errors=0', '-d', 'log_errors=1', '-d', 'error_log=',
				'-d', 'upload_max_filesize=64M', '-d', 'post_max_size=64M'
			], { cwd: TREE_DIR, env: { ...env, PHP_CLI_SERVER_WORKERS: String( workers ) }, logFd } );
			proc.lockDir = path.join( SITES_DIR, `${ site }.lock` );
		} finally {
			fs.closeSync( logFd );
		}
		running.add( proc );
		installExitHandlers();

		const api = `${ url }/api.php`;
		const deadline = Date.now() + readyTimeoutMs;
		let exitedEarly = null;
		proc.exited.then( ( r ) => {
			exitedEarly = r;
		} );
		let lastError = null;
		let serverErrors = 0;
		for ( ;; ) {
			if ( exitedEarly ) {
				throw new Error( `${ tag } php -S exited (${ JSON.stringify( exitedEarly ) }) before answering; server log:\n${ await tail( serverLog ) }` );
			}
			try {
				const res = await fetch( `${ api }?action=query&meta=siteinfo&format=json&formatversion=2`, { signal: AbortSignal.timeout( 30000 ) } );
				const body = await res.text();
				let json = null;
				try {
					json = JSON.parse( body );
				} catch {}
				const general = json && json.query && json.query.general;
				if ( res.ok && general && general.wikiid === `pw_${ site }` ) {
					break;
				}
				lastError = general ? `another wiki (${ general.wikiid }) answers on port ${ port }` :
					`HTTP ${ res.status }: ${ body.slice( 0, 2000 ) }`;
				// A broken configuration fails every request: no need to wait for the timeout.
				serverErrors = res.status >= 500 ? serverErrors + 1 : 0;
				if ( serverErrors >= 3 ) {
					throw new Error( `${ tag } ${ api } fails (${ lastError })\nserver log (${ serverLog }):\n${ await tail( serverLog ) }` );
				}
			} catch ( e ) {
				if ( serverErrors >= 3 ) {
					throw e;
				}
				lastError = e.message;
			}
			if ( Date.now() > deadline ) {
				throw new Error( `${ tag } ${ api } did not answer within ${ readyTimeoutMs } ms (last: ${ lastError })\nserver log:\n${ await tail( serverLog ) }` );
			}
			await sleep( 100 );
		}
		await fsp.writeFile( path.join( SITES_DIR, `${ site }.lock`, 'owner.json' ), JSON.stringify( { pid: process.pid, url } ) );
		log( `${ tag } serving ${ url } (${ ( ( Date.now() - t0 ) / 1000 ).toFixed( 1 ) } s)` );

		let stopped = false;
		const handle = {
			site,
			url,
			api,
			index: `${ url }/index.php`,
			load: `${ url }/load.php`,
			port,
			dir: TREE_DIR,
			siteDir,
			serverLog,
			partnerships: withPartnerships,
			accounts,
			runMaintenance,
			/**
			 * Replaces the site's extra.php (included last by LocalSettings); applies to the next request.
			 */
			async setExtraSettings( php ) {
				if ( php === null || php === undefined ) {
					await fsp.rm( extraFile, { force: true } );
				} else {
					await writeIfChanged( extraFile, normaliseExtra( php ) );
				}
			},
			/**
			 * A logged-in API session (see apiLogin); defaults to the admin bot password.
			 */
			login( username, password ) {
				const name = username || accounts.admin.botUsername;
				const known = {
					[ accounts.admin.botUsername ]: BOT_PASSWORD,
					[ accounts.admin.username ]: ADMIN_PASSWORD,
					...Object.fromEntries( accounts.users.map( ( u ) => [ u.username, u.password ] ) )
				};
				return apiLogin( api, name, password === undefined ? known[ name ] : password );
			},
			/** Creates accounts in one maintenance run (see createUsers). */
			createUsers( users ) {
				return createUsers( site, users );
			},
			/** Resolves when php -S exits (for whatever reason). */
			exited: proc.exited,
			async stop() {
				if ( stopped ) {
					return;
				}
				stopped = true;
				await stopGroup( proc );
				await releaseSite();
			}
		};
		return handle;
	} catch ( e ) {
		await stopGroup( proc );
		await releaseSite();
		throw e;
	}
}

/**
 * Create accounts on a site in ONE maintenance run (one PHP start-up, whatever their
 * number), for tests that need many. Accounts that exist keep their password; missing
 * groups are added. The site must be installed (its wiki may be running: SQLite locks).
 *
 * @param {string} site The site, e.g. 'ext'
 * @param {Object[]} users The accounts: { username, password, groups? }
 * @return {Promise<Object>} { created, promoted }: accounts created, groups added
 */
export async function createUsers( site, users ) {
	if ( !/^[a-z][a-z0-9_]*$/.test( site ) ) {
		throw new Error( `Bad site name ${ JSON.stringify( site ) }` );
	}
	const { stdout } = await run( 'php', [ 'maintenance/run.php', path.join( HERE, 'createUsers.php' ) ], {
		cwd: TREE_DIR, env: siteEnv( site ), input: JSON.stringify( users )
	} );
	return JSON.parse( stdout.trim().split( '\n' ).pop() );
}

// ---------------------------------------------------------------------------------------------
// Action API client with cookies (fetch only)

export class ApiError extends Error {
	constructor( code, info, response ) {
		super( `${ code }: ${ info }` );
		this.code = code;
		this.info = info;
		this.response = response;
	}
}

/**
 * An anonymous cookie-carrying API session.
 * call( params, { post, throwOnError = true } ) adds format=json&formatversion=2, joins arrays
 * with '|', drops false/undefined, sends Blob values as multipart (uploads), and throws ApiError
 * on an API error unless throwOnError is false. token( type = 'csrf' ) fetches a token.
 */
export function apiSession( api ) {
	const jar = new Map();
	const cookieHeader = () => [ ...jar ].map( ( [ k, v ] ) => `${ k }=${ v }` ).join( '; ' );
	const store = ( res ) => {
		const list = typeof res.headers.getSetCookie === 'function' ? res.headers.getSetCookie() : [];
		for ( const c of list ) {
			const [ pair, ...attrs ] = c.split( ';' );
			const eq = pair.indexOf( '=' );
			const name = pair.slice( 0, eq ).trim();
			const value = pair.slice( eq + 1 ).trim();
			const expires = attrs.map( ( a ) => a.trim() ).find( ( a ) => /^expires=/i.test( a ) );
			const maxAge = attrs.map( ( a ) => a.trim() ).find( ( a ) => /^max-age=/i.test( a ) );
			const expired = ( expires && Date.parse( expires.slice( 8 ) ) < Date.now() ) ||
				( maxAge && Number( maxAge.slice( 8 ) ) <= 0 ) || value === 'deleted';
			if ( expired ) {
				jar.delete( name );
			} else {
				jar.set( name, value );
			}
		}
	};
	const encode = ( params ) => {
		const body = new URLSearchParams();
		for ( const [ k, v ] of Object.entries( { format: 'json', formatversion: '2', ...params } ) ) {
			if ( v === undefined || v === null || v === false ) {
				continue;
			}
			if ( v instanceof Blob ) {
				continue;
			}
			body.set( k, Array.isArray( v ) ? v.join( '|' ) : v === true ? '1' : String( v ) );
		}
		return body;
	};
	const call = async ( params, { post = false, throwOnError = true } = {} ) => {
		let body = encode( params );
		const files = Object.entries( params ).filter( ( [ , v ] ) => v instanceof Blob );
		if ( files.length ) {
			// multipart/form-data, e.g. action=upload with file: new Blob( [ bytes ] )
			post = true;
			const form = new FormData();
			for ( const [ k, v ] of body ) {
				form.set( k, v );
			}
			for ( const [ k, v ] of files ) {
				form.set( k, v, params.filename || 'file' );
			}
			body = form;
		}
		const headers = { 'User-Agent': 'partnerships-wiki-harness/1.0', Cookie: cookieHeader() };
		const res = post ?
			await fetch( api, { method: 'POST', body, headers, redirect: 'manual' } ) :
			await fetch( `${ api }?${ body }`, { headers, redirect: 'manual' } );
		store( res );
		const text = await res.text();
		let json;
		try {
			json = JSON.parse( text );
		} catch {
			throw new Error( `${ api }: HTTP ${ res.status }, not JSON: ${ text.slice( 0, 1000 ) }` );
		}
		if ( throwOnError && json.error ) {
			throw new ApiError( json.error.code, json.error.info, json );
		}
		return json;
	};
	const token = async ( type = 'csrf' ) => ( await call( { action: 'query', meta: 'tokens', type } ) ).query.tokens[ `${ type }token` ];
	return { api, call, token, cookies: jar };
}

/**
 * Logs in and returns the session: { api, call, token, cookies, username }.
 * "User@appid" names use action=login (bot passwords); others use action=clientlogin.
 */
export async function apiLogin( api, username, password ) {
	const session = apiSession( api );
	if ( username.includes( '@' ) ) {
		const lgtoken = await session.token( 'login' );
		const r = await session.call( { action: 'login', lgname: username, lgpassword: password, lgtoken }, { post: true } );
		if ( !r.login || r.login.result !== 'Success' ) {
			throw new Error( `login as ${ username } failed: ${ JSON.stringify( r.login || r ) }` );
		}
		session.username = r.login.lgusername;
	} else {
		const logintoken = await session.token( 'login' );
		const r = await session.call( {
			action: 'clientlogin', username, password, logintoken,
			loginreturnurl: new URL( api ).origin + '/'
		}, { post: true } );
		if ( !r.clientlogin || r.clientlogin.status !== 'PASS' ) {
			throw new Error( `clientlogin as ${ username } failed: ${ JSON.stringify( r.clientlogin || r ) }` );
		}
		session.username = r.clientlogin.username;
	}
	return session;
}
