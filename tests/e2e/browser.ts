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

/**
 * @param page A page
 * @param name File name without extension
 * @return The path of the saved screenshot
 */
export async function screenshot( page: Page, name: string ): Promise<string> {
	mkdirSync( SCREENSHOT_DIR, { recursive: true } );
	const path = `${ SCREENSHOT_DIR }/${ name }.png`;
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
