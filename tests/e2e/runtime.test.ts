// Which Codex and Vue the run's wikis really serve to the browser: Codex 1.14 and Vue 3.4
// (MediaWiki 1.43 as shipped, project `wiki`) or Codex 2.6 and Vue 3.5 (the Codex 2 tree,
// project `wiki-codex2`), so that the browser tests cannot pass on the wrong tree;
// screenshot() checks every page that runs Vue again.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { CODEX_2_ONLY, CODEX_SIDE, TestBrowser, pageRuntime } from './browser';

const wikis = inject( 'wikis' );
const browser = new TestBrowser();

beforeAll( () => browser.launch() );
afterAll( () => browser.close() );

describe.each( [
	{ packaging: 'extension', wiki: () => wikis.ext, title: 'Special:Partnerships' },
	{ packaging: 'gadgets', wiki: () => wikis.gadgets, title: 'Project:Partnerships' },
] )( 'the runtime ($packaging)', ( { wiki, title } ) => {
	it( `is Codex ${ CODEX_SIDE === 2 ? '2.6 and Vue 3.5' : '1.14 and Vue 3.4' }, as the run says`, async () => {
		expect( wikis.codex ).toBe( CODEX_SIDE );
		const { page, context, errors } = await browser.newPage();
		await page.goto( `${ wiki().url }/index.php?title=${ encodeURIComponent( title ) }` );
		await page.locator( '.partnerships-app[data-partnerships-state="ready"]' ).waitFor( { timeout: 30000 } );
		// Loaded by the app itself, not by this check
		expect( await page.evaluate( () => mw.loader.getState( '@wikimedia/codex' ) ) ).toBe( 'ready' );
		const runtime = await pageRuntime( page, false );
		if ( CODEX_SIDE === 2 ) {
			expect( runtime?.vue ).toMatch( /^3\.5\./ );
			expect( runtime?.codex2Exports ).toEqual( CODEX_2_ONLY );
		} else {
			expect( runtime?.vue ).toBe( '3.4.27' );
			expect( runtime?.codex2Exports ).toEqual( [] );
		}
		expect( errors ).toEqual( [] );
		await context.close();
	} );
} );
