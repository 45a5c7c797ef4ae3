// The thin slice in a real browser on real wikis: the panel mounts in both packagings,
// reads the seeded records through the Action API and lists them with Codex, its text
// from i18n/ (asserted with uselang=qqx), with no console errors.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { TestBrowser, axe, screenshot } from './browser';
import { HttpActionApi } from '../../src/shared/api/HttpActionApi';
import { loadPartnerships } from '../../src/knowledge/data/partnershipRepository';
import { loggedIn } from '../../scripts/lib/stack';
import type { WikiInfo } from '../wiki/globalSetup';

const wikis = inject( 'wikis' );
const browser = new TestBrowser();

/**
 * @param wiki A wiki
 * @return Names of the valid records on it, as the API reports them now
 */
async function recordNames( wiki: WikiInfo ): Promise<string[]> {
	const entries = await loadPartnerships( new HttpActionApi( wiki.api ), { namespace: 4, title: 'Partnerships' } );
	return entries.flatMap( ( e ) => e.valid ? [ e.record.name ] : [] );
}

beforeAll( () => browser.launch() );
afterAll( () => browser.close() );

const cases = [
	{ packaging: 'extension', wiki: () => wikis.ext, title: 'Special:Partnerships', module: 'ext.partnerships.app' },
	{ packaging: 'gadgets', wiki: () => wikis.gadgets, title: 'Project:Partnerships', module: 'ext.gadget.partnerships-app' },
];

