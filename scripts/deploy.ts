// Deploys the gadgets to a wiki, as an interface administrator would on Meta:
//
//   PARTNERSHIPS_BOT_USER=Name@app PARTNERSHIPS_BOT_PASSWORD=… npm run deploy -- --wiki <api.php URL> [--dry-run]
//
// Writes the built files, the configuration, the messages (gadget descriptions) and the
// definitions, each edit's summary naming the git commit. --dry-run prints a diff per
// page and writes nothing. Refuses a dirty working tree (what is deployed must be a
// commit), unless --allow-dirty is given (the local harness, during development).
// --extension: the wiki runs the extension; write only the donations index
// ($wgPartnershipsDonationsPage) and the templates. --records <api.php URL>: the wiki
// holding the records, if not the configured one.
// --config <file> deploys that wiki's own configuration (records root, records wiki,
// Wikidata endpoint) instead of gadgets/partnerships-config.json.
// Refuses a wiki whose MediaWiki, Codex or Vue is outside the tested range (read from
// meta=siteinfo and Special:Version; scripts/lib/codexVersion.ts), unless --allow-untested
// is given; warns when they cannot be read.
// Refuses plain http: except on loopback (the bot password would travel in clear), and
// modules that are not the build of the working tree (scripts/lib/buildStamp.ts).
// Run `npm run build` first.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { HttpActionApi } from '../src/shared/api/HttpActionApi';
import { ApiError } from '../src/shared/api/ActionApi';
import { planPages } from './lib/deployPlan';
import { RangeCheck, checkTestedRange, parseClientLibraries } from './lib/codexVersion';
import { sourceHash, stampProblem } from './lib/buildStamp';
import { deployUrlProblem } from './lib/deployUrl';
import { OUT_DIR } from '../vite.config';
import { donationIndexFromWiki } from './lib/donationIndex';
import { NamespaceIds, parsePageLocation } from '../src/shared/wiki/pageLocation';
import type { ActionApi } from '../src/shared/api/ActionApi';

/**
 * @param api A wiki
 * @return Its namespace names and aliases, as wgNamespaceIds has them
 */
async function namespaceIds( api: ActionApi ): Promise<NamespaceIds> {
	const answer = await api.get( { action: 'query', meta: 'siteinfo', siprop: [ 'namespaces', 'namespacealiases' ] } );
	const ids: NamespaceIds = {};
	const add = ( name: unknown, id: number ): void => {
		if ( typeof name === 'string' && name ) {
			ids[ name.toLowerCase().replace( / /g, '_' ) ] = id;
		}
	};
	for ( const ns of Object.values( answer.query.namespaces ) as { id: number; name: string; canonical?: string }[] ) {
		add( ns.name, ns.id );
		add( ns.canonical, ns.id );
	}
	for ( const alias of answer.query.namespacealiases as { id: number; alias: string }[] ) {
		add( alias.alias, alias.id );
	}
	return ids;
}

/**
 * The wiki normalises what it stores (JSON pretty-printed, trailing whitespace trimmed),
 * so compare meaning, not bytes.
 *
 * @param model Content model of the page, if not wikitext
 * @param a One text
 * @param b The other
 * @return Whether saving b over a would change nothing that matters
 */
function sameContent( model: string | undefined, a: string, b: string ): boolean {
	if ( model === 'json' ) {
		try {
			return JSON.stringify( JSON.parse( a ) ) === JSON.stringify( JSON.parse( b ) );
		} catch {
			return false;
		}
	}
	return a.trimEnd() === b.trimEnd();
}

function git( ...args: string[] ): string {
	return execFileSync( 'git', args, { encoding: 'utf8' } ).trim();
}

