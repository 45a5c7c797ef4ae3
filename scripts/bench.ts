// `npm run bench`: the budgets of DESIGN.md measured on a real MediaWiki 1.43 in Debian's
// Chromium — cold and warm opens of Special:Partnerships against a bare batched client,
// search/filter latency, and the panel's size; then page views on the two demo wikis
// (scripts/lib/benchPageViews.ts): the loader's size, requests and modules on a page that
// needs nothing and on donated content, the badge's time and layout shift, the dialog,
// the wall and the hall of heroes; then the hall of heroes at scale (scripts/lib/benchHeroes.ts):
// generated nominations and endorsement pages, the hall opened cold. Not part of the tests:
// timings depend on the machine.
// Options: --sizes=1000,10000  --runs=3  --json=<file>  --strict (exit 1 when a target is
// missed)  --parts=panel,pageviews,heroes  --heroes=300:1500,1000:5000 (nominations:endorsements).
//
// Over 400 lines: the panel's measurements, the options and the one results table share the
// run's browser, wikis and clean-up on a signal; the page-view and heroes parts already live
// in scripts/lib. The panel's part is the next to move out (scripts/lib/benchPanel.ts) if it grows.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { BrowserContext, Page, Request } from 'playwright-core';
import { startWiki, Wiki } from './wiki/harness';
import { generateRecords, importRecords } from './lib/importRecords';
import { TestBrowser } from '../tests/e2e/browser';
import { Stack, startStack } from './lib/stack';
import { measurePageViews, PageViewFigures, PageViewResult, seedPageViews } from './lib/benchPageViews';
import { benchHeroes, HeroScale, HeroScaleResult } from './lib/benchHeroes';

// ---------------------------------------------------------------------------------------
// The panel's contract (see src/components/PartnershipsApp.vue and knowledge/*.vue)

const APP = '.partnerships-app';
const STATE_ATTRIBUTE = 'data-partnerships-state';
const SEARCH_INPUT = '.partnerships-search input';
const FILTER_CHECKBOXES = '.partnerships-browser__facets input[type="checkbox"]';
const OPEN_MEASURE = 'partnerships-open';
const SEARCH_MEASURE = 'partnerships-search';

const QUERIES = [
	'museum', 'library', 'health', 'wiki loves', 'Amsterdam', 'univ', 'radio', 'speech corpus', 'Kraków',
	'İzmir', 'open data', 'no such partnership', 'a', 'photo', 'Rijksmuseum', 'climate', 'students',
	'archive', 'Q190804', 'women in science',
];

/** What the wiki serves: extension/modules/, or $PW_EXTENSION_DIR/modules/ as the harness loads it. */
const EXTENSION_DIR = resolve( process.env.PW_EXTENSION_DIR || 'extension' );
const BUNDLE = [ 'app.js', 'app.css' ].map( ( f ) => join( EXTENSION_DIR, 'modules', f ) );

// ---------------------------------------------------------------------------------------

interface Options {
	sizes: number[];
	runs: number;
	json: string;
	strict: boolean;
	/** Which parts to run: the panel (records at each size), page views (the demo wikis), heroes at scale */
	parts: Set<string>;
	/** Nominations and endorsement pages of each heroes run */
	heroes: HeroScale[];
}

const PARTS = [ 'panel', 'pageviews', 'heroes' ];

function parseOptions( argv: string[] ): Options {
	const options: Options = { sizes: [ 1000, 10000 ], runs: 3, json: 'test-results/bench.json', strict: false, parts: new Set( PARTS ),
		heroes: [ { nominations: 300, endorsements: 1500 }, { nominations: 1000, endorsements: 5000 } ] };
	for ( const arg of argv ) {
		const [ name, value = '' ] = arg.replace( /^--/, '' ).split( '=' );
		if ( name === 'sizes' ) {
			options.sizes = value.split( ',' ).map( ( v ) => Number.parseInt( v.replace( /[_,]/g, '' ), 10 ) ).filter( ( v ) => v > 0 );
		} else if ( name === 'runs' ) {
			options.runs = Math.max( 1, Number.parseInt( value, 10 ) || 1 );
		} else if ( name === 'json' ) {
			options.json = value;
		} else if ( name === 'strict' ) {
			options.strict = true;
		} else if ( name === 'parts' ) {
			options.parts = new Set( value.split( ',' ).filter( ( part ) => PARTS.includes( part ) ) );
		} else if ( name === 'heroes' ) {
			options.heroes = value.split( ',' ).map( ( pair ) => pair.replace( /_/g, '' ).split( ':' ).map( ( v ) => Number.parseInt( v, 10 ) ) )
				.filter( ( [ n, e ] ) => n > 0 && e >= 0 )
				.map( ( [ nominations, endorsements ] ) => ( { nominations, endorsements } ) );
		} else {
			throw new Error( `Unknown option ${ arg }. Options: --sizes=1000,10000 --runs=3 --json=<file> --strict ` +
				'--parts=panel,pageviews,heroes --heroes=300:1500,1000:5000' );
		}
	}
	return options;
}

