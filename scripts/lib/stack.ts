// The local stack for `npm start` and the tests: two real MediaWiki 1.43 wikis, one with
// the extension and one with the gadgets (installed with the deploy command, as an
// interface administrator would), both seeded with the demo records.
import { spawn, execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startWiki, Wiki } from '../wiki/harness';
import { HttpActionApi } from '../../src/shared/api/HttpActionApi';
import { seedDemo } from './seed';
import { seedHeroes } from './seedHeroes';
import { ReplayServer, startReplayServer } from './replayServer';
import { demoLogo } from './png';

/** The logo a demo record names (`donation.logo`), uploaded to each wiki by the stack */
export const DEMO_LOGO = 'Rijksmuseum logo.png';

/**
 * Upload the demo logo, as the file a record's `donation.logo` names (on Wikimedia wikis
 * and with InstantCommons it would come from Commons; here the wiki holds it).
 *
 * @param wiki A wiki
 */
export async function uploadDemoLogo( wiki: Pick<Wiki, 'api' | 'accounts'> ): Promise<void> {
	const session = await asAdmin( wiki );
	await session.upload( {
		filename: DEMO_LOGO,
		text: 'Logo of the Rijksmuseum, for the Partnerships demo (a stand-in drawn in code).',
		comment: 'Partnerships demo data',
		ignorewarnings: 1,
	}, new Blob( [ new Uint8Array( demoLogo() ) ], { type: 'image/png' } ) );
}

export const RECORDS_ROOT = 'Project:Partnerships';

export interface Stack {
	ext: Wiki;
	gadgets: Wiki;
	/** Stands in for Wikidata (unreachable here): recorded-shape wbsearchentities answers */
	wikidata: ReplayServer;
	stop(): Promise<void>;
}

/**
 * Run the deploy command against a wiki, exactly as documented in the README.
 *
 * @param wiki The wiki
 * @param log Progress output
 * @param options
 * @param options.config The wiki's own configuration file
 * @param options.extension The wiki runs the extension: deploy the donations index and templates only
 * @param options.allowUntested Deploy outside the tested range (the Codex 2 stack: MediaWiki
 *  1.43 with Codex 2.6 is a test bench, a pairing no production wiki runs)
 */
export async function deployGadgets(
	wiki: Wiki,
	log: ( line: string ) => void,
	options: { config?: string; extension?: boolean; allowUntested?: boolean } = {},
): Promise<void> {
	const dirty = execFileSync( 'git', [ 'status', '--porcelain' ], { encoding: 'utf8' } ).trim() !== '';
	const args = [
		'run', '--silent', 'deploy', '--', '--wiki', wiki.api,
		...( dirty ? [ '--allow-dirty' ] : [] ),
		...( options.config ? [ '--config', options.config ] : [] ),
		...( options.extension ? [ '--extension' ] : [] ),
		...( options.allowUntested ? [ '--allow-untested' ] : [] ),
	];
	if ( dirty ) {
		log( 'Working tree has uncommitted changes: deploying with --allow-dirty (the summary says so).' );
	}
	const child = spawn( 'npm', args, {
		env: {
			...process.env,
			PARTNERSHIPS_BOT_USER: wiki.accounts.admin.botUsername,
			PARTNERSHIPS_BOT_PASSWORD: wiki.accounts.admin.botPassword,
		},
		stdio: [ 'ignore', 'pipe', 'pipe' ],
	} );
	let output = '';
	child.stdout.on( 'data', ( d ) => {
		output += d;
	} );
	child.stderr.on( 'data', ( d ) => {
		output += d;
	} );
	const code = await new Promise<number | null>( ( resolve ) => {
		child.on( 'close', resolve );
	} );
	if ( code !== 0 ) {
		throw new Error( `Deploy to ${ wiki.api } failed (exit ${ code }):\n${ output }` );
	}
	log( output.trim().split( '\n' ).pop() ?? '' );
}

/**
 * @param wiki A wiki
 * @return An API client logged in with the administrator's bot password
 */
export async function asAdmin( wiki: Pick<Wiki, 'api' | 'accounts'> ): Promise<HttpActionApi> {
	const api = new HttpActionApi( wiki.api );
	await api.login( wiki.accounts.admin.botUsername, wiki.accounts.admin.botPassword );
	return api;
}

/**
 * @param wiki A wiki
 * @param user One of its accounts
 * @return An API client logged in as that account (the first ordinary user by default)
 */
