// What the built modules were built from: a hash of every tracked file the build reads,
// written beside the modules by `npm run build` and checked by `npm run deploy`, so that
// what a deploy writes under a commit's name is the build of that commit (and not a build
// of other sources left in the ignored output folder).
import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** What the build reads: the sources, the messages, and how they are built */
export const BUILD_INPUTS = [ 'src', 'i18n', 'vite.config.ts', 'package-lock.json', 'scripts/build.ts', 'scripts/lib/messages.ts' ];

/** The stamp's name in the output folder */
export const STAMP_FILE = 'build-stamp.json';

/**
 * @param repo The repository's folder
 * @return A hash of the build's inputs as they are in the working tree (files git tracks)
 */
export function sourceHash( repo = '.' ): string {
	const files = execFileSync( 'git', [ 'ls-files', '-z', '--', ...BUILD_INPUTS ], { cwd: repo, encoding: 'utf8' } )
		.split( '\0' ).filter( Boolean ).sort();
	const hash = createHash( 'sha256' );
	for ( const file of files ) {
		const path = join( repo, file );
		hash.update( file ).update( '\0' );
		hash.update( existsSync( path ) ? readFileSync( path ) : Buffer.alloc( 0 ) ).update( '\0' );
	}
	return hash.digest( 'hex' );
}

/**
 * @param outDir The build's output folder
 * @param hash The inputs' hash
 */
export function writeStamp( outDir: string, hash: string ): void {
	writeFileSync( join( outDir, STAMP_FILE ), JSON.stringify( { sources: hash } ) + '\n' );
}

/**
 * @param outDir The build's output folder
 * @param hash The inputs' hash now
 * @return Why the build there is not the build of these inputs, or null when it is
 */
export function stampProblem( outDir: string, hash: string ): string | null {
	const path = join( outDir, STAMP_FILE );
	if ( !existsSync( path ) ) {
		return `no ${ STAMP_FILE } in ${ outDir }: run npm run build`;
	}
	let stamp: unknown;
	try {
		stamp = JSON.parse( readFileSync( path, 'utf8' ) );
	} catch {
		return `${ path } is not JSON: run npm run build`;
	}
	const sources = stamp && typeof stamp === 'object' ? ( stamp as { sources?: unknown } ).sources : undefined;
	return sources === hash ? null :
		`the modules in ${ outDir } were built from other sources than the working tree: run npm run build`;
}