/** A measurement that could not be made, with the reason, instead of a number. */
class Unavailable {
	public constructor( public readonly reason: string ) {}
}

type Figure = number | Unavailable;

interface OpenResult {
	/** api.php requests from navigation until ready */
	requests: Figure;
	/** The panel's own measure (mount → records loaded) */
	panelMs: Figure;
	/** Navigation start → ready attribute */
	navigationMs: Figure;
	/** What the panel says it shows */
	count: string;
}

interface SizeResult {
	n: number;
	importMs: number;
	cold: OpenResult;
	warm: OpenResult;
	bare: { requests: number; ms: number; pages: number };
	search?: { samples: number; p50: number; p95: number; max: number } | Unavailable;
	errors: string[];
}

function median( values: number[] ): number {
	const sorted = [ ...values ].sort( ( a, b ) => a - b );
	const mid = Math.floor( sorted.length / 2 );
	return sorted.length % 2 ? sorted[ mid ] : ( sorted[ mid - 1 ] + sorted[ mid ] ) / 2;
}

/**
 * @param values Samples
 * @param p Percentile, 0–100
 * @return The nearest-rank percentile
 */
function percentile( values: number[], p: number ): number {
	const sorted = [ ...values ].sort( ( a, b ) => a - b );
	return sorted[ Math.min( sorted.length - 1, Math.max( 0, Math.ceil( p / 100 * sorted.length ) - 1 ) ) ];
}

function medianFigure( values: Figure[] ): Figure {
	const numbers = values.filter( ( v ): v is number => typeof v === 'number' );
	return numbers.length ? median( numbers ) : ( values.find( ( v ) => v instanceof Unavailable ) ?? new Unavailable( 'no runs' ) );
}

function isApi( r: Request ): boolean {
	return new URL( r.url() ).pathname.endsWith( '/api.php' );
}

/**
 * Wait until the panel says it is ready (or failed), and read its figures.
 *
 * @param page The page, navigating or navigated
 * @param timeoutMs How long to wait
 * @return Timings, or why there are none
 */
async function waitForReady(
	page: Page, timeoutMs: number,
): Promise<{ navigationMs: Figure; panelMs: Figure; count: string }> {
	let state: string;
	try {
		const handle = await page.waitForFunction( ( [ selector, attribute ] ) => {
			const value = document.querySelector( selector )?.getAttribute( attribute );
			return value === 'ready' || value === 'error' ? { value, at: performance.now() } : false;
		}, [ APP, STATE_ATTRIBUTE ] as const, { timeout: timeoutMs, polling: 20 } );
		const result = await handle.jsonValue() as { value: string; at: number };
		state = result.value;
		if ( state !== 'ready' ) {
			const reason = `the panel says ${ STATE_ATTRIBUTE }="${ state }"`;
			return { navigationMs: new Unavailable( reason ), panelMs: new Unavailable( reason ), count: '' };
		}
		const panelMs = await page.evaluate( ( name ) => {
			const entries = performance.getEntriesByName( name, 'measure' );
			return entries.length ? entries[ entries.length - 1 ].duration : null;
		}, OPEN_MEASURE );
		const count = ( await page.locator( '.partnerships-browser__count' ).first().textContent( { timeout: 1000 } ).catch( () => '' ) ) ?? '';
		return {
			navigationMs: result.at,
			panelMs: panelMs ?? new Unavailable( `no performance.measure('${ OPEN_MEASURE }')` ),
			count: count.trim(),
		};
	} catch {
		const found = await page.locator( APP ).count().catch( () => 0 );
		const reason = found ?
			`${ APP } did not reach ${ STATE_ATTRIBUTE }="ready" within ${ timeoutMs / 1000 } s` :
			`no ${ APP } on the page within ${ timeoutMs / 1000 } s`;
		return { navigationMs: new Unavailable( reason ), panelMs: new Unavailable( reason ), count: '' };
	}
}

