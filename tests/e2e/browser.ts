// Debian's Chromium driven by playwright-core (never a browser download), with the
// console and network watched so that tests fail on errors and can count requests.
import { chromium, Browser, BrowserContext, Page, Request } from 'playwright-core';
import { mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';

export const SCREENSHOT_DIR = 'test-results/screenshots';

const CHROMIUM_FLAGS = [
	'--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
	'--disable-background-networking', '--disable-component-update', '--disable-sync',
];

export interface WatchedPage {
	page: Page;
	/** Console errors and uncaught exceptions seen so far */
	errors: string[];
	/** Every request the page made */
	requests: Request[];
}

export class TestBrowser {
	private browser: Browser | null = null;

	public async launch(): Promise<void> {
		// playwright-core gives every launch a fresh, empty profile of its own.
		this.browser = await chromium.launch( {
			executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
			args: CHROMIUM_FLAGS,
			headless: true,
		} );
	}

	public async close(): Promise<void> {
		await this.browser?.close();
	}

	/**
	 * @param options Context options, e.g. colour scheme or viewport
	 * @return A new page in a new context (no shared cookies), watched
	 */
	public async newPage( options: Parameters<Browser['newContext']>[ 0 ] = {} ): Promise<WatchedPage & { context: BrowserContext }> {
		if ( !this.browser ) {
			throw new Error( 'launch() first' );
		}
		const context = await this.browser.newContext( { viewport: { width: 1280, height: 900 }, ...options } );
		const page = await context.newPage();
		const errors: string[] = [];
		const requests: Request[] = [];
		page.on( 'console', ( msg ) => {
			// Chromium asks for /favicon.ico, which these wikis do not have.
			if ( msg.type() === 'error' && !msg.location().url.endsWith( '/favicon.ico' ) ) {
				errors.push( `console: ${ msg.text() }` );
			}
		} );
		page.on( 'pageerror', ( e ) => errors.push( `pageerror: ${ e.message }` ) );
		page.on( 'request', ( r ) => requests.push( r ) );
		return { page, context, errors, requests };
	}
}

/** The Codex version the wikis of this run serve (project wiki: 1, wiki-codex2: 2) */
export const CODEX_SIDE: 1 | 2 = process.env.PARTNERSHIPS_WIKI_CODEX === '2' ? 2 : 1;

/**
 * On the Codex 2.6 side, `npm test` runs the main flows only, to stay within its 15 minutes:
 * tests that check the skins' layout, wikis of their own or messages rather than Codex
 * (each says so with skipIf) run there with PARTNERSHIPS_CODEX2_ALL=1
 * (`npm run test:wiki-codex2:all`).
 */
export const CODEX2_MAIN_ONLY = CODEX_SIDE === 2 && process.env.PARTNERSHIPS_CODEX2_ALL !== '1';

/** What each side's pages must run: Vue's version, and whether Codex 2-only exports exist */
export const EXPECTED_RUNTIME = CODEX_SIDE === 2 ?
	{ vue: /^3\.5\./, codex2Exports: true, label: 'Codex 2.6, Vue 3.5' } :
	{ vue: /^3\.4\./, codex2Exports: false, label: 'Codex 1.14, Vue 3.4' };

/** Exports that Codex 2 has and 1.14 has not */
export const CODEX_2_ONLY = [ 'CdxToast', 'CdxToastContainer', 'useToast', 'CdxPopover' ];

/**
 * The Vue and Codex a page runs, as ResourceLoader gives them to it.
 *
 * @param page A page of a wiki, loaded
 * @param load Load the modules if the page has not (else: null when it has not)
 * @return Vue's version and the Codex 2-only exports found, or null
 */
export async function pageRuntime( page: Page, load = true ): Promise<{ vue: string; codex2Exports: string[] } | null> {
	return page.evaluate( async ( [ only2, doLoad ] ) => {
		const m = ( window as unknown as { mw?: any } ).mw;
		if ( !m || ( !doLoad && ( m.loader.getState( 'vue' ) !== 'ready' || m.loader.getState( '@wikimedia/codex' ) !== 'ready' ) ) ) {
			return null;
		}
		await m.loader.using( [ 'vue', '@wikimedia/codex' ] );
		const codex = m.loader.require( '@wikimedia/codex' );
		return {
			vue: m.loader.require( 'vue' ).version as string,
			codex2Exports: ( only2 as string[] ).filter( ( name ) => name in codex ),
		};
	}, [ CODEX_2_ONLY, load ] as const );
}

/**
 * Fails unless a page that runs Vue and Codex runs this side's (so that a Codex 2 run
 * cannot pass on the 1.43 tree, nor the other way round).
 *
 * @param page A page
 * @param load See pageRuntime
 */
export async function expectSideRuntime( page: Page, load = true ): Promise<void> {
	const runtime = await pageRuntime( page, load );
	if ( runtime === null ) {
		return;
	}
	const has2 = runtime.codex2Exports.length === CODEX_2_ONLY.length;
	if ( !EXPECTED_RUNTIME.vue.test( runtime.vue ) || has2 !== EXPECTED_RUNTIME.codex2Exports ||
		( !has2 && runtime.codex2Exports.length > 0 ) ) {
		throw new Error( `${ page.url() } runs Vue ${ runtime.vue } with Codex 2-only exports [${ runtime.codex2Exports.join( ', ' ) }]; this run is ${ EXPECTED_RUNTIME.label }` );
	}
}

/**
 * Save a full-page screenshot, its name prefixed `codex2-` on the Codex 2.6 side; on
 * pages that run Vue and Codex, first checks that they are this side's.
 *
 * @param page A page
 * @param name File name without extension
 * @return The path of the saved screenshot
 */
export async function screenshot( page: Page, name: string ): Promise<string> {
	await expectSideRuntime( page, false );
	mkdirSync( SCREENSHOT_DIR, { recursive: true } );
	const path = `${ SCREENSHOT_DIR }/${ CODEX_SIDE === 2 ? 'codex2-' : '' }${ name }.png`;
	await page.screenshot( { path, fullPage: true } );
	return path;
}

export interface AxeViolation {
	id: string;
	impact: string | null;
	help: string;
	nodes: { target: string[]; html: string }[];
}

/**
 * Run axe-core on part of the page.
 *
 * @param page A page
 * @param selector What to check
 * @return Violations of WCAG 2 A/AA rules
 */
export async function axe( page: Page, selector: string ): Promise<AxeViolation[]> {
	const require = createRequire( import.meta.url );
	await page.addScriptTag( { path: require.resolve( 'axe-core/axe.min.js' ) } );
	return page.evaluate( async ( sel ) => {
		const result = await ( window as unknown as { axe: { run: ( ...a: unknown[] ) => Promise<{ violations: AxeViolation[] }> } } ).axe.run(
			sel, { runOnly: { type: 'tag', values: [ 'wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa' ] } },
		);
		return result.violations.map( ( v ) => ( { id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map( ( n ) => ( { target: n.target, html: n.html } ) ) } ) );
	}, selector );
}
