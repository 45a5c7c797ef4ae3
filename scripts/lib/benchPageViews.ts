// The page-view side of `npm run bench`: what a reader's page view costs on the two demo
// wikis (extension and gadgets) in Debian's Chromium — the loader's size, requests and
// modules on a page that needs nothing and on donated content, how soon the badge shows
// and whether anything moved, and how long the recognition dialog, the wall and the hall
// of heroes take to show their numbers. Figures, not pass/fail tests: the tests check the
// budgets that do not depend on the machine.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Page, Request } from 'playwright-core';
import type { Wiki } from '../wiki/harness';
import type { TestBrowser } from '../../tests/e2e/browser';
import { png } from './png';
import { RECORDS_ROOT, asAdmin } from './stack';

/** A demo donation (demo/partnerships.json) whose category the bench's files go into */
const CATEGORY = 'Images from the Rijksmuseum';
const FILES = [ 'Bench Rijksmuseum painting A.png', 'Bench Rijksmuseum painting B.png' ];
const PAGES = {
	plain: 'Bench plain page',
	marker: 'Bench marker page',
	wall: 'Bench donors',
};
/** The modules the loader may load, by their name after the packaging's prefix */
const OUR_MODULES = [ 'app', 'badge', 'recognition', 'wall', 'heroes' ];

export interface PageViewFigures {
	/** Every request of the page view, until the network is idle */
	requests: number;
	/** Of which to api.php */
	api: number;
	/** Our modules the page loaded (besides the loader) */
	modules: string[];
	/** Navigation start → the thing shown (badge, numbers, hall), ms; null if never */
	shownMs: number | null;
	/** Cumulative layout shift of the page view */
	cls: number;
}

export interface PageViewResult {
	site: string;
	sizes: Record<string, number>;
	plain: PageViewFigures;
	file: PageViewFigures;
	marker: PageViewFigures;
	/** Click on the badge's button → the dialog's numbers and attribution, ms */
	dialogMs: number | null;
	dialogApi: number;
	wall: PageViewFigures;
	heroes: PageViewFigures;
	errors: string[];
}

/**
 * @param dir The built modules
 * @return gzip sizes in bytes of the page-view loader and what it may load
 */
export function moduleSizes( dir: string ): Record<string, number> {
	const sizes: Record<string, number> = {};
	for ( const name of [ 'pageview.js', 'badge.js', 'badge.css', 'recognition.js', 'recognition.css', 'wall.js', 'wall.css', 'heroes.js', 'heroes.css' ] ) {
		sizes[ name ] = gzipSync( readFileSync( join( dir, name ) ), { level: 9 } ).length;
	}
	return sizes;
}

/**
 * Files in the demo donation's category, a page using them, a page with the marker, a
 * plain page and a recognition wall.
 *
 * @param wiki A demo wiki (after the deploy, which installs the templates)
 */
export async function seedPageViews( wiki: Wiki ): Promise<void> {
	const session = await asAdmin( wiki );
	for ( const [ i, filename ] of FILES.entries() ) {
		await session.upload( {
			filename,
			text: `A painting for the benchmark.\n[[Category:${ CATEGORY }]]`,
			comment: 'benchmark',
			ignorewarnings: 1,
		}, new Blob( [ new Uint8Array( png( 64, 48, ( x, y ) => [ ( x * 4 + i * 90 ) % 256, y * 5, 120 ] ) ) ], { type: 'image/png' } ) );
	}
	const pages: [ string, string ][] = [
		[ 'Bench Dutch painting', `[[File:${ FILES[ 0 ] }|thumb]] [[File:${ FILES[ 1 ] }|thumb]]` ],
		[ PAGES.plain, 'Nothing donated here.\n\n' + 'A paragraph of ordinary text. '.repeat( 40 ) ],
		[ PAGES.marker, '{{Partnership donation|bundesarchiv-image-donation}}\nPhotographs of the 1950s.' ],
		[ PAGES.wall, '{{Partnerships recognition wall}}' ],
	];
	for ( const [ title, text ] of pages ) {
		await session.postWithEditToken( { action: 'edit', title, text, summary: 'benchmark' } );
	}
}

/**
 * Open a page in a new context and measure its view.
 *
 * @param browser The browser
 * @param url The page
 * @param shown A function run in the page that is true once the thing measured shows
 * @return The figures, and the page (open) for more
 */