/**
 * Open Special:Partnerships (goto or reload) and measure it.
 *
 * @param page The page
 * @param requests The page's request log
 * @param open How to open it
 * @param timeoutMs How long to wait for ready
 * @return The figures
 */
async function measureOpen(
	page: Page, requests: Request[], open: () => Promise<unknown>, timeoutMs: number,
): Promise<OpenResult> {
	const from = requests.length;
	await open();
	const ready = await waitForReady( page, timeoutMs );
	const api = requests.slice( from ).filter( isApi ).length;
	return { ...ready, requests: ready.navigationMs instanceof Unavailable ? ready.navigationMs : api };
}

/**
 * The cache is written after the panel is ready: wait until IndexedDB has something
 * and the page has been quiet for a moment.
 *
 * @param page The page
 */
async function settle( page: Page ): Promise<void> {
	await page.waitForLoadState( 'networkidle', { timeout: 30000 } ).catch( () => undefined );
	await page.waitForFunction( async () => ( await indexedDB.databases() ).length > 0, null, { timeout: 10000 } )
		.catch( () => undefined );
	await page.waitForTimeout( 1000 );
}

/**
 * A bare batched client in the page: content of 50 pages per request, following continue.
 *
 * @param page A page of the wiki
 * @return Requests, milliseconds and pages read
 */
function bareClient( page: Page ): Promise<{ requests: number; ms: number; pages: number }> {
	return page.evaluate( async () => {
		const api = mw.util.wikiScript( 'api' );
		const base = {
			action: 'query', generator: 'allpages', gapnamespace: '4', gapprefix: 'Partnerships/Records/', gaplimit: '50',
			prop: 'revisions', rvprop: 'ids|timestamp|content', rvslots: 'main', formatversion: '2', format: 'json',
		};
		const t0 = performance.now();
		let cont: Record<string, string> = {};
		let requests = 0;
		let pages = 0;
		do {
			const res = await fetch( `${ api }?${ new URLSearchParams( { ...base, ...cont } ) }` );
			const answer = await res.json();
			requests++;
			pages += answer.query ? answer.query.pages.length : 0;
			cont = answer.continue ?? {};
		} while ( Object.keys( cont ).length );
		return { requests, ms: performance.now() - t0, pages };
	} );
}

/**
 * Type queries and toggle filters; read the panel's search measures.
 *
 * @param page A page with the panel ready
 * @return Percentiles of the search computations, or why there are none
 */
async function measureSearch( page: Page ): Promise<SizeResult[ 'search' ]> {
	const input = page.locator( SEARCH_INPUT ).first();
	try {
		await input.waitFor( { timeout: 10000 } );
	} catch {
		return new Unavailable( `no search box (${ SEARCH_INPUT })` );
	}
	await page.evaluate( ( name ) => performance.clearMeasures( name ), SEARCH_MEASURE );
	for ( const query of QUERIES ) {
		await input.fill( '' );
		await input.pressSequentially( query, { delay: 30 } );
		await page.waitForTimeout( 150 );
	}
	await input.fill( '' );
	const boxes = page.locator( FILTER_CHECKBOXES );
	const toggles = Math.min( await boxes.count(), 10 );
	for ( let i = 0; i < toggles; i++ ) {
		// Codex hides the native checkbox under its own styling: click it through.
		await boxes.nth( i ).click( { force: true } );
		await page.waitForTimeout( 100 );
		await boxes.nth( i ).click( { force: true } );
		await page.waitForTimeout( 100 );
	}
	const durations = await page.evaluate( ( name ) => performance.getEntriesByName( name, 'measure' ).map( ( e ) => e.duration ), SEARCH_MEASURE );
	if ( !durations.length ) {
		return new Unavailable( `no performance.measure('${ SEARCH_MEASURE }') while typing${ toggles ? ' and filtering' : '' }` );
	}
	if ( !toggles ) {
		console.warn( `  (no filter checkboxes found with ${ FILTER_CHECKBOXES }: search only)` );
	}
	return {
		samples: durations.length,
		p50: percentile( durations, 50 ),
		p95: percentile( durations, 95 ),
		max: Math.max( ...durations ),
	};
}

/**
 * @return gzip size of the panel's code and styles, in bytes
 */
function panelSize(): number {
	if ( BUNDLE.some( ( f ) => !existsSync( f ) ) && !process.env.PW_EXTENSION_DIR ) {
		console.log( 'Building the modules (npm run build)…' );
		execFileSync( 'npm', [ 'run', '--silent', 'build' ], { stdio: 'inherit' } );
	}
	return BUNDLE.reduce( ( sum, f ) => sum + gzipSync( readFileSync( f ), { level: 9 } ).length, 0 );
}

