// A production-like MediaWiki tree: the unpacked MediaWiki 1.43 (.wiki/mw) with Codex 2.6,
// its design tokens and icons, and Vue 3.5 in place of 1.43's Codex 1.14 and Vue 3.4 —
// what MediaWiki 1.45 and later (1.47-wmf on Meta and Commons) serve from the same
// ResourceLoader modules (`vue`, `@wikimedia/codex`, `codex-styles`, every CodexModule).
//
// The new tree is a sibling (.wiki/mw-codex2) made of hard links to the original, except
// the four library folders (copies from the npm packages installed under the aliases
// `@wikimedia/codex-2` and `vue-3.5`) and resources/lib/foreign-resources.yaml (rewritten,
// so that Special:Version names the versions served). Hard links, not symlinks: PHP
// resolves __DIR__ through symlinks, so a symlinked file would run from the original
// tree and read its libraries. Nothing in the original tree is changed.
//
// What 1.43 expects of these folders and what 2.6 ships (checked file by file):
// - resources/lib/codex: codex.umd.cjs (the `@wikimedia/codex` module),
//   codex.style.css / codex.style-rtl.css (`codex-styles`), modules/manifest.json,
//   modules/manifest-rtl.json and modules/*.cjs|css (every `codexComponents` module:
//   CodexModule), messageKeys.json (their messages): all present in 2.6, same names.
// - resources/lib/codex-design-tokens: only MediaWiki's own Less reads it (through
//   `mediawiki.skin.variables.less`); Codex's CSS and ours are built from the tokens
//   beforehand. It stays 1.43's by default, because 1.43's skins do not compile against
//   the 2.x tokens: Vector 2022's variables.less does arithmetic on @font-size-small
//   (`unit( 500px / @font-size-browser / @font-size-small, em )`), which 2.0 made a CSS
//   variable (`var( --font-size-small, 0.875rem )`), so skins.vector.styles,
//   skins.vector.js, skins.vector.styles.legacy, mediawiki.notification and
//   mediawiki.action.edit fail with a Less_Exception_Compiler and Vector 2022 loses its
//   styles and its search (seen with scripts/wiki/codex2Check.ts). `designTokens:
//   'codex2'` replaces it anyway, to see that: 1.43's Vector 2022 and Minerva import
//   `theme-wikimedia-ui-mixin-dark.less` (present in 2.6) and
//   `theme-wikimedia-ui-reset.less`, which 2.0 renamed
//   `theme-wikimedia-ui-mixin-mode-reset.less` (same mixin, `.cdx-mode-reset()`): a
//   one-line file under the old name imports the new one. `theme-wikimedia-ui-legacy.less`
//   (removed in 2.0) is imported by nothing in 1.43. Codex's Less mixins (resources/lib/codex/
//   mixins, imported as `mediawiki.skin.codex/mixins/…`) go with the tokens: 2.6's link.less
//   needs @color-link--visited--hover, which 1.14's tokens lack (jquery.makeCollapsible and
//   skins.vector.styles failed so).
// - resources/lib/codex-icons: codex-icons.json (CodexModule::getIcons) and
//   codex-icon-paths.less; 1.43 itself asks only for cdxIconSearch, still there.
// - resources/lib/vue: vue.global.js and vue.global.prod.js (the `vue` module's callback).
//
// Only Node built-ins, so that the harness (scripts/wiki/) can use it whatever it becomes.
//
// One file (over 400 lines) because making the tree, mapping the npm packages onto the
// files MediaWiki 1.43 expects, and serving a site from it are one job done once per run.

import { createHash } from 'node:crypto';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const REPO_DIR = path.resolve( path.dirname( fileURLToPath( import.meta.url ) ), '..', '..' );

/** Bump when what makeCodex2Tree writes changes, so that old trees are made again */
const LAYOUT = 4;

/** The npm packages a tree is filled from, and the lock that says where they came from */
export interface Codex2Packages {
	/** @wikimedia/codex 2.6.x */
	codex: string;
	/** @wikimedia/codex-design-tokens 2.6.x */
	tokens: string;
	/** @wikimedia/codex-icons, the version that Codex depends on */
	icons: string;
	/** vue 3.5.x */
	vue: string;
	/** package-lock.json, for the integrity of each tarball (Special:Version shows none) */
	lockFile?: string;
}

