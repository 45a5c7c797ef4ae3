// MediaWiki 1.43 LTS from Debian trixie's `mediawiki` and `mediawiki-classes` packages,
// fetched with a side apt configuration: the system's apt state is never touched and
// nothing is installed with dpkg -i. The .debs are kept in the user's cache.
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { run, which } from './exec';
import { acquireLock } from './lock';
import { Log } from './packages';
import { cacheDir } from './paths';

export const PACKAGES = [ 'mediawiki', 'mediawiki-classes' ];
export const MW_BRANCH = '1.43';

interface AptSource {
	uri: string;
	suites: string[];
	signedBy: string | null;
}

/** deb822 stanzas (*.sources) */
function deb822Sources( text: string ): AptSource[] {
	const entries: AptSource[] = [];
	for ( const stanza of text.split( /\n\s*\n/ ) ) {
		const fields: Record<string, string> = {};
		let last: string | null = null;
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
	return entries;
}

/** One-line sources (sources.list, *.list) */
function oneLineSources( text: string ): AptSource[] {
	const entries: AptSource[] = [];
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
	return entries;
}

/**
 * @return The Debian mirror URI and keyring the machine's own apt uses (never a
 *  hard-coded host); PW_DEBIAN_MIRROR and PW_DEBIAN_KEYRING override them
 */
export async function findDebianMirror(): Promise<{ uri: string; signedBy: string | null }> {
	if ( process.env.PW_DEBIAN_MIRROR ) {
		return { uri: process.env.PW_DEBIAN_MIRROR, signedBy: process.env.PW_DEBIAN_KEYRING || null };
	}
	const entries: AptSource[] = [];
	const dir = '/etc/apt/sources.list.d';
	for ( const f of ( await fsp.readdir( dir ).catch( () => [] as string[] ) ).sort() ) {
		const text = await fsp.readFile( path.join( dir, f ), 'utf8' ).catch( () => '' );
		if ( f.endsWith( '.sources' ) ) {
			entries.push( ...deb822Sources( text ) );
		} else if ( f.endsWith( '.list' ) ) {
			entries.push( ...oneLineSources( text ) );
		}
	}
	entries.push( ...oneLineSources( await fsp.readFile( '/etc/apt/sources.list', 'utf8' ).catch( () => '' ) ) );
	// The main archive: a release suite such as "bookworm" (not -security/-updates/-backports).
	const main = entries.find( ( e ) => !/security/.test( e.uri ) && e.suites.some( ( s ) => /^[a-z]+$/.test( s ) ) ) ||
		entries.find( ( e ) => !/security/.test( e.uri ) );
	if ( !main ) {
		throw new Error( 'Could not find a Debian mirror in the apt sources; set PW_DEBIAN_MIRROR (e.g. the URI of a Debian archive mirror)' );
	}
	return { uri: main.uri, signedBy: main.signedBy };
}

/**
 * @param dir A folder
 * @return The newest .deb of each package in it, or null when one is missing
 */
async function findDebs( dir: string ): Promise<Record<string, string> | null> {
	const files = await fsp.readdir( dir ).catch( () => [] as string[] );
	const found: Record<string, string> = {};
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
 *
 * @param options
 * @param options.log Progress output
 * @return The path of each package's .deb
 */
export async function downloadMediaWiki( { log = console.log }: { log?: Log } = {} ): Promise<Record<string, string>> {
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
			'-qq',
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
		return ( await findDebs( dir ) )!;
	} finally {
		await release();
	}
}
