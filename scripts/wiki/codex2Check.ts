// Proof that the Codex 2 tree (scripts/wiki/codex2.ts) serves what production serves and
// that MediaWiki 1.43 itself still works on it:
//
//   npx tsx scripts/wiki/codex2Check.ts [--json <file>] [--codex2-tokens]
//
// Starts the site `codex2` (with the extension) with the harness on .wiki/mw, looks at it
// in Chromium, stops it, makes .wiki/mw-codex2, serves the same site from it and looks
// again: the Vue and Codex versions the `vue` and `@wikimedia/codex` modules really give,
// Special:Version's client-side libraries, every ResourceLoader module's styles in Vector
// 2022 and Minerva (a Less error shows as an exception comment), Vector 2022's Codex
// search, the message box styles, and Special:Partnerships (when `npm run build` has run).
// Screenshots go to test-results/screenshots/codex2/.
import fsp from 'node:fs/promises';
import path from 'node:path';
import { chromium, Browser } from 'playwright-core';
import { startWiki } from './harness';
import { makeCodex2Tree, serveTree } from './codex2';
import { parseClientLibraries } from '../lib/codexVersion';

const SITE = 'codex2';
const SHOTS = 'test-results/screenshots/codex2';
const FLAGS = [
	'--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
	'--disable-background-networking', '--disable-component-update', '--disable-sync',
];
/** Exports that Codex 2 has and 1.14 has not */
const CODEX_2_ONLY = [ 'CdxToast', 'CdxToastContainer', 'useToast', 'CdxPopover', 'CdxImage', 'CdxProgressIndicator' ];

interface Look {
	vue: string;
	codex2Exports: string[];
	codexMessages: Record<string, string>;
	libraries: Record<string, string>;
	styleErrors: Record<string, string[]>;
	modulesChecked: number;
	search: { suggestions: string[]; teleported: boolean } | string;
	messageBox: string;
	partnerships: { state: string | null; errors: string[] } | string;
	consoleErrors: string[];
}