/** The packages installed in this repository under their aliases (package.json) */
export function defaultPackages(): Codex2Packages {
	const nodeModules = path.join( REPO_DIR, 'node_modules' );
	const codex = path.join( nodeModules, '@wikimedia', 'codex-2' );
	const nestedIcons = path.join( codex, 'node_modules', '@wikimedia', 'codex-icons' );
	return {
		codex,
		tokens: path.join( nodeModules, 'codex-design-tokens-2' ),
		icons: fs.existsSync( nestedIcons ) ? nestedIcons : path.join( nodeModules, '@wikimedia', 'codex-icons' ),
		vue: path.join( nodeModules, 'vue-3.5' ),
		lockFile: path.join( REPO_DIR, 'package-lock.json' ),
	};
}

/** The folders of resources/lib that are replaced, by their name there */
type LibraryName = 'codex' | 'codex-design-tokens' | 'codex-icons' | 'vue';

export interface Codex2Tree {
	/** The new tree */
	dir: string;
	/** Versions of the packages copied in, by foreign-resources.yaml name */
	versions: Record<LibraryName, string>;
	/** Files written that no package ships, for what 1.43 imports under old names */
	shims: string[];
	/** Whether the tree was (re)made by this call, rather than found up to date */
	made: boolean;
}

/** A file or folder of a package (relative to it), and where it goes in the library folder */
interface Copy {
	from: string;
	to: string;
}

/** What 1.43's foreign-resources.yaml takes from each package (its `dest` lists), by folder */
const LIBRARIES: Record<LibraryName, { pkg: keyof Omit<Codex2Packages, 'lockFile'>; npmName: string; copies: ( files: string[] ) => Copy[] }> = {
	codex: {
		pkg: 'codex',
		npmName: '@wikimedia/codex',
		copies: ( dist ) => [
			...[ 'codex.cjs', 'codex.js', 'codex.umd.cjs', 'messageKeys.json' ].map( ( f ) => ( { from: `dist/${ f }`, to: f } ) ),
			...dist.filter( ( f ) => /^codex\..*\.css$/.test( f ) ).map( ( f ) => ( { from: `dist/${ f }`, to: f } ) ),
			{ from: 'dist/modules', to: 'modules' },
			{ from: 'dist/mixins', to: 'mixins' },
			...[ 'LICENSE', 'README.md', 'CHANGELOG.md' ].map( ( f ) => ( { from: f, to: f } ) ),
		],
	},
	'codex-design-tokens': {
		pkg: 'tokens',
		npmName: '@wikimedia/codex-design-tokens',
		copies: ( dist ) => [
			...dist.filter( ( f ) => /^theme-.*\.less$/.test( f ) ).map( ( f ) => ( { from: `dist/${ f }`, to: f } ) ),
			{ from: 'dist/theme-wikimedia-ui-root.css', to: 'theme-wikimedia-ui-root.css' },
			{ from: 'dist/theme-wikimedia-ui-mode-dark.css', to: 'theme-wikimedia-ui-mode-dark.css' },
			...[ 'LICENSE', 'README.md' ].map( ( f ) => ( { from: f, to: f } ) ),
		],
	},
	'codex-icons': {
		pkg: 'icons',
		npmName: '@wikimedia/codex-icons',
		copies: () => [
			{ from: 'dist/codex-icons.json', to: 'codex-icons.json' },
			{ from: 'dist/codex-icon-paths.less', to: 'codex-icon-paths.less' },
			...[ 'LICENSE', 'README.md' ].map( ( f ) => ( { from: f, to: f } ) ),
		],
	},
	vue: {
		pkg: 'vue',
		npmName: 'vue',
		copies: () => [
			{ from: 'dist/vue.global.js', to: 'vue.global.js' },
			{ from: 'dist/vue.global.prod.js', to: 'vue.global.prod.js' },
			...[ 'LICENSE', 'README.md' ].map( ( f ) => ( { from: f, to: f } ) ),
		],
	},
};

/**
 * Files under names that 1.43 imports and the 2.x packages no longer ship, each importing
 * its successor (Less resolves the import beside the importing file).
 */
