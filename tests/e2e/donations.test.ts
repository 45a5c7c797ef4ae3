// Attribution badges for content donations, on the real wikis in Chromium: files
// uploaded into a donation's category and pages with the marker template show the
// badge in every skin; a page that is neither shows nothing and asks nothing; the
// recognition dialog's numbers match the API; hostile text stays inert.
import { crc32, deflateSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { TestBrowser, axe, screenshot } from './browser';
import { apiLogin, ApiSession } from '../../scripts/wiki/harness.mjs';
import type { WikiInfo } from '../wiki/globalSetup';

const wikis = inject( 'wikis' );
const browser = new TestBrowser();
const CATEGORY = 'Images from the Rijksmuseum';
const FILES = [ 'Rijksmuseum test painting A.png', 'Rijksmuseum test painting B.png', 'Rijksmuseum test painting C.png' ];
const sessions: Partial<Record<'ext' | 'gadgets', ApiSession>> = {};

/**
 * @param rgb A colour, so that every file differs
 * @return A valid 2×2 PNG
 */
function png( rgb: [ number, number, number ] ): Buffer {
	const chunk = ( type: string, data: Buffer ): Buffer => {
		const body = Buffer.concat( [ Buffer.from( type, 'ascii' ), data ] );
		const out = Buffer.alloc( 12 + data.length );
		out.writeUInt32BE( data.length, 0 );
		body.copy( out, 4 );
		out.writeUInt32BE( crc32( body ), 8 + data.length );
		return out;
	};
	const header = Buffer.alloc( 13 );
	header.writeUInt32BE( 2, 0 );
	header.writeUInt32BE( 2, 4 );
	header.set( [ 8, 2, 0, 0, 0 ], 8 );
	const row = Buffer.from( [ 0, ...rgb, ...rgb ] );
	return Buffer.concat( [
		Buffer.from( [ 0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a ] ),
		chunk( 'IHDR', header ),
		chunk( 'IDAT', deflateSync( Buffer.concat( [ row, row ] ) ) ),
		chunk( 'IEND', Buffer.alloc( 0 ) ),
	] );
}

async function edit( session: ApiSession, title: string, text: string ): Promise<void> {
	await session.call( { action: 'edit', title, text, summary: 'test', token: await session.token() }, { post: true } );
}

async function seedDonation( site: 'ext' | 'gadgets' ): Promise<void> {
	const wiki = wikis[ site ];
	const session = await apiLogin( wiki.api, wiki.accounts.admin.botUsername, wiki.accounts.admin.botPassword );
	sessions[ site ] = session;
	for ( const [ i, name ] of FILES.entries() ) {
		await session.call( {
			action: 'upload',
			filename: name,
			file: new Blob( [ new Uint8Array( png( [ 40 * i, 120, 200 ] ) ) ], { type: 'image/png' } ),
			text: `A test painting.\n[[Category:${ CATEGORY }]]`,
			comment: 'test upload',
			ignorewarnings: 1,
			token: await session.token(),
		}, { post: true } );
	}
	// Two files used, on two pages.
	await edit( session, 'Dutch Golden Age painting', `[[File:${ FILES[ 0 ] }|thumb]] [[File:${ FILES[ 1 ] }|thumb]]` );
	await edit( session, 'Still life', `[[File:${ FILES[ 0 ] }|thumb]]` );
	await edit( session, 'Federal archive photographs', '{{Partnership donation|bundesarchiv-image-donation}}\nPhotographs of the 1950s.' );
	await edit( session, 'Donors', '{{Partnerships recognition wall}}' );
	await edit( session, 'Unrelated page', 'Nothing donated here.' );
}

function fileUrl( wiki: WikiInfo, query: Record<string, string> = {} ): string {
	return `${ wiki.url }/index.php?${ new URLSearchParams( { title: `File:${ FILES[ 0 ] }`, ...query } ) }`;
}

beforeAll( async () => {
	await Promise.all( [ seedDonation( 'ext' ), seedDonation( 'gadgets' ) ] );
	await browser.launch();
} );

afterAll( () => browser.close() );

describe.each( [ 'ext', 'gadgets' ] as const )( 'donation badges (%s)', ( site ) => {
	const wiki = (): WikiInfo => wikis[ site ];

	it.each( [ 'vector-2022', 'vector', 'monobook', 'timeless', 'minerva', 'rtl', 'night' ] )( 'show on a donated file in %s', async ( skin ) => {
		const mobile = skin === 'minerva';
		const { page, context, errors } = await browser.newPage( mobile ? { viewport: { width: 390, height: 844 }, isMobile: true } : {} );
		const query: Record<string, string> = skin === 'rtl' ? { useskin: 'vector-2022', uselang: 'he' } :
			skin === 'night' ? { useskin: 'vector-2022', uselang: 'qqx', vectornightmode: '1' } :
				{ useskin: skin, uselang: 'qqx' };
		await page.goto( fileUrl( wiki(), query ) );
		const badge = page.locator( '.partnerships-badge' );
		await badge.waitFor( { timeout: 30000 } );
		const text = await badge.textContent();
		if ( skin === 'rtl' ) {
			expect( await badge.evaluate( ( el ) => getComputedStyle( el ).direction ) ).toBe( 'rtl' );
			expect( text ).toContain( 'Rijksmuseum' );
		} else {
			expect( text ).toContain( '(partnerships-badge-donated-by: Rijksmuseum)' );
			expect( text ).toContain( '(partnerships-badge-part-of: Rijksmuseum open collection on Wikimedia Commons)' );
			expect( await badge.getAttribute( 'aria-label' ) ).toBe( '(partnerships-badge-label)' );
		}
		if ( skin === 'night' ) {
			// The badge follows the skin's night colours (Codex tokens as CSS variables).
			const [ body, box ] = await badge.evaluate( ( el ) => [
				getComputedStyle( document.body ).backgroundColor,
				getComputedStyle( el ).color,
			] );
			expect( box ).not.toBe( 'rgb(32, 33, 34)' );
			expect( body ).not.toBe( 'rgb(255, 255, 255)' );
		}
		const href = await badge.locator( 'a' ).getAttribute( 'href' );
		expect( href ).toContain( 'Partnerships/Records/rijksmuseum-open-collection' );
		// Vue and Codex are not loaded by a page view.
		expect( await page.evaluate( () => mw.loader.getState( '@wikimedia/codex' ) ) ).not.toBe( 'ready' );
		const violations = await axe( page, '.partnerships-badge' );
		expect( violations, JSON.stringify( violations, null, 1 ) ).toEqual( [] );
		await badge.scrollIntoViewIfNeeded();
		await screenshot( page, `badge-${ site }-${ skin }` );
		expect( errors ).toEqual( [] );
		await context.close();
	} );

	it( 'shows inside the marker on a page that uses the template', async () => {
		const { page, context, errors } = await browser.newPage();
		await page.goto( `${ wiki().url }/index.php?title=Federal_archive_photographs&uselang=qqx` );
		await page.locator( '.partnerships-donation .partnerships-badge' ).waitFor( { timeout: 30000 } );
		expect( await page.locator( '.partnerships-badge' ).textContent() ).toContain( '(partnerships-badge-donated-by: Bundesarchiv)' );
		expect( errors ).toEqual( [] );
		await context.close();
	} );

	it( 'asks nothing and loads nothing on a page that is not donated', async () => {
		const { page, context, errors, requests } = await browser.newPage();
		await page.goto( `${ wiki().url }/index.php?title=Unrelated_page` );
		await page.waitForLoadState( 'networkidle' );
		expect( requests.filter( ( r ) => r.url().includes( 'api.php' ) ).map( ( r ) => r.url() ) ).toEqual( [] );
		const badge = site === 'ext' ? 'ext.partnerships.badge' : 'ext.gadget.partnerships-badge';
		expect( await page.evaluate( ( m ) => mw.loader.getState( m ), badge ) ).toBe( 'registered' );
		expect( await page.locator( '.partnerships-badge' ).count() ).toBe( 0 );
		expect( errors ).toEqual( [] );
		await context.close();
	} );

	it( 'opens what the donation achieved, with the numbers the API gives', async () => {
		const { page, context, errors } = await browser.newPage();
		await page.goto( fileUrl( wiki(), { uselang: 'qqx' } ) );
		await page.locator( '.partnerships-badge__button' ).click();
		const dialog = page.getByRole( 'dialog' );
		await dialog.waitFor( { timeout: 30000 } );
		// What the API says, asked here independently of the dialog.
		const session = sessions[ site ]!;
		const info = await session.call( { action: 'query', titles: `Category:${ CATEGORY }`, prop: 'categoryinfo' } );
		const files = info.query.pages[ 0 ].categoryinfo.files;
		const usage = await session.call( { action: 'query', generator: 'categorymembers', gcmtitle: `Category:${ CATEGORY }`, gcmtype: 'file', prop: 'fileusage', fulimit: 'max' } );
		const used = usage.query.pages.filter( ( p: { fileusage?: unknown[] } ) => p.fileusage && p.fileusage.length );
		const pages = new Set( used.flatMap( ( p: { fileusage: { pageid: number }[] } ) => p.fileusage.map( ( u ) => u.pageid ) ) );
		expect( [ files, used.length, pages.size ] ).toEqual( [ 3, 2, 2 ] );
		await expect.poll( async () => ( await dialog.textContent() ) ?? '', { timeout: 30000 } ).toContain( `(partnerships-recognition-files: ${ files }, ${ files })` );
		const text = ( await dialog.textContent() ) ?? '';
		expect( text ).toContain( `(partnerships-recognition-used: ${ used.length }, ${ used.length })` );
		expect( text ).toContain( `(partnerships-recognition-pages: ${ pages.size }, ${ pages.size })` );
		expect( text ).toContain( '(partnerships-recognition-wikis: 1, 1)' );
		// Every number says where it comes from and when it was counted.
		expect( await dialog.locator( 'a', { hasText: '(partnerships-recognition-source' } ).count() ).toBeGreaterThanOrEqual( 4 );
		expect( text ).toContain( '(partnerships-recognition-counted:' );
		const violations = await axe( page, '[role="dialog"]' );
		expect( violations, JSON.stringify( violations, null, 1 ) ).toEqual( [] );
		await screenshot( page, `recognition-${ site }` );
		expect( errors ).toEqual( [] );
		await context.close();
	} );

	it( 'shows the recognition wall where a page asks for it', async () => {
		const { page, context, errors } = await browser.newPage();
		await page.goto( `${ wiki().url }/index.php?title=Donors&uselang=qqx` );
		const wall = page.locator( '.partnerships-wall table' );
		await wall.waitFor( { timeout: 30000 } );
		const text = await wall.textContent();
		expect( text ).toContain( 'Rijksmuseum' );
		expect( text ).toContain( 'Bundesarchiv' );
		await screenshot( page, `wall-${ site }` );
		expect( errors ).toEqual( [] );
		await context.close();
	} );
} );

describe( 'hostile text in a donation record', () => {
	it( 'stays inert in the badge, the dialog and the wall', async () => {
		const wiki = wikis.ext;
		const hostile = '<img src=x onerror="window.pwned=1">{{SITENAME}}';
		const session = sessions.ext!;
		await edit( session, 'Project:Partnerships/Records/hostile-donation', JSON.stringify( {
			schema: 'partnership/1',
			name: `Partnership ${ hostile }`,
			partners: [ { label: `Museum ${ hostile }` } ],
			type: 'glam',
			status: 'active',
			donation: { categories: [ 'Hostile donations' ] },
		} ) );
		await edit( session, 'Hostile donation page', '{{Partnership donation|hostile-donation}}' );
		// The index ships with the loader: the deploy command rebuilds it from the records.
		const env = { ...process.env, PARTNERSHIPS_BOT_USER: wiki.accounts.admin.botUsername, PARTNERSHIPS_BOT_PASSWORD: wiki.accounts.admin.botPassword };
		const { execFileSync } = await import( 'node:child_process' );
		const dirty = execFileSync( 'git', [ 'status', '--porcelain' ], { encoding: 'utf8' } ).trim() ? [ '--allow-dirty' ] : [];
		execFileSync( 'npm', [ 'run', '--silent', 'deploy', '--', '--wiki', wiki.api, '--extension', ...dirty ], { env, encoding: 'utf8' } );

		const { page, context, errors } = await browser.newPage();
		await page.goto( `${ wiki.url }/index.php?title=Hostile_donation_page&uselang=qqx` );
		const badge = page.locator( '.partnerships-badge' );
		await badge.waitFor( { timeout: 30000 } );
		expect( await badge.textContent() ).toContain( `(partnerships-badge-donated-by: Museum ${ hostile })` );
		expect( await badge.locator( 'img' ).count() ).toBe( 0 );
		await badge.locator( 'button' ).click();
		const dialog = page.getByRole( 'dialog' );
		await dialog.waitFor( { timeout: 30000 } );
		expect( await dialog.textContent() ).toContain( `Museum ${ hostile }` );
		expect( await dialog.locator( 'img' ).count() ).toBe( 0 );
		await page.goto( `${ wiki.url }/index.php?title=Donors&uselang=qqx` );
		await page.locator( '.partnerships-wall table' ).waitFor( { timeout: 30000 } );
		expect( await page.locator( '.partnerships-wall' ).textContent() ).toContain( `Museum ${ hostile }` );
		expect( await page.locator( '.partnerships-wall img' ).count() ).toBe( 0 );
		expect( await page.evaluate( () => ( window as unknown as { pwned?: number } ).pwned ) ).toBeUndefined();
		await screenshot( page, 'wall-hostile' );
		expect( errors ).toEqual( [] );
		await context.close();
	} );
} );