describe.each( cases )( 'the panel ($packaging)', ( { packaging, wiki, title, module } ) => {
	it( 'lists the seeded records with messages from i18n/', async () => {
		const demoNames = await recordNames( wiki() );
		expect( demoNames.length ).toBeGreaterThanOrEqual( 6 );
		const { page, context, errors, requests } = await browser.newPage();
		await page.goto( `${ wiki().url }/index.php?title=${ encodeURIComponent( title ) }&uselang=qqx` );
		await page.locator( '.partnerships-app[data-partnerships-state="ready"]' ).waitFor( { timeout: 30000 } );

		expect( await page.locator( '.partnerships-list__table caption' ).textContent() ).toBe( `(partnerships-list-caption: ${ demoNames.length })` );
		const headers = await page.locator( '.partnerships-list__table thead th' ).allTextContents();
		expect( headers.map( ( h ) => h.trim() ) ).toEqual( [
			'(partnerships-field-name)', '(partnerships-field-partners)', '(partnerships-field-type)', '(partnerships-field-status)',
		] );
		const names = await page.locator( '.partnerships-list__table tbody th a, .partnerships-list__table tbody td a' ).allTextContents();
		expect( [ ...names ].sort() ).toEqual( [ ...demoNames ].sort() );
		const rowText = await page.locator( '.partnerships-list__table tbody' ).textContent();
		expect( rowText ).toContain( '(partnerships-type-glam)' );
		expect( rowText ).toContain( '(partnerships-status-active)' );

		// Record links are wiki links to the record pages.
		const href = await page.locator( '.partnerships-list__table tbody a', { hasText: 'Bundesarchiv image donation' } ).getAttribute( 'href' );
		expect( href ).toBe( '#record=bundesarchiv-image-donation' );

		// The app is the packaging's own module, with Vue and Codex from ResourceLoader.
		expect( await page.evaluate( ( m ) => mw.loader.getState( m ), module ) ).toBe( 'ready' );
		expect( await page.evaluate( () => mw.loader.getState( 'vue' ) ) ).toBe( 'ready' );
		expect( await page.evaluate( () => mw.loader.getState( '@wikimedia/codex' ) ) ).toBe( 'ready' );

		// One batched read of the records (6 pages < 50 per request).
		const reads = requests.filter( ( r ) => r.url().includes( 'api.php' ) && r.url().includes( 'generator=allpages' ) );
		expect( reads ).toHaveLength( 1 );

		const violations = await axe( page, '.partnerships-app' );
		expect( violations, JSON.stringify( violations, null, 1 ) ).toEqual( [] );
		await screenshot( page, `panel-${ packaging }-qqx` );
		expect( errors ).toEqual( [] );
		await context.close();
	} );

	it( 'reads in English by default and saves a screenshot', async () => {
		const demoNames = await recordNames( wiki() );
		const { page, context, errors } = await browser.newPage();
		await page.goto( `${ wiki().url }/index.php?title=${ encodeURIComponent( title ) }` );
		await page.locator( '.partnerships-app[data-partnerships-state="ready"]' ).waitFor( { timeout: 30000 } );
		expect( await page.locator( '.partnerships-list__table caption' ).textContent() ).toBe( `${ demoNames.length } partnerships` );
		await screenshot( page, `panel-${ packaging }` );
		expect( errors ).toEqual( [] );
		await context.close();
	} );

	it( 'renders hostile and broken record pages inert, listing the broken ones', async () => {
		const api = await loggedIn( wiki(), wiki().accounts.users[ 1 ] );
		const hostile = '<img src=x onerror="window.pwned=1"><script>window.pwned=2</script>{{SITENAME}} [[Main Page]]';
		for ( const [ id, text ] of [
			[ 'hostile', JSON.stringify( { schema: 'partnership/1', name: hostile, type: 'media', status: 'proposed', partners: [ { label: hostile } ] } ) ],
			[ 'broken', '{ "schema": "partnership/1", "name": ' ],
			[ 'future', JSON.stringify( { schema: 'partnership/7', name: hostile } ) ],
		] ) {
			await api.postWithEditToken( { action: 'edit', title: `Project:Partnerships/Records/${ packaging }-${ id }`, text, contentmodel: id === 'broken' ? 'text' : 'json', assert: 'user', summary: 'test' } );
		}
		const { page, context, errors } = await browser.newPage();
		await page.goto( `${ wiki().url }/index.php?title=${ encodeURIComponent( title ) }&uselang=qqx` );
		await page.locator( '.partnerships-app[data-partnerships-state="ready"]' ).waitFor( { timeout: 30000 } );
		expect( await page.locator( '.partnerships-list__table tbody' ).textContent() ).toContain( hostile );
		expect( await page.evaluate( () => ( window as unknown as { pwned?: number } ).pwned ) ).toBeUndefined();
		expect( await page.locator( '.partnerships-app img, .partnerships-app script' ).count() ).toBe( 0 );
		const invalid = await page.locator( '.partnerships-list__invalid' ).textContent();
		expect( invalid ).toContain( '(partnerships-list-invalid: 2)' );
		expect( invalid ).toContain( '(partnerships-invalid-not-json)' );
		expect( invalid ).toContain( '(partnerships-invalid-unknown-schema)' );
		await screenshot( page, `panel-${ packaging }-hostile` );
		expect( errors ).toEqual( [] );
		await context.close();
	} );
} );

describe( 'the page-view loader', () => {
	it.each( [ 'ext', 'gadgets' ] as const )( 'loads nothing and asks nothing on other pages (%s)', async ( site ) => {
		const { page, context, errors, requests } = await browser.newPage();
		await page.goto( `${ wikis[ site ].url }/index.php?title=Main_Page` );
		await page.waitForLoadState( 'networkidle' );
		const loader = site === 'ext' ? 'ext.partnerships.pageview' : 'ext.gadget.partnerships-pageview';
		const app = site === 'ext' ? 'ext.partnerships.app' : 'ext.gadget.partnerships-app';
		expect( await page.evaluate( ( m ) => mw.loader.getState( m ), loader ) ).toBe( 'ready' );
		expect( await page.evaluate( ( m ) => mw.loader.getState( m ), app ) ).toBe( 'registered' );
		expect( requests.filter( ( r ) => r.url().includes( 'api.php' ) ).map( ( r ) => r.url() ) ).toEqual( [] );
		expect( await page.locator( '.partnerships-app' ).count() ).toBe( 0 );
		expect( errors ).toEqual( [] );
		await context.close();
	} );
} );