const TOKEN_SHIMS: Record<string, string> = {
	'theme-wikimedia-ui-reset.less': 'theme-wikimedia-ui-mixin-mode-reset.less',
};

/**
 * Make (or find up to date) a sibling of an unpacked MediaWiki 1.43 tree that serves Codex 2.6
 * and Vue 3.5. Run it after the harness has provisioned the source tree (and after it has
 * linked the sites' images into it, which the copy keeps: `images/<site>` are relative
 * symlinks, valid in a sibling).
 *
 * @param options
 * @param options.source The unpacked tree, e.g. .wiki/mw
 * @param options.target Where to make the new one (default: `<source>-codex2`)
 * @param options.packages The npm packages (default: this repository's aliases)
 * @param options.designTokens 'mediawiki' (default) keeps 1.43's design tokens, which its
 *  skins' Less needs; 'codex2' puts in 2.6's (and breaks Vector 2022: see above)
 * @param options.log Progress lines
 * @return The tree, with the versions it serves
 */
export async function makeCodex2Tree( {
	source, target = `${ source.replace( /\/+$/, '' ) }-codex2`, packages = defaultPackages(), designTokens = 'mediawiki',
	log = () => undefined,
}: {
	source: string;
	target?: string;
	packages?: Codex2Packages;
	designTokens?: 'mediawiki' | 'codex2';
	log?: ( line: string ) => void;
} ): Promise<Codex2Tree> {
	const versions = {} as Record<LibraryName, string>;
	const libraries = ( Object.entries( LIBRARIES ) as [ LibraryName, typeof LIBRARIES[ LibraryName ] ][] )
		.filter( ( [ name ] ) => designTokens === 'codex2' || name !== 'codex-design-tokens' );
	const replaced = new Set( [ ...libraries.map( ( [ name ] ) => `resources/lib/${ name }` ), 'resources/lib/foreign-resources.yaml' ] );
	// Codex's Less mixins are compiled by MediaWiki with the tokens beside them (2.6's
	// link.less needs @color-link--visited--hover, which 1.14's tokens lack): they go with
	// the tokens.
	const keepMixins = designTokens !== 'codex2';
	for ( const [ name, lib ] of libraries ) {
		const pkg = JSON.parse( await fsp.readFile( path.join( packages[ lib.pkg ], 'package.json' ), 'utf8' ) );
		if ( pkg.name !== lib.npmName ) {
			throw new Error( `${ packages[ lib.pkg ] } is ${ pkg.name }, not ${ lib.npmName }` );
		}
		versions[ name ] = pkg.version;
	}
	if ( !/^2\./.test( versions.codex ) || !/^3\.5\./.test( versions.vue ) ) {
		throw new Error( `Expected Codex 2.x and Vue 3.5.x, found Codex ${ versions.codex } and Vue ${ versions.vue }` );
	}
	const sourceStamp = await fsp.readFile( path.join( source, '.partnerships-tree.json' ), 'utf8' ).catch( () => null );
	if ( sourceStamp === null && !fs.existsSync( path.join( source, 'includes', 'Defines.php' ) ) ) {
		throw new Error( `${ source } is not an unpacked MediaWiki tree` );
	}
	if ( designTokens !== 'codex2' ) {
		versions[ 'codex-design-tokens' ] = await mediawikiVersion( source, 'codex-design-tokens' );
	}
	const stamp = JSON.stringify( {
		layout: LAYOUT, source: path.resolve( source ), sourceStamp, versions, designTokens,
	} );
	const stampFile = path.join( target, '.partnerships-codex2.json' );
	const shims = designTokens === 'codex2' ?
		Object.keys( TOKEN_SHIMS ).map( ( f ) => `resources/lib/codex-design-tokens/${ f }` ) :
		[];
	if ( await fsp.readFile( stampFile, 'utf8' ).catch( () => null ) === stamp ) {
		await linkNewEntries( source, target, 'images' );
		return { dir: target, versions, shims, made: false };
	}

	log( `[codex2] linking ${ source } into ${ target }` );
	await fsp.rm( target, { recursive: true, force: true } );
	const tmp = `${ target }.tmp-${ process.pid }`;
	await fsp.rm( tmp, { recursive: true, force: true } );
	await linkTree( source, tmp, '', replaced );

	for ( const [ name, lib ] of libraries ) {
		const pkgDir = packages[ lib.pkg ];
		const dest = path.join( tmp, 'resources', 'lib', name );
		await fsp.mkdir( dest, { recursive: true } );
		const dist = await fsp.readdir( path.join( pkgDir, 'dist' ) );
		for ( const copy of lib.copies( dist ) ) {
			if ( keepMixins && name === 'codex' && copy.to === 'mixins' ) {
				await linkTree( path.join( source, 'resources', 'lib', 'codex', 'mixins' ), path.join( dest, 'mixins' ), '', new Set() );
				continue;
			}
			const from = path.join( pkgDir, copy.from );
			if ( !fs.existsSync( from ) ) {
				if ( /\.(md)$|LICENSE$/.test( copy.from ) ) {
					continue;
				}
				throw new Error( `${ lib.npmName }@${ versions[ name ] } has no ${ copy.from }, which MediaWiki 1.43 loads` );
			}
			await fsp.cp( from, path.join( dest, copy.to ), { recursive: true } );
		}
		log( `[codex2] resources/lib/${ name }: ${ lib.npmName }@${ versions[ name ] }` );
	}
	const tokensDir = path.join( tmp, 'resources', 'lib', 'codex-design-tokens' );
	if ( designTokens !== 'codex2' ) {
		// 1.43's skins keep 1.43's Less tokens, but night mode's CSS variables come from
		// 2.6's `.cdx-mode-dark()` (only custom properties, no Less arithmetic): Codex 2.6's
		// CSS reads variables that 1.14's mixin does not set (--color-neutral, the text of
		// every default button, fell back to its light #404244 on the dark background), and
		// a 1.45+ wiki's skins set them all. Unlinked first: the file is a hard link into
		// the source tree.
		const mixin = path.join( tokensDir, 'theme-wikimedia-ui-mixin-dark.less' );
		await fsp.rm( mixin, { force: true } );
		await fsp.copyFile( path.join( packages.tokens, 'dist', 'theme-wikimedia-ui-mixin-dark.less' ), mixin );
		log( '[codex2] resources/lib/codex-design-tokens/theme-wikimedia-ui-mixin-dark.less: ' +
			`@wikimedia/codex-design-tokens@${ JSON.parse( await fsp.readFile( path.join( packages.tokens, 'package.json' ), 'utf8' ) ).version }` );
	}
	for ( const [ oldName, newName ] of designTokens === 'codex2' ? Object.entries( TOKEN_SHIMS ) : [] ) {
		if ( !fs.existsSync( path.join( tokensDir, newName ) ) ) {
			throw new Error( `codex-design-tokens ${ versions[ 'codex-design-tokens' ] } has no ${ newName }` );
		}
		await fsp.writeFile( path.join( tokensDir, oldName ), [
			'// Written by scripts/wiki/codex2.ts: MediaWiki 1.43 imports this file, which Codex 2.0',
			`// renamed ${ newName }.`,
			`@import '${ newName }';`,
			'',
		].join( '\n' ) );
	}

	const yamlFile = path.join( source, 'resources', 'lib', 'foreign-resources.yaml' );
	const integrities = await lockIntegrities( packages );
	await fsp.writeFile(
		path.join( tmp, 'resources', 'lib', 'foreign-resources.yaml' ),
		rewriteForeignResources( await fsp.readFile( yamlFile, 'utf8' ), versions, integrities, new Set( libraries.map( ( [ name ] ) => name ) ) ),
	);
	await fsp.writeFile( path.join( tmp, '.partnerships-codex2.json' ), stamp );
	await fsp.rename( tmp, target );
	return { dir: target, versions, shims, made: true };
}