function diff( title: string, before: string, after: string ): string {
	const dir = mkdtempSync( join( tmpdir(), 'partnerships-deploy-' ) );
	try {
		writeFileSync( join( dir, 'wiki' ), before );
		writeFileSync( join( dir, 'deploy' ), after );
		let out = '';
		try {
			execFileSync( 'git', [ 'diff', '--no-index', '--no-color', '--no-prefix', 'wiki', 'deploy' ], {
				cwd: dir,
				encoding: 'utf8',
				stdio: [ 'ignore', 'pipe', 'pipe' ],
			} );
		} catch ( e ) {
			// git diff exits 1 when the files differ; anything else is a real failure.
			const failure = e as { status?: number; stdout?: string; stderr?: string };
			if ( failure.status !== 1 ) {
				throw new Error( `git diff failed: ${ failure.stderr ?? '' }` );
			}
			out = String( failure.stdout ?? '' );
		}
		// Name the page in the headers instead of the temporary files.
		return out
			.replace( /^diff --git .*\n/m, '' )
			.replace( /^index .*\n/m, '' )
			.replace( /^--- wiki$/m, `--- ${ title } (wiki)` )
			.replace( /^\+\+\+ deploy$/m, `+++ ${ title } (deploy)` );
	} finally {
		rmSync( dir, { recursive: true, force: true } );
	}
}

/**
 * What the wiki runs, from what it tells anyone: siteinfo's generator and Special:Version's
 * table of client-side libraries (Codex builds carry no version of their own).
 *
 * @param api The wiki
 * @param apiUrl Its api.php
 * @return The verdict and its reasons
 */
async function testedRange( api: ActionApi, apiUrl: string ): Promise<RangeCheck> {
	const siteinfo = await api.get( { action: 'query', meta: 'siteinfo', siprop: 'general' } );
	let libraries: Record<string, string> | null = null;
	try {
		const url = new URL( apiUrl.replace( /api\.php$/, 'index.php' ) );
		url.search = new URLSearchParams( { title: 'Special:Version', uselang: 'en' } ).toString();
		const answer = await fetch( url, { signal: AbortSignal.timeout( 30000 ) } );
		libraries = answer.ok ? parseClientLibraries( await answer.text() ) : null;
	} catch {
		libraries = null;
	}
	return checkTestedRange( { generator: siteinfo.query.general.generator, libraries } );
}