export async function loggedIn(
	wiki: Pick<Wiki, 'api' | 'accounts'>,
	user = wiki.accounts.users[ 0 ],
): Promise<HttpActionApi> {
	const api = new HttpActionApi( wiki.api );
	await api.clientLogin( user.username, user.password );
	return api;
}

/**
 * @param options
 * @param options.log Where progress lines go
 * @param options.codex 1 (default): MediaWiki 1.43 as shipped, Codex 1.14 and Vue 3.4, sites
 *  'ext' and 'gadgets'; 2: the same MediaWiki serving Codex 2.6 and Vue 3.5 (the harness's
 *  Codex 2 tree), sites 'ext_codex2' and 'gadgets_codex2' (data dirs of their own, so
 *  both stacks can run at once)
 * @return Both wikis, running, with demo data
 */
export async function startStack(
	{ log = console.log, codex = 1 }: { log?: ( line: string ) => void; codex?: 1 | 2 } = {},
): Promise<Stack> {
	const suffix = codex === 2 ? '_codex2' : '';
	const tree = codex === 2 ? 'codex2' : 'mw';
	const wikidata = await startReplayServer( { dir: new URL( '../../tests/fixtures/wikidata', import.meta.url ).pathname } );
	let ext: Wiki;
	let gadgets: Wiki;
	try {
		ext = await startWiki( {
			site: `ext${ suffix }`,
			partnerships: true,
			tree,
			log,
			extraSettings: `$wgPartnershipsWikidataApi = ${ JSON.stringify( wikidata.url ) };`,
		} );
	} catch ( e ) {
		await wikidata.close();
		throw e;
	}
	try {
		gadgets = await startWiki( { site: `gadgets${ suffix }`, tree, log } );
	} catch ( e ) {
		await ext.stop();
		await wikidata.close();
		throw e;
	}
	const stop = async (): Promise<void> => {
		await Promise.all( [ ext.stop(), gadgets.stop(), wikidata.close() ] );
	};
	try {
		// This wiki's configuration: as the defaults, but Wikidata is the local replay server.
		const config = join( mkdtempSync( join( tmpdir(), 'partnerships-config-' ) ), 'partnerships-config.json' );
		const defaults = JSON.parse( readFileSync( 'gadgets/partnerships-config.json', 'utf8' ) );
		writeFileSync( config, JSON.stringify( { ...defaults, PartnershipsWikidataApi: wikidata.url }, null, '\t' ) + '\n' );
		for ( const wiki of [ ext, gadgets ] ) {
			// As the administrator's bot: ordinary accounts are rate-limited in creating
			// pages with a non-default content model (editcontentmodel, 8 a minute).
			const admin = await asAdmin( wiki );
			const created = await seedDemo( admin, RECORDS_ROOT );
			const sessions = new Map<string, Promise<HttpActionApi>>();
			sessions.set( wiki.accounts.admin.username, Promise.resolve( admin ) );
			const as = ( name: string ): Promise<HttpActionApi> => {
				if ( !sessions.has( name ) ) {
					const user = wiki.accounts.users.find( ( u ) => u.username === name );
					if ( !user ) {
						throw new Error( `No demo account ${ name }` );
					}
					sessions.set( name, loggedIn( wiki, user ) );
				}
				return sessions.get( name ) as Promise<HttpActionApi>;
			};
			// Demo heroes on the extension's wiki only: there heroes pages are JSON by
			// default; on the gadgets' wiki each is a content-model change, which MediaWiki
			// limits to 8 a minute for ordinary accounts — the demo would use up what the
			// browser tests of the next minute need.
			const heroes = wiki === ext ? await seedHeroes( as, RECORDS_ROOT ) : 0;
			await uploadDemoLogo( wiki );
			log( `Seeded ${ created } demo records, ${ heroes } heroes pages and the logo ${ DEMO_LOGO } on ${ wiki.site } (${ wiki.url })` );
		}
		// After the records: the deploy builds the donations index from them.
		// The deploy refuses MediaWiki 1.43 with Codex 2.6 (1.43 is tested with its own Codex
		// only): the Codex 2 stack is that pairing on purpose, to run what production runs.
		const allowUntested = codex === 2;
		await deployGadgets( gadgets, log, { config, allowUntested } );
		await deployGadgets( ext, log, { extension: true, allowUntested } );
	} catch ( e ) {
		await stop();
		throw e;
	}
	return { ext, gadgets, wikidata, stop };
}