/**
 * @param tree A MediaWiki tree
 * @param name A library of resources/lib
 * @return Its version, as foreign-resources.yaml gives it
 */
async function mediawikiVersion( tree: string, name: LibraryName ): Promise<string> {
	const yaml = await fsp.readFile( path.join( tree, 'resources', 'lib', 'foreign-resources.yaml' ), 'utf8' );
	const block = yaml.split( /\n(?=\S)/ ).find( ( b ) => b.startsWith( `${ name }:` ) ) ?? '';
	return ( /\n {2}version: (\S+)/.exec( block ) ?? [] )[ 1 ] ?? 'unknown';
}

/**
 * Mirror a directory with hard links (copies across file systems), keeping symlinks as they
 * are (the tree's are relative) and leaving out what REPLACED names.
 *
 * @param from Source directory
 * @param to Directory to create
 * @param rel Path of `from` inside the tree, '' at its root
 * @param replaced Paths inside the tree to leave out
 */
async function linkTree( from: string, to: string, rel: string, replaced: Set<string> ): Promise<void> {
	await fsp.mkdir( to, { recursive: true } );
	const entries = await fsp.readdir( from, { withFileTypes: true } );
	await Promise.all( entries.map( async ( entry ) => {
		const relPath = rel ? `${ rel }/${ entry.name }` : entry.name;
		if ( replaced.has( relPath ) ) {
			return;
		}
		const src = path.join( from, entry.name );
		const dest = path.join( to, entry.name );
		if ( entry.isSymbolicLink() ) {
			await fsp.symlink( await fsp.readlink( src ), dest );
		} else if ( entry.isDirectory() ) {
			await linkTree( src, dest, relPath, replaced );
		} else {
			await fsp.link( src, dest ).catch( ( e: NodeJS.ErrnoException ) => {
				if ( e.code !== 'EXDEV' ) {
					throw e;
				}
				return fsp.copyFile( src, dest );
			} );
		}
	} ) );
}