// ---------------------------------------------------------------------------------------

let wiki: Wiki | null = null;
let stack: Stack | null = null;
let browser: TestBrowser | null = null;
let stopping = false;

async function cleanUp(): Promise<void> {
	const b = browser;
	const w = wiki;
	const st = stack;
	browser = null;
	wiki = null;
	stack = null;
	await b?.close().catch( () => undefined );
	await w?.stop().catch( () => undefined );
	await st?.stop().catch( () => undefined );
}

function onSignal( signal: NodeJS.Signals ): void {
	if ( stopping ) {
		return;
	}
	stopping = true;
	console.log( `\n${ signal }: stopping the wiki and the browser…` );
	cleanUp().finally( () => process.exit( 130 ) );
}
process.on( 'SIGINT', onSignal );
process.on( 'SIGTERM', onSignal );

async function benchSize( n: number, options: Options ): Promise<SizeResult> {
	console.log( `\nN = ${ n.toLocaleString( 'en' ) }: starting a scratch wiki…` );
	wiki = await startWiki( { site: 'bench', partnerships: true, log: () => undefined } );
	const records = generateRecords( n, 20240501 );
	const imported = await importRecords( wiki, records );
	console.log( `  imported ${ n.toLocaleString( 'en' ) } records in ${ ( imported.ms / 1000 ).toFixed( 1 ) } s (importDump ${ ( imported.importMs / 1000 ).toFixed( 1 ) } s)` );
	if ( !browser ) {
		browser = new TestBrowser();
		await browser.launch();
	}
	const url = `${ wiki.url }/index.php?title=Special:Partnerships`;
	const timeoutMs = Math.max( 60000, n * 15 );
	const colds: OpenResult[] = [];
	const warms: OpenResult[] = [];
	const bares: { requests: number; ms: number; pages: number }[] = [];
	const errors: string[] = [];
	let search: SizeResult[ 'search' ];
	for ( let run = 0; run < options.runs; run++ ) {
		// A new context: no cookies, no HTTP cache, no IndexedDB.
		const { page, context, requests, errors: pageErrors } = await browser.newPage();
		try {
			const cold = await measureOpen( page, requests, () => page.goto( url ), timeoutMs );
			colds.push( cold );
			await settle( page );
			// No point waiting for a warm open that cannot get ready either.
			const warm = cold.navigationMs instanceof Unavailable ?
				{ ...cold } :
				await measureOpen( page, requests, () => page.reload(), timeoutMs );
			warms.push( warm );
			await settle( page );
			bares.push( await bareClient( page ) );
			console.log( `  run ${ run + 1 }: cold ${ show( cold.requests ) } req ${ showMs( cold.panelMs ) }, ` +
				`warm ${ show( warm.requests ) } req ${ showMs( warm.panelMs ) }, bare ${ bares[ run ].requests } req ${ showMs( bares[ run ].ms ) }` +
				( cold.count ? ` — "${ cold.count }"` : '' ) );
			const last = run === options.runs - 1 && n === Math.max( ...options.sizes );
			if ( last && !( warm.panelMs instanceof Unavailable ) ) {
				search = await measureSearch( page );
			}
		} finally {
			errors.push( ...pageErrors );
			await closeContext( context );
		}
	}
	await wiki.stop();
	wiki = null;
	const openOf = ( list: OpenResult[] ): OpenResult => ( {
		requests: medianFigure( list.map( ( r ) => r.requests ) ),
		panelMs: medianFigure( list.map( ( r ) => r.panelMs ) ),
		navigationMs: medianFigure( list.map( ( r ) => r.navigationMs ) ),
		count: list[ 0 ]?.count ?? '',
	} );
	return {
		n,
		importMs: imported.ms,
		cold: openOf( colds ),
		warm: openOf( warms ),
		bare: {
			requests: median( bares.map( ( b ) => b.requests ) ),
			ms: median( bares.map( ( b ) => b.ms ) ),
			pages: bares[ 0 ]?.pages ?? 0,
		},
		search,
		errors: [ ...new Set( errors ) ],
	};
}

async function closeContext( context: BrowserContext ): Promise<void> {
	await context.close().catch( () => undefined );
}

function show( value: Figure ): string {
	return value instanceof Unavailable ? 'n/a' : String( Math.round( value ) );
}