async function look( browser: Browser, url: string, label: string ): Promise<Look> {
	const context = await browser.newContext();
	const page = await context.newPage();
	const consoleErrors: string[] = [];
	page.on( 'console', ( m ) => {
		if ( m.type() === 'error' ) {
			consoleErrors.push( m.text() );
		}
	} );
	page.on( 'pageerror', ( e ) => consoleErrors.push( String( e ) ) );

	await page.goto( `${ url }/index.php/Main_Page` );
	const served = await page.evaluate( async ( only2 ) => {
		const m = ( window as unknown as { mw: any } ).mw;
		await m.loader.using( [ 'vue', '@wikimedia/codex' ] );
		const Vue = m.loader.require( 'vue' );
		const codex = m.loader.require( '@wikimedia/codex' );
		return {
			vue: Vue.version as string,
			codex2Exports: only2.filter( ( name: string ) => name in codex ),
			codexMessages: Object.fromEntries( [ 'cdx-dialog-close-button-label', 'cdx-breadcrumb-navigation-label' ]
				.map( ( key ) => [ key, m.message( key ).text() as string ] ) ),
			modules: m.loader.getModuleNames() as string[],
		};
	}, CODEX_2_ONLY );

	// Special:Version: "Installed client-side libraries", from foreign-resources.yaml, read
	// as the deploy check would
	const versionPage = await ( await fetch( `${ url }/index.php/Special:Version` ) ).text();
	const allLibraries = parseClientLibraries( versionPage );
	const libraries = Object.fromEntries( [ 'codex', 'codex-design-tokens', 'codex-icons', 'vue' ]
		.map( ( name ) => [ name, allLibraries[ name ] ?? `not found (${ versionPage.includes( 'sv-libraries-client' ) ? 'table present' : 'no table' })` ] ) );

	// Every module's styles, as each skin gets them
	const styleErrors: Record<string, string[]> = {};
	const names = served.modules.filter( ( n ) => !/^(startup|user|site|noscript)/.test( n ) );
	for ( const skin of [ 'vector-2022', 'minerva' ] ) {
		for ( let i = 0; i < names.length; i += 25 ) {
			const batch = names.slice( i, i + 25 );
			const res = await fetch( `${ url }/load.php?modules=${ encodeURIComponent( batch.join( '|' ) ) }&only=styles&skin=${ skin }&lang=en` );
			const css = await res.text();
			if ( !/exception|Problem processing|Less_Exception|Error/i.test( css ) ) {
				continue;
			}
			// Find the culprits one by one
			for ( const name of batch ) {
				const one = await ( await fetch( `${ url }/load.php?modules=${ encodeURIComponent( name ) }&only=styles&skin=${ skin }&lang=en` ) ).text();
				const match = /\/\*[^*]*?(exception|Problem processing|Less_Exception|Error)[\s\S]*?\*\//i.exec( one );
				if ( match ) {
					( styleErrors[ skin ] ??= [] ).push( `${ name }: ${ match[ 0 ].slice( 0, 300 ).replace( /\s+/g, ' ' ) }` );
				}
			}
		}
	}

	// Vector 2022's search is a Codex TypeaheadSearch (skins.vector.search, codexComponents)
	let search: Look[ 'search' ];
	try {
		await page.goto( `${ url }/index.php/Main_Page?useskin=vector-2022` );
		const input = page.locator( '#searchform input[name="search"], .cdx-typeahead-search input' ).first();
		await input.click();
		await page.waitForSelector( '.cdx-typeahead-search input', { timeout: 10000 } );
		await page.locator( '.cdx-typeahead-search input' ).first().fill( 'Main' );
		await page.waitForSelector( '.cdx-typeahead-search .cdx-menu-item', { timeout: 10000 } );
		search = await page.evaluate( () => ( {
			suggestions: [ ...document.querySelectorAll( '.cdx-typeahead-search .cdx-menu-item' ) ]
				.map( ( el ) => ( el.textContent ?? '' ).trim() ).filter( Boolean ).slice( 0, 5 ),
			teleported: !document.querySelector( '.cdx-typeahead-search .cdx-menu' ),
		} ) );
		await page.screenshot( { path: path.join( SHOTS, `${ label }-vector-search.png` ) } );
	} catch ( e ) {
		search = `failed: ${ ( e as Error ).message.split( '\n' )[ 0 ] }`;
	}

	// mediawiki.codex.messagebox.styles: core's message boxes (Html::errorBox and friends)
	const messageBox = await page.evaluate( async () => {
		const m = ( window as unknown as { mw: any } ).mw;
		await m.loader.using( 'mediawiki.codex.messagebox.styles' );
		const box = document.createElement( 'div' );
		box.className = 'cdx-message cdx-message--block cdx-message--error';
		box.innerHTML = '<span class="cdx-message__icon"></span><div class="cdx-message__content">x</div>';
		document.body.appendChild( box );
		const style = getComputedStyle( box );
		return `background ${ style.backgroundColor }, border ${ style.borderColor }, icon ${ getComputedStyle( box.querySelector( '.cdx-message__icon' ) as Element ).width }`;
	} );

	let partnerships: Look[ 'partnerships' ];
	try {
		const errorsBefore = consoleErrors.length;
		await page.goto( `${ url }/index.php/Special:Partnerships` );
		await page.waitForSelector( '[data-partnerships-state="ready"]', { timeout: 30000 } );
		partnerships = {
			state: await page.getAttribute( '[data-partnerships-state]', 'data-partnerships-state' ),
			errors: consoleErrors.slice( errorsBefore ),
		};
		await page.screenshot( { path: path.join( SHOTS, `${ label }-special-partnerships.png` ), fullPage: true } );
	} catch ( e ) {
		partnerships = `failed: ${ ( e as Error ).message.split( '\n' )[ 0 ] }`;
	}
	await context.close();
	return {
		vue: served.vue,
		codex2Exports: served.codex2Exports,
		codexMessages: served.codexMessages,
		libraries,
		styleErrors,
		modulesChecked: names.length,
		search,
		messageBox,
		partnerships,
		consoleErrors,
	};
}

async function main(): Promise<void> {
	const jsonArg = process.argv.indexOf( '--json' );
	await fsp.mkdir( SHOTS, { recursive: true } );
	const log = ( line: string ): void => console.log( line );
	const browser = await chromium.launch( { executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: FLAGS, headless: true } );
	const wiki = await startWiki( { site: SITE, partnerships: true, log, workers: 2 } );
	let served: Awaited<ReturnType<typeof serveTree>> | null = null;
	try {
		const before = await look( browser, wiki.url, 'codex1' );
		await wiki.stop();
		const t0 = Date.now();
		const tree = await makeCodex2Tree( {
			source: wiki.dir, log, designTokens: process.argv.includes( '--codex2-tokens' ) ? 'codex2' : 'mediawiki',
		} );
		log( `[codex2] tree ${ tree.dir } ${ tree.made ? 'made' : 'up to date' } in ${ Date.now() - t0 } ms: ${ JSON.stringify( tree.versions ) }` );
		served = await serveTree( { tree: tree.dir, site: SITE, siteDir: wiki.siteDir, port: wiki.port } );
		const after = await look( browser, served.url, 'codex2' );
		const report = { tree: tree.dir, versions: tree.versions, shims: tree.shims, before, after };
		console.log( JSON.stringify( report, null, '\t' ) );
		if ( jsonArg !== -1 ) {
			await fsp.writeFile( process.argv[ jsonArg + 1 ], JSON.stringify( report, null, '\t' ) + '\n' );
		}
	} finally {
		await served?.stop();
		await wiki.stop();
		await browser.close();
	}
}

main().catch( ( e ) => {
	console.error( e );
	process.exitCode = 1;
} );