/**
 * Bring over entries added to a folder of the source since the tree was made (the harness
 * links each new site's images into `<tree>/images/<site>`).
 *
 * @param source Source tree
 * @param target Tree made from it
 * @param rel Folder inside both
 */
async function linkNewEntries( source: string, target: string, rel: string ): Promise<void> {
	const from = path.join( source, rel );
	for ( const entry of await fsp.readdir( from, { withFileTypes: true } ).catch( () => [] ) ) {
		const dest = path.join( target, rel, entry.name );
		if ( entry.isSymbolicLink() && await fsp.lstat( dest ).catch( () => null ) === null ) {
			await fsp.symlink( await fsp.readlink( path.join( from, entry.name ) ), dest );
		}
	}
}

/**
 * @param packages The packages
 * @return The lock file's integrity of each library's tarball, when it names one
 */
async function lockIntegrities( packages: Codex2Packages ): Promise<Partial<Record<LibraryName, string>>> {
	const out: Partial<Record<LibraryName, string>> = {};
	if ( !packages.lockFile ) {
		return out;
	}
	const lock = JSON.parse( await fsp.readFile( packages.lockFile, 'utf8' ).catch( () => '{}' ) );
	const root = path.dirname( packages.lockFile );
	for ( const [ name, lib ] of Object.entries( LIBRARIES ) as [ LibraryName, typeof LIBRARIES[ LibraryName ] ][] ) {
		const key = path.relative( root, packages[ lib.pkg ] ).split( path.sep ).join( '/' );
		const integrity = lock.packages?.[ key ]?.integrity;
		if ( typeof integrity === 'string' ) {
			out[ name ] = integrity;
		}
	}
	return out;
}

/**
 * 1.43's foreign-resources.yaml with the four libraries' version, purl, src and integrity
 * set to the packages copied in. Special:Version lists these ("Installed client-side
 * libraries"), which is how a person — or the deploy check — reads the versions served.
 *
 * @param yaml The original file
 * @param versions Versions copied in
 * @param integrities Integrity of each tarball, where known (else the line is dropped)
 * @param only The libraries replaced (default: all four)
 * @return The new file
 */
