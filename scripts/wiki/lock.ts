// A cross-process lock: a directory holding its owner's pid. Guards the download cache,
// the unpacked tree and each running site against a second process (another test run,
// another `npm start`).
import fsp from 'node:fs/promises';
import path from 'node:path';
import { sleep } from './exec';

export interface LockOwner {
	pid: number;
	url?: string;
}

/** The lock is held by a live process, and the caller did not want to wait. */
export class LockHeldError extends Error {
	public owner: LockOwner | null = null;
}

export interface LockOptions {
	/** Wait for the lock (default) or fail at once */
	wait?: boolean;
	/** How long to wait (default 10 minutes) */
	timeoutMs?: number;
	/** What the lock guards, for messages */
	what?: string;
	/** More to note in the owner file */
	info?: Record<string, unknown>;
}

/**
 * @param pid A process id
 * @return Whether the process exists (EPERM: it does, as another user's)
 */
export function isAlive( pid: number ): boolean {
	try {
		process.kill( pid, 0 );
		return true;
	} catch ( e ) {
		return ( e as NodeJS.ErrnoException ).code === 'EPERM';
	}
}

/**
 * Take the lock. Stale locks (dead owner) are taken over. With wait=false, throws
 * LockHeldError at once when a live process holds it.
 *
 * @param dir The lock's directory
 * @param options See LockOptions
 * @return Releases the lock
 */
export async function acquireLock( dir: string, options: LockOptions = {} ): Promise<() => Promise<void>> {
	const { wait = true, timeoutMs = 10 * 60 * 1000, what = dir, info = {} } = options;
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
			if ( ( e as NodeJS.ErrnoException ).code !== 'EEXIST' ) {
				throw e;
			}
		}
		let owner: LockOwner | null = null;
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
			const e = new LockHeldError( `${ what } is held by process ${ owner ? owner.pid : '?' }` +
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
