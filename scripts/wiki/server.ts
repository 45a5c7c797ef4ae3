// The wiki's server: `php -S` in its own process group, behind a watchdog that takes the
// whole group down when our stdin closes (i.e. when this Node process dies, however it
// dies); stopping waits until no process of the group is left, workers included.
import { ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import { sleep, tail } from './exec';

export interface ServerExit {
	code: number | null;
	signal: NodeJS.Signals | null;
	error?: Error;
}

export interface ServerProcess {
	child: ChildProcess;
	/** The watchdog's pid, which is also the process group's id */
	pid: number;
	/** Resolves when the watchdog exits, for whatever reason */
	exited: Promise<ServerExit>;
	/** Removed on exit, whatever way the process exits */
	lockDir?: string;
	stopped?: boolean;
}

const running = new Set<ServerProcess>();
let handlersInstalled = false;

function killGroup( pid: number, signal: NodeJS.Signals | 0 ): boolean {
	try {
		process.kill( -pid, signal );
		return true;
	} catch {
		return false;
	}
}

/** Synchronous last-resort cleanup: kill every server group we started, drop their locks. */
function cleanupSync( signal: NodeJS.Signals ): void {
	for ( const s of running ) {
		killGroup( s.pid, signal );
		if ( s.lockDir ) {
			fs.rmSync( s.lockDir, { recursive: true, force: true } );
		}
	}
	running.clear();
}

function installExitHandlers(): void {
	if ( handlersInstalled ) {
		return;
	}
	handlersInstalled = true;
	process.on( 'exit', () => cleanupSync( 'SIGKILL' ) );
	for ( const sig of [ 'SIGINT', 'SIGTERM', 'SIGHUP' ] as const ) {
		const handler = (): void => {
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

function spawnGroup(
	cmd: string, args: string[], { cwd, env, logFd }: { cwd: string; env: NodeJS.ProcessEnv; logFd: number },
): ServerProcess {
	const child = spawn( '/bin/sh', [ '-c', WATCHDOG, 'pw-watchdog', cmd, ...args ], {
		cwd, env, detached: true, stdio: [ 'pipe', logFd, logFd ],
	} );
	child.unref();
	child.stdin!.on( 'error', () => undefined );
	// A pipe's stdin is a net.Socket, whose unref keeps it from holding the event loop.
	( child.stdin as unknown as { unref?: () => void } ).unref?.();
	const exited = new Promise<ServerExit>( ( resolve ) => {
		child.on( 'exit', ( code, signal ) => resolve( { code, signal } ) );
		child.on( 'error', ( error ) => resolve( { code: null, signal: null, error } ) );
	} );
	return { child, pid: child.pid!, exited };
}

/**
 * Live (not zombie) processes of a process group. Killed PHP workers are re-parented to init
 * and may stay zombies for a moment: they hold nothing, so they do not count.
 */
function groupAlive( pgid: number ): boolean {
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

/**
 * Serve a MediaWiki tree with `php -S` on 127.0.0.1.
 *
 * @param options
 * @param options.port The port
 * @param options.root The document root (the tree)
 * @param options.env The site's environment (see siteEnv)
 * @param options.workers PHP_CLI_SERVER_WORKERS
 * @param options.serverLog Where the server's output goes
 * @param options.lockDir The site's lock, removed when this process exits
 * @return The server's process group
 */
export function startServer( { port, root, env, workers, serverLog, lockDir }: {
	port: number; root: string; env: NodeJS.ProcessEnv; workers: number; serverLog: string; lockDir: string;
} ): ServerProcess {
	const logFd = fs.openSync( serverLog, 'a' );
	let proc: ServerProcess;
	try {
		proc = spawnGroup( 'php', [
			'-S', `127.0.0.1:${ port }`, '-t', root,
			'-d', 'opcache.revalidate_freq=0', // see extra.php edits at once
			// PHP errors never inside JSON/HTML responses: they go to the server log
			// (MediaWiki's own exception pages still show details).
			'-d', 'display_errors=0', '-d', 'log_errors=1', '-d', 'error_log=',
			'-d', 'upload_max_filesize=64M', '-d', 'post_max_size=64M',
		], { cwd: root, env: { ...env, PHP_CLI_SERVER_WORKERS: String( workers ) }, logFd } );
		proc.lockDir = lockDir;
	} finally {
		fs.closeSync( logFd );
	}
	running.add( proc );
	installExitHandlers();
	return proc;
}

/**
 * Stop a server and wait until no process of its group is left.
 *
 * @param proc The server (nothing happens for null or a server already stopped)
 */
export async function stopServer( proc: ServerProcess | null ): Promise<void> {
	if ( !proc || proc.stopped ) {
		return;
	}
	proc.stopped = true;
	running.delete( proc );
	killGroup( proc.pid, 'SIGTERM' );
	try {
		proc.child.stdin?.destroy();
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
	let timer: NodeJS.Timeout | undefined;
	await Promise.race( [ proc.exited, new Promise( ( r ) => {
		timer = setTimeout( r, 1000 );
	} ) ] );
	clearTimeout( timer );
}

/**
 * Wait until the wiki answers as itself (the right wiki id, not another one on a port
 * that was reused), failing early when the server exits or every request fails.
 *
 * @param options
 * @param options.proc The server
 * @param options.api Its api.php URL
 * @param options.wikiId The wiki id it must answer with
 * @param options.tag Prefix of error messages
 * @param options.serverLog Its log, quoted in error messages
 * @param options.timeoutMs How long to wait
 */
export async function waitUntilServing( { proc, api, wikiId, tag, serverLog, timeoutMs }: {
	proc: ServerProcess; api: string; wikiId: string; tag: string; serverLog: string; timeoutMs: number;
} ): Promise<void> {
	const deadline = Date.now() + timeoutMs;
	const port = new URL( api ).port;
	let exitedEarly: ServerExit | null = null;
	proc.exited.then( ( r ) => {
		exitedEarly = r;
	} );
	let lastError: string | null = null;
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
			if ( res.ok && general && general.wikiid === wikiId ) {
				return;
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
			lastError = ( e as Error ).message;
		}
		if ( Date.now() > deadline ) {
			throw new Error( `${ tag } ${ api } did not answer within ${ timeoutMs } ms (last: ${ lastError })\nserver log:\n${ await tail( serverLog ) }` );
		}
		await sleep( 100 );
	}
}

/**
 * @return A port on 127.0.0.1 that is free now
 */
export function freePort(): Promise<number> {
	return new Promise( ( resolve, reject ) => {
		const srv = net.createServer();
		srv.unref();
		srv.on( 'error', reject );
		srv.listen( 0, '127.0.0.1', () => {
			const { port } = srv.address() as net.AddressInfo;
			srv.close( () => resolve( port ) );
		} );
	} );
}

/**
 * @param port A port
 * @return Whether it is free on 127.0.0.1
 */
export function portIsFree( port: number ): Promise<boolean> {
	return new Promise( ( resolve ) => {
		const srv = net.createServer();
		srv.unref();
		srv.once( 'error', () => resolve( false ) );
		srv.listen( port, '127.0.0.1', () => srv.close( () => resolve( true ) ) );
	} );
}