async function view(
	browser: TestBrowser, url: string, shown: string | null, errors: string[],
): Promise<{ figures: PageViewFigures; page: Page; requests: Request[]; close: () => Promise<void> }> {
	const { page, context, requests, errors: pageErrors } = await browser.newPage();
	// Layout shifts from the start of the page view (buffered entries).
	await page.addInitScript( () => {
		const w = window as unknown as { benchCls: number };
		w.benchCls = 0;
		new PerformanceObserver( ( list ) => {
			type Shift = PerformanceEntry & { value: number; hadRecentInput: boolean };
			for ( const entry of list.getEntries() as Shift[] ) {
				if ( !entry.hadRecentInput ) {
					w.benchCls += entry.value;
				}
			}
		} ).observe( { type: 'layout-shift', buffered: true } );
	} );
	await page.goto( url );
	let shownMs: number | null = null;
	if ( shown ) {
		shownMs = await page.waitForFunction( ( selector ) => document.querySelector( selector ) ? performance.now() : false, shown, { polling: 'raf', timeout: 60000 } )
			.then( ( h ) => h.jsonValue() as Promise<number> )
			.catch( () => null );
	}
	await page.waitForLoadState( 'networkidle', { timeout: 30000 } ).catch( () => undefined );
	await page.waitForTimeout( 500 );
	const modules = await page.evaluate( ( names ) => names.flatMap( ( name ) => [ `ext.partnerships.${ name }`, `ext.gadget.partnerships-${ name }` ] )
		.filter( ( m ) => [ 'ready', 'loading', 'loaded', 'executing' ].includes( mw.loader.getState( m ) ?? '' ) ), OUR_MODULES );
	const cls = await page.evaluate( () => ( window as unknown as { benchCls: number } ).benchCls );
	const figures = {
		requests: requests.length,
		api: requests.filter( ( r ) => new URL( r.url() ).pathname.endsWith( '/api.php' ) ).length,
		modules,
		shownMs,
		cls,
	};
	return {
		figures,
		page,
		requests,
		close: async () => {
			errors.push( ...pageErrors );
			await context.close().catch( () => undefined );
		},
	};
}

/**
 * @param browser The browser
 * @param wiki A demo wiki, seeded with seedPageViews()
 * @param dir The built modules
 * @return Its page-view figures (one run)
 */
export async function measurePageViews( browser: TestBrowser, wiki: Wiki, dir: string ): Promise<PageViewResult> {
	const url = ( title: string ): string => `${ wiki.url }/index.php?${ new URLSearchParams( { title } ) }`;
	const errors: string[] = [];
	const plain = await view( browser, url( PAGES.plain ), null, errors );
	await plain.close();
	const marker = await view( browser, url( PAGES.marker ), '.partnerships-badge', errors );
	await marker.close();
	const file = await view( browser, url( `File:${ FILES[ 0 ] }` ), '.partnerships-badge', errors );
	// The dialog: from the click until its numbers and the attribution are there.
	const before = file.requests.length;
	const t0 = await file.page.evaluate( () => performance.now() );
	await file.page.locator( '.partnerships-badge__button' ).click();
	const dialogMs = await file.page.waitForFunction( () => document.querySelector( '.partnerships-recognition__stat--used' ) &&
		!document.querySelector( '.partnerships-recognition__progress' ) &&
		document.querySelector( '.partnerships-recognition__attribution' ) ? performance.now() : false, null, { polling: 'raf', timeout: 60000 } )
		.then( async ( h ) => ( await h.jsonValue() as number ) - t0 )
		.catch( () => null );
	await file.page.waitForLoadState( 'networkidle', { timeout: 30000 } ).catch( () => undefined );
	const dialogApi = file.requests.slice( before ).filter( ( r ) => new URL( r.url() ).pathname.endsWith( '/api.php' ) ).length;
	await file.close();
	const wall = await view( browser, url( PAGES.wall ), '.partnerships-wall-table__sources', errors );
	await wall.close();
	const heroes = await view( browser, url( `${ RECORDS_ROOT }/Heroes` ), '.partnerships-heroes[data-partnerships-state="ready"]', errors );
	await heroes.close();
	return {
		site: wiki.site,
		sizes: moduleSizes( dir ),
		plain: plain.figures,
		file: file.figures,
		marker: marker.figures,
		dialogMs,
		dialogApi,
		wall: wall.figures,
		heroes: heroes.figures,
		errors: [ ...new Set( errors ) ],
	};
}