function showMs( value: Figure ): string {
	if ( value instanceof Unavailable ) {
		return 'n/a';
	}
	return value >= 1000 ? `${ ( value / 1000 ).toFixed( 2 ) } s` : `${ Math.round( value ) } ms`;
}

interface Row {
	metric: string;
	values: string[];
	target: string;
	ok: ( boolean | null )[];
}

/**
 * @param header The column names
 * @param body The rows' cells
 */
function printRows( header: string[], body: string[][] ): void {
	const width = ( text: string ): number => [ ...text ].length;
	const lines = [ header, ...body ];
	const widths = header.map( ( _h, i ) => Math.max( ...lines.map( ( cells ) => width( cells[ i ] ) ) ) );
	const format = ( cells: string[] ): string => cells
		.map( ( c, i ) => c + ' '.repeat( widths[ i ] - width( c ) ) )
		.join( '  │  ' );
	console.log( `\n${ format( header ) }\n${ widths.map( ( w ) => '─'.repeat( w ) ).join( '──┼──' ) }` );
	for ( const cells of body ) {
		console.log( format( cells ) );
	}
}

function printTable( results: SizeResult[], sizeBytes: number ): { rows: Row[]; missed: number; notes: string[] } {
	const notes: string[] = [];
	const check = ( value: Figure, limit: number ): boolean | null => (
		value instanceof Unavailable ? null : value <= limit
	);
	const note = ( value: Figure ): void => {
		if ( value instanceof Unavailable && !notes.includes( value.reason ) ) {
			notes.push( value.reason );
		}
	};
	const rows: Row[] = [];
	const add = ( metric: string, target: string, cells: { text: string; ok: boolean | null }[] ): void => {
		rows.push( { metric, target, values: cells.map( ( c ) => c.text ), ok: cells.map( ( c ) => c.ok ) } );
	};
	add( 'seed: importDump.php + rebuild', '—', results.map( ( r ) => ( { text: showMs( r.importMs ), ok: null } ) ) );
	add( 'cold open: api.php requests', 'ceil(N/50)+3', results.map( ( r ) => {
		note( r.cold.requests );
		const limit = Math.ceil( r.n / 50 ) + 3;
		return { text: `${ show( r.cold.requests ) } (≤ ${ limit })`, ok: check( r.cold.requests, limit ) };
	} ) );
	add( 'cold open: panel measure', '—', results.map( ( r ) => ( { text: showMs( r.cold.panelMs ), ok: null } ) ) );
	add( 'cold open: navigation → ready', '—', results.map( ( r ) => ( { text: showMs( r.cold.navigationMs ), ok: null } ) ) );
	add( 'bare batched client', '—', results.map( ( r ) => ( { text: `${ r.bare.requests } req, ${ showMs( r.bare.ms ) }`, ok: null } ) ) );
	add( 'cold open ÷ bare client', '≤ 1.2×', results.map( ( r ) => {
		note( r.cold.panelMs );
		if ( r.cold.panelMs instanceof Unavailable ) {
			return { text: 'n/a', ok: null };
		}
		const ratio = r.cold.panelMs / r.bare.ms;
		return { text: `${ ratio.toFixed( 2 ) }×`, ok: ratio <= 1.2 };
	} ) );
	add( 'warm open: api.php requests', '≤ 2', results.map( ( r ) => {
		note( r.warm.requests );
		return { text: show( r.warm.requests ), ok: check( r.warm.requests, 2 ) };
	} ) );
	add( 'warm open: panel measure', '—', results.map( ( r ) => ( { text: showMs( r.warm.panelMs ), ok: null } ) ) );
	add( 'search/filter p50 / p95 (max)', 'p95 ≤ 16 ms', results.map( ( r ) => {
		if ( r.search === undefined ) {
			return { text: '—', ok: null };
		}
		if ( r.search instanceof Unavailable ) {
			note( r.search );
			return { text: 'n/a', ok: null };
		}
		return {
			text: `${ r.search.p50.toFixed( 1 ) } / ${ r.search.p95.toFixed( 1 ) } ms (${ r.search.max.toFixed( 1 ) }; ${ r.search.samples } samples)`,
			ok: r.search.p95 <= 16,
		};
	} ) );
	const kb = sizeBytes / 1024;
	add( 'panel size: app.js + app.css, gzip', '≤ 50 KB', results.map( ( _r, i ) => ( {
		text: i === 0 ? `${ kb.toFixed( 1 ) } KB` : '',
		ok: i === 0 ? kb <= 50 : null,
	} ) ) );

	const header = [ 'metric', ...results.map( ( r ) => `N = ${ r.n.toLocaleString( 'en' ) }` ), 'target' ];
	const body = rows.map( ( row ) => [
		row.metric,
		...row.values.map( ( v, i ) => row.ok[ i ] === null ? v : `${ v } ${ row.ok[ i ] ? '✓' : '✗' }` ),
		row.target,
	] );
	printRows( header, body );
	const missed = rows.reduce( ( sum, row ) => sum + row.ok.filter( ( ok ) => ok === false ).length, 0 );
	return { rows, missed, notes };
}