export function rewriteForeignResources(
	yaml: string, versions: Record<LibraryName, string>, integrities: Partial<Record<LibraryName, string>> = {},
	only: Set<LibraryName> = new Set( Object.keys( LIBRARIES ) as LibraryName[] ),
): string {
	const out: string[] = [];
	let current: LibraryName | null = null;
	for ( const line of yaml.split( '\n' ) ) {
		const top = /^([A-Za-z0-9._-]+):\s*$/.exec( line );
		if ( top ) {
			current = only.has( top[ 1 ] as LibraryName ) ? top[ 1 ] as LibraryName : null;
			out.push( line );
			continue;
		}
		if ( !current ) {
			out.push( line );
			continue;
		}
		const version = versions[ current ];
		const npmName = LIBRARIES[ current ].npmName;
		const tarball = `${ npmName.replace( /^@[^/]+\//, '' ) }-${ version }.tgz`;
		if ( /^ {2}version:/.test( line ) ) {
			out.push( `  version: ${ version }` );
		} else if ( /^ {2}purl:/.test( line ) ) {
			out.push( `  purl: pkg:npm/${ npmName }@${ version }` );
		} else if ( /^ {2}src:/.test( line ) ) {
			out.push( `  src: https://registry.npmjs.org/${ npmName }/-/${ tarball }` );
		} else if ( /^ {2}integrity:/.test( line ) ) {
			if ( integrities[ current ] ) {
				out.push( `  integrity: ${ integrities[ current ] }` );
			}
		} else {
			out.push( line );
		}
	}
	return out.join( '\n' );
}

/**
 * @param file A file
 * @return Its SHA-1, for reports that two trees serve different files
 */
export async function fileDigest( file: string ): Promise<string> {
	return createHash( 'sha1' ).update( await fsp.readFile( file ) ).digest( 'hex' );
}

export interface ServedTree {
	url: string;
	/** Resolves when php -S exits */
	exited: Promise<number | null>;
	stop(): Promise<void>;
}

/**
 * Serve an installed site from another tree (e.g. the Codex 2 one), the way the harness
 * serves it from .wiki/mw: php -S on loopback, the site's settings from MW_CONFIG_FILE,
 * MW_INSTALL_PATH at the tree. Stop the harness's server of that site first: the site's
 * settings name its port.
 *
 * @param options
 * @param options.tree The tree
 * @param options.site The site's name, e.g. 'codex2'
 * @param options.siteDir .wiki/sites/<site> (the harness's Wiki.siteDir)
 * @param options.port The site's port (the harness's Wiki.port)
 * @param options.workers PHP_CLI_SERVER_WORKERS
 * @return The server
 */
export async function serveTree( { tree, site, siteDir, port, workers = 2 }: {
	tree: string; site: string; siteDir: string; port: number; workers?: number;
} ): Promise<ServedTree> {
	const { spawn } = await import( 'node:child_process' );
	const log = fs.openSync( path.join( siteDir, 'logs', 'server-codex2.log' ), 'a' );
	const child = spawn( 'php', [
		'-S', `127.0.0.1:${ port }`, '-t', tree,
		'-d', 'display_errors=0', '-d', 'log_errors=1', '-d', 'error_log=',
	], {
		cwd: tree,
		detached: true,
		stdio: [ 'ignore', log, log ],
		env: {
			...process.env,
			PW_SITE: site,
			MW_INSTALL_PATH: tree,
			MW_CONFIG_FILE: path.join( siteDir, 'LocalSettings.php' ),
			PHP_CLI_SERVER_WORKERS: String( workers ),
		},
	} );
	fs.closeSync( log );
	const exited = new Promise<number | null>( ( resolve ) => {
		child.on( 'exit', ( code ) => resolve( code ) );
	} );
	const killGroup = ( signal: NodeJS.Signals ): void => {
		try {
			process.kill( -( child.pid as number ), signal );
		} catch {
			// Already gone
		}
	};
	const onExit = (): void => killGroup( 'SIGKILL' );
	process.on( 'exit', onExit );
	const url = `http://127.0.0.1:${ port }`;
	const deadline = Date.now() + 30000;
	for ( ;; ) {
		const ok = await fetch( `${ url }/api.php?action=query&meta=siteinfo&format=json` )
			.then( ( res ) => res.ok ).catch( () => false );
		if ( ok ) {
			break;
		}
		if ( Date.now() > deadline ) {
			killGroup( 'SIGKILL' );
			throw new Error( `php -S on ${ tree } did not answer on ${ url }` );
		}
		await new Promise( ( r ) => {
			setTimeout( r, 100 );
		} );
	}
	return {
		url,
		exited,
		async stop() {
			process.off( 'exit', onExit );
			killGroup( 'SIGTERM' );
			const timer = setTimeout( () => killGroup( 'SIGKILL' ), 3000 );
			await exited;
			clearTimeout( timer );
		},
	};
}