async function main(): Promise<number> {
	const { values } = parseArgs( {
		options: {
			wiki: { type: 'string' },
			'dry-run': { type: 'boolean', default: false },
			'allow-dirty': { type: 'boolean', default: false },
			config: { type: 'string' },
			records: { type: 'string' },
			extension: { type: 'boolean', default: false },
			'allow-untested': { type: 'boolean', default: false },
		},
	} );
	if ( !values.wiki ) {
		console.error( 'Usage: npm run deploy -- --wiki <api.php URL> [--dry-run] [--config <file>] [--records <api.php URL>] [--extension] [--allow-untested]\n' +
			'Credentials: PARTNERSHIPS_BOT_USER (e.g. Name@deploy) and PARTNERSHIPS_BOT_PASSWORD, from Special:BotPasswords.' );
		return 2;
	}
	const urlProblem = deployUrlProblem( values.wiki );
	if ( urlProblem ) {
		console.error( `Refusing to deploy: ${ urlProblem }` );
		return 2;
	}
	const buildProblem = stampProblem( OUT_DIR, sourceHash() );
	if ( buildProblem ) {
		console.error( `Refusing to deploy: ${ buildProblem }` );
		return 1;
	}
	const dirty = git( 'status', '--porcelain' );
	if ( dirty && !values[ 'allow-dirty' ] ) {
		console.error( 'Refusing to deploy: the working tree has uncommitted changes (a deploy must name a commit).\n' + dirty );
		return 1;
	}
	const commit = git( 'rev-parse', '--short=12', 'HEAD' ) + ( dirty ? '+uncommitted' : '' );
	const summary = `Partnerships deploy of ${ commit }`;

	const api = new HttpActionApi( values.wiki, `Partnerships-deploy/0.1 (${ commit })` );
	const range = await testedRange( api, values.wiki );
	console.log( `Tested range: ${ range.verdict } (MediaWiki ${ range.mediawiki ?? '?' }, Codex ${ range.codex ?? '?' }, Vue ${ range.vue ?? '?' })` );
	for ( const reason of range.reasons ) {
		console.log( `  ${ reason }` );
	}
	if ( range.verdict === 'outside' && !values[ 'allow-untested' ] ) {
		console.error( 'Refusing to deploy to a wiki outside the tested range (--allow-untested to deploy anyway).' );
		return 1;
	} else if ( range.verdict !== 'inside' ) {
		console.warn( 'Warning: the wiki is not known to be inside the tested range; deploying anyway.' );
	}
	const user = process.env.PARTNERSHIPS_BOT_USER;
	const password = process.env.PARTNERSHIPS_BOT_PASSWORD;
	if ( user && password ) {
		await api.login( user, password );
	} else if ( !values[ 'dry-run' ] ) {
		console.error( 'Set PARTNERSHIPS_BOT_USER and PARTNERSHIPS_BOT_PASSWORD (a bot password with the editsiteconfig grant).' );
		return 2;
	}

	// The donations index ships with the page-view loader: built now from the records,
	// read anonymously from the wiki that holds them (this one unless --records says).
	const configFile = JSON.parse( readFileSync( values.config ?? 'gadgets/partnerships-config.json', 'utf8' ) );
	const recordsApi = values.records ?? ( configFile.PartnershipsRecordsApi || values.wiki );
	const records = new HttpActionApi( recordsApi, `Partnerships-deploy/0.1 (${ commit })` );
	const root = parsePageLocation( configFile.PartnershipsRecordsRoot, await namespaceIds( records ) );
	const donations = await donationIndexFromWiki( records, root );
	for ( const clash of donations.clashes ) {
		console.warn( `  warning    ${ JSON.stringify( clash ) }` );
	}
	const plan = planPages( {
		config: values.config,
		donations: JSON.stringify( donations.index ),
		extension: values.extension,
	} );
	const current = await api.get( {
		action: 'query',
		titles: plan.map( ( p ) => p.title ),
		prop: 'revisions',
		rvprop: [ 'content', 'timestamp' ],
		rvslots: 'main',
		curtimestamp: true,
	} );
	const byTitle = new Map<string, { text: string; timestamp?: string }>();
	for ( const page of current.query.pages ) {
		const rev = page.revisions && page.revisions[ 0 ];
		byTitle.set( page.title, rev ? { text: rev.slots.main.content, timestamp: rev.timestamp } : { text: '' } );
	}
	const start = String( current.curtimestamp );

	let changed = 0;
	for ( const page of plan ) {
		const old = byTitle.get( page.title ) ?? { text: '' };
		const text = typeof page.text === 'function' ? page.text( old.text ) : page.text;
		if ( sameContent( page.contentmodel, old.text, text ) ) {
			console.log( `  unchanged  ${ page.title }` );
			continue;
		}
		changed++;
		if ( values[ 'dry-run' ] ) {
			console.log( diff( page.title, old.text, text ) );
			continue;
		}
		try {
			await api.postWithEditToken( {
				action: 'edit',
				title: page.title,
				text,
				summary,
				contentmodel: page.contentmodel,
				assert: 'user',
				// An edit made since we read the page is a conflict, not overwritten.
				basetimestamp: old.timestamp,
				starttimestamp: start,
				createonly: old.timestamp ? undefined : true,
				nocreate: old.timestamp ? true : undefined,
			} );
			console.log( `  ${ old.timestamp ? 'updated' : 'created' }    ${ page.title }` );
		} catch ( e ) {
			if ( e instanceof ApiError && ( e.code === 'editconflict' || e.code === 'articleexists' || e.code === 'missingtitle' ) ) {
				console.error( `  CONFLICT   ${ page.title }: changed on the wiki while deploying; run again to see the diff.` );
				return 1;
			}
			throw e;
		}
	}
	console.log( `${ values[ 'dry-run' ] ? 'Would change' : 'Changed' } ${ changed } of ${ plan.length } pages on ${ values.wiki } (${ summary }).` );
	return 0;
}

main().then( ( code ) => {
	process.exitCode = code;
}, ( e ) => {
	console.error( e instanceof Error ? `${ e.name }: ${ e.message }` : e );
	process.exitCode = 1;
} );