/**
 * Page views on the two demo wikis (npm start's), each measured options.runs times.
 *
 * @param options The options
 * @return Per wiki, the runs
 */
async function benchPageViews( options: Options ): Promise<PageViewResult[][]> {
	console.log( '\nPage views: starting the two demo wikis (as npm start does)…' );
	stack = await startStack( { log: () => undefined } );
	if ( !browser ) {
		browser = new TestBrowser();
		await browser.launch();
	}
	const dir = join( EXTENSION_DIR, 'modules' );
	const all: PageViewResult[][] = [];
	for ( const site of [ stack.ext, stack.gadgets ] ) {
		await seedPageViews( site );
		const runs: PageViewResult[] = [];
		for ( let run = 0; run < options.runs; run++ ) {
			const result = await measurePageViews( browser, site, dir );
			console.log( `  ${ site.site } run ${ run + 1 }: plain ${ result.plain.requests } req (${ result.plain.api } api.php), ` +
				`badge ${ showMs( result.file.shownMs ?? new Unavailable( 'never shown' ) ) }, dialog ${ showMs( result.dialogMs ?? new Unavailable( 'never' ) ) }, ` +
				`hall ${ showMs( result.heroes.shownMs ?? new Unavailable( 'never' ) ) }` );
			runs.push( result );
		}
		all.push( runs );
	}
	return all;
}

/**
 * @param all Per wiki, the runs
 * @return The rows printed, and how many targets were missed
 */
function printPageViews( all: PageViewResult[][] ): { rows: Row[]; missed: number } {
	const rows: Row[] = [];
	const med = ( runs: PageViewResult[], pick: ( r: PageViewResult ) => number | null ): number | null => {
		const values = runs.map( pick ).filter( ( v ): v is number => v !== null );
		return values.length ? median( values ) : null;
	};
	const ms = ( v: number | null ): string => v === null ? 'never' : showMs( v );
	type Cell = { text: string; ok: boolean | null };
	const add = ( metric: string, target: string, cell: ( runs: PageViewResult[] ) => Cell ): void => {
		const cells = all.map( cell );
		rows.push( { metric, target, values: cells.map( ( c ) => c.text ), ok: cells.map( ( c ) => c.ok ) } );
	};
	const views: [ string, ( r: PageViewResult ) => PageViewFigures ][] = [
		[ 'donated file (category)', ( r ) => r.file ],
		[ 'page with the marker', ( r ) => r.marker ],
	];
	const sizes = all[ 0 ][ 0 ].sizes;
	add( 'page-view loader, gzip', '≤ 1 KB', () => ( { text: `${ sizes[ 'pageview.js' ] } B`, ok: sizes[ 'pageview.js' ] <= 1024 } ) );
	add( 'badge module, gzip (js + css)', '—', () => ( { text: `${ sizes[ 'badge.js' ] } + ${ sizes[ 'badge.css' ] } B`, ok: null } ) );
	add( 'page that needs nothing: requests (api.php)', '0 api.php', ( runs ) => {
		const api = Math.max( ...runs.map( ( r ) => r.plain.api ) );
		return { text: `${ med( runs, ( r ) => r.plain.requests ) } (${ api })`, ok: api === 0 };
	} );
	add( 'page that needs nothing: our modules loaded', 'none', ( runs ) => {
		const loaded = [ ...new Set( runs.flatMap( ( r ) => r.plain.modules ) ) ];
		return { text: loaded.length ? loaded.join( ', ' ) : 'none', ok: loaded.length === 0 };
	} );
	for ( const [ name, of ] of views ) {
		add( `${ name }: requests (api.php)`, '0 api.php', ( runs ) => {
			const api = Math.max( ...runs.map( ( r ) => of( r ).api ) );
			return { text: `${ med( runs, ( r ) => of( r ).requests ) } (${ api })`, ok: api === 0 };
		} );
		add( `${ name }: navigation → badge`, '—', ( runs ) => ( { text: ms( med( runs, ( r ) => of( r ).shownMs ) ), ok: null } ) );
		add( `${ name }: layout shift, whole view`, '—', ( runs ) => ( { text: ( med( runs, ( r ) => of( r ).cls ) ?? 0 ).toFixed( 4 ), ok: null } ) );
	}
	add( 'page that needs nothing: layout shift (the skin\'s own)', '—', ( runs ) => ( { text: ( med( runs, ( r ) => r.plain.cls ) ?? 0 ).toFixed( 4 ), ok: null } ) );
	add( 'recognition dialog: click → numbers and attribution', '—', ( runs ) => ( {
		text: `${ ms( med( runs, ( r ) => r.dialogMs ) ) }, ${ med( runs, ( r ) => r.dialogApi ) } api.php`, ok: null,
	} ) );
	add( 'recognition wall: navigation → counted', '—', ( runs ) => ( { text: ms( med( runs, ( r ) => r.wall.shownMs ) ), ok: null } ) );
	add( 'hall of heroes: navigation → ready', '—', ( runs ) => ( {
		text: `${ ms( med( runs, ( r ) => r.heroes.shownMs ) ) }, ${ med( runs, ( r ) => r.heroes.api ) } api.php`, ok: null,
	} ) );
	const header = [ 'page views', ...all.map( ( runs ) => runs[ 0 ].site === 'ext' ? 'extension' : runs[ 0 ].site ), 'target' ];
	const body = rows.map( ( row ) => [ row.metric, ...row.values.map( ( v, i ) => row.ok[ i ] === null ? v : `${ v } ${ row.ok[ i ] ? '✓' : '✗' }` ), row.target ] );
	printRows( header, body );
	for ( const runs of all ) {
		for ( const e of new Set( runs.flatMap( ( r ) => r.errors ) ) ) {
			console.log( `  console error (${ runs[ 0 ].site }): ${ e }` );
		}
	}
	return { rows, missed: rows.reduce( ( sum, row ) => sum + row.ok.filter( ( ok ) => ok === false ).length, 0 ) };
}

