// Small process and file helpers of the harness: run a command, find one on the PATH,
// write a file only when it changes, read the end of a log.
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';

export const sleep = ( ms: number ): Promise<void> => new Promise( ( r ) => {
	setTimeout( r, ms );
} );

export interface RunOptions {
	cwd?: string;
	env?: NodeJS.ProcessEnv;
	/** Written to the command's stdin */
	input?: string;
	/** Resolve with the exit code instead of rejecting when the command fails */
	allowFail?: boolean;
	maxBuffer?: number;
}

export interface RunResult {
	stdout: string;
	stderr: string;
	code: number | string;
}

/** A failed command, with what it printed. */
export class CommandError extends Error {
	public stdout = '';

	public stderr = '';

	public exitCode: number | string | undefined;
}

/**
 * @param cmd The command
 * @param args Its arguments
 * @param options See RunOptions
 * @return What it printed and its exit code
 */
export function run( cmd: string, args: string[], options: RunOptions = {} ): Promise<RunResult> {
	const { cwd, env, input, allowFail = false, maxBuffer = 64 * 1024 * 1024 } = options;
	return new Promise( ( resolve, reject ) => {
		const child = execFile( cmd, args, { cwd, env, maxBuffer, encoding: 'utf8' }, ( err, stdout, stderr ) => {
			if ( err && !allowFail ) {
				const e = new CommandError(
					`${ cmd } ${ args.join( ' ' ) } failed (${ err.code ?? err.signal ?? err.message })\n` +
					`${ stderr || '' }${ stdout ? '\n' + stdout.slice( -4000 ) : '' }`.trim(),
				);
				e.stdout = stdout;
				e.stderr = stderr;
				e.exitCode = err.code ?? undefined;
				reject( e );
				return;
			}
			resolve( { stdout, stderr, code: err ? ( err.code ?? 1 ) : 0 } );
		} );
		if ( input !== undefined ) {
			child.stdin?.end( input );
		} else {
			child.stdin?.end();
		}
	} );
}

/**
 * @param cmd A command name
 * @return Its path on the PATH, or null
 */
export async function which( cmd: string ): Promise<string | null> {
	for ( const dir of ( process.env.PATH || '' ).split( path.delimiter ) ) {
		const p = path.join( dir, cmd );
		try {
			await fsp.access( p, fs.constants.X_OK );
			return p;
		} catch {}
	}
	return null;
}

/**
 * Replace a file atomically, and only when its text changes (PHP's opcache and the
 * server see either the old or the new file, never half of one).
 *
 * @param file The file
 * @param text Its new text
 */
export async function writeIfChanged( file: string, text: string ): Promise<void> {
	const old = await fsp.readFile( file, 'utf8' ).catch( () => null );
	if ( old !== text ) {
		const tmp = `${ file }.${ process.pid }.tmp`;
		await fsp.writeFile( tmp, text );
		await fsp.rename( tmp, file );
	}
}

/**
 * @param file A log file
 * @param bytes How much of its end
 * @return The end of it ('' when there is none)
 */
export async function tail( file: string, bytes = 4000 ): Promise<string> {
	const text = await fsp.readFile( file, 'utf8' ).catch( () => '' );
	return text.slice( -bytes );
}