/**
 * The hall of heroes at scale: a scratch wiki per scale, opened cold options.runs times.
 *
 * @param options The options
 * @return Per scale, the figures
 */
async function benchHeroScales( options: Options ): Promise<HeroScaleResult[]> {
	if ( !browser ) {
		browser = new TestBrowser();
		await browser.launch();
	}
	const all: HeroScaleResult[] = [];
	// Known to cleanUp(), so that Ctrl-C stops it.
	const track = ( started: Wiki | null ): void => {
		wiki = started;
	};
	for ( const scale of options.heroes ) {
		console.log( `\nHeroes: ${ scale.nominations.toLocaleString( 'en' ) } nominations, ` +
			`${ scale.endorsements.toLocaleString( 'en' ) } endorsements: starting a scratch wiki…` );
		all.push( await benchHeroes( scale, browser, options.runs, track ) );
	}
	return all;
}

/**
 * @param all Per scale, the figures
 * @return The rows printed, and how many targets were missed
 */
function printHeroes( all: HeroScaleResult[] ): { rows: Row[]; missed: number } {
	const rows: Row[] = [];
	const med = ( r: HeroScaleResult, pick: ( open: HeroScaleResult[ 'runs' ][ number ] ) => number | null ): number | null => {
		const values = r.runs.map( pick ).filter( ( v ): v is number => v !== null );
		return values.length ? median( values ) : null;
	};
	type Cell = { text: string; ok: boolean | null };
	const add = ( metric: string, target: string, cell: ( r: HeroScaleResult ) => Cell ): void => {
		const cells = all.map( cell );
		rows.push( { metric, target, values: cells.map( ( c ) => c.text ), ok: cells.map( ( c ) => c.ok ) } );
	};
	add( 'pages under …/Heroes/ (celebrated)', '—', ( r ) => ( { text: `${ r.pages.toLocaleString( 'en' ) } (${ r.celebrated })`, ok: null } ) );
	add( 'seed: accounts + importDump.php', '—', ( r ) => ( { text: `${ showMs( r.seed.accountsMs ) } + ${ showMs( r.seed.importMs ) }`, ok: null } ) );
	add( 'cold open: api.php requests', 'ceil(pages/50)+3', ( r ) => {
		const requests = med( r, ( o ) => o.readyMs === null ? null : o.requests );
		const limit = Math.ceil( r.pages / 50 ) + 3;
		return { text: `${ requests ?? 'n/a' } (≤ ${ limit })`, ok: requests === null ? null : requests <= limit };
	} );
	add( '  of which page batches / list=users', '—', ( r ) => ( {
		text: `${ med( r, ( o ) => o.pageBatches ) } / ${ med( r, ( o ) => o.userChecks ) }`, ok: null,
	} ) );
	add( 'cold open: navigation → ready', '—', ( r ) => {
		const ms = med( r, ( o ) => o.readyMs );
		return { text: ms === null ? `n/a (${ r.runs.map( ( o ) => o.state ).join( ', ' ) })` : showMs( ms ), ok: null };
	} );
	add( 'heroes shown = celebrated generated', 'equal', ( r ) => {
		const shown = r.runs.map( ( o ) => o.heroes );
		return { text: `${ shown.join( ', ' ) } of ${ r.celebrated }`, ok: shown.every( ( h ) => h === r.celebrated ) };
	} );
	const scaleOf = ( r: HeroScaleResult ): string => `${ r.nominations.toLocaleString( 'en' ) } + ${ r.endorsements.toLocaleString( 'en' ) }`;
	const header = [ 'hall of heroes, cold', ...all.map( scaleOf ), 'target' ];
	const body = rows.map( ( row ) => [ row.metric, ...row.values.map( ( v, i ) => row.ok[ i ] === null ? v : `${ v } ${ row.ok[ i ] ? '✓' : '✗' }` ), row.target ] );
	printRows( header, body );
	for ( const r of all ) {
		for ( const e of r.errors ) {
			console.log( `  console error (heroes ${ r.nominations }): ${ e }` );
		}
	}
	return { rows, missed: rows.reduce( ( sum, row ) => sum + row.ok.filter( ( ok ) => ok === false ).length, 0 ) };
}

async function main(): Promise<void> {
	const options = parseOptions( process.argv.slice( 2 ) );
	const sizeBytes = panelSize();
	const results: SizeResult[] = [];
	let pageViews: PageViewResult[][] = [];
	let heroes: HeroScaleResult[] = [];
	try {
		if ( options.parts.has( 'panel' ) ) {
			for ( const n of options.sizes ) {
				results.push( await benchSize( n, options ) );
			}
		}
		if ( options.parts.has( 'pageviews' ) ) {
			pageViews = await benchPageViews( options );
		}
		if ( options.parts.has( 'heroes' ) && options.heroes.length ) {
			heroes = await benchHeroScales( options );
		}
	} finally {
		await cleanUp();
	}
	console.log( '\nPartnerships benchmark: MediaWiki 1.43 (SQLite, php -S on loopback), Debian\'s Chromium, ' +
		`generated records; median of ${ options.runs } run${ options.runs > 1 ? 's' : '' }.` );
	const { rows, missed: panelMissed, notes } = results.length ?
		printTable( results, sizeBytes ) :
		{ rows: [], missed: 0, notes: [] };
	const pageViewTable = pageViews.length ? printPageViews( pageViews ) : { rows: [], missed: 0 };
	const heroTable = heroes.length ? printHeroes( heroes ) : { rows: [], missed: 0 };
	const missed = panelMissed + pageViewTable.missed + heroTable.missed;
	for ( const reason of notes ) {
		console.log( `  n/a: ${ reason } — the panel's side of the contract is missing or not ready (see scripts/bench.ts).` );
	}
	for ( const r of results ) {
		for ( const e of r.errors ) {
			console.log( `  console error (N = ${ r.n }): ${ e }` );
		}
	}
	console.log( missed ? `\n${ missed } target${ missed > 1 ? 's' : '' } missed.` : '\nEvery measured target met.' );
	if ( options.json ) {
		mkdirSync( dirname( options.json ), { recursive: true } );
		writeFileSync( options.json, JSON.stringify( {
			date: new Date().toISOString(),
			runs: options.runs,
			panelGzipBytes: sizeBytes,
			results: results.map( ( r ) => JSON.parse( JSON.stringify(
				r, ( _k, v ) => v instanceof Unavailable ? { unavailable: v.reason } : v,
			) ) ),
			table: rows,
			pageViews,
			pageViewTable: pageViewTable.rows,
			heroes,
			heroTable: heroTable.rows,
		}, null, '\t' ) + '\n' );
		console.log( `Figures written to ${ options.json }` );
	}
	process.exitCode = options.strict && ( missed || notes.length ) ? 1 : 0;
}

main().catch( async ( e ) => {
	console.error( e instanceof Error ? e.stack ?? e.message : e );
	await cleanUp();
	process.exit( 1 );
} );
