// Attribution badges for content donations, on the real wikis in Chromium: files
// uploaded into a donation's category and pages with the marker template show the
// badge in every skin; a page that is neither shows nothing and asks nothing; the
// recognition dialog's numbers match the API; hostile text stays inert.
//
// One file (over 400 lines) because every suite here reads the donation seeded once in
// beforeAll, with its sessions; selectors and page steps are in pages/DonationPages.ts.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { CODEX2_MAIN_ONLY, CODEX_SIDE, TestBrowser, axe, screenshot } from './browser';
import { BADGE, DIALOG, DonationPages, LayoutShiftSummary } from './pages/DonationPages';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startWiki, Wiki } from '../../scripts/wiki/harness';
import { png } from '../../scripts/lib/png';
import { DEMO_LOGO, asAdmin, deployGadgets, uploadDemoLogo } from '../../scripts/lib/stack';
import { donationIndexFromWiki } from '../../scripts/lib/donationIndex';
import { HttpActionApi } from '../../src/shared/api/HttpActionApi';
import type { WikiInfo } from '../wiki/globalSetup';

const wikis = inject( 'wikis' );
const browser = new TestBrowser();
const CATEGORY = 'Images from the Rijksmuseum';
const FILES = [ 'Rijksmuseum test painting A.png', 'Rijksmuseum test painting B.png', 'Rijksmuseum test painting C.png' ];
/** The donated file the badges are looked at on */
const FILE = `File:${ FILES[ 0 ] }`;
const sessions: Partial<Record<'ext' | 'gadgets', HttpActionApi>> = {};

/**
 * @param rgb A colour, so that every file differs
 * @return A valid 2×2 PNG
 */
function painting( rgb: [ number, number, number ] ): Buffer {
	return png( 2, 2, () => rgb );
}

async function edit( session: HttpActionApi, title: string, text: string ): Promise<void> {
	await session.postWithEditToken( { action: 'edit', title, text, summary: 'test' } );
}

async function seedDonation( site: 'ext' | 'gadgets' ): Promise<void> {
	const wiki = wikis[ site ];
	const session = await asAdmin( wiki );
	sessions[ site ] = session;
	for ( const [ i, name ] of FILES.entries() ) {
		await session.upload( {
			filename: name,
			text: `A test painting.\n[[Category:${ CATEGORY }]]`,
			comment: 'test upload',
			ignorewarnings: 1,
		}, new Blob( [ new Uint8Array( painting( [ 40 * i, 120, 200 ] ) ) ], { type: 'image/png' } ) );
	}
	// Two files used, on two pages.
	await edit( session, 'Dutch Golden Age painting', `[[File:${ FILES[ 0 ] }|thumb]] [[File:${ FILES[ 1 ] }|thumb]]` );
	await edit( session, 'Still life', `[[File:${ FILES[ 0 ] }|thumb]]` );
	await edit( session, 'Federal archive photographs', '{{Partnership donation|bundesarchiv-image-donation}}\nPhotographs of the 1950s.' );
	await edit( session, 'Donors', '{{Partnerships recognition wall}}' );
	await edit( session, 'Unrelated page', 'Nothing donated here.' );
}

/**
 * The index ships with the loader: the deploy command rebuilds it from the records.
 *
 * @param wiki The extension's wiki
 */
async function deployIndex( wiki: WikiInfo ): Promise<void> {
	const env = { ...process.env, PARTNERSHIPS_BOT_USER: wiki.accounts.admin.botUsername, PARTNERSHIPS_BOT_PASSWORD: wiki.accounts.admin.botPassword };
	const { execFileSync } = await import( 'node:child_process' );
	const dirty = execFileSync( 'git', [ 'status', '--porcelain' ], { encoding: 'utf8' } ).trim() ? [ '--allow-dirty' ] : [];
	// The Codex 2 wikis pair MediaWiki 1.43 with Codex 2.6, which the deploy refuses unless told
	const untested = CODEX_SIDE === 2 ? [ '--allow-untested' ] : [];
	execFileSync( 'npm', [ 'run', '--silent', 'deploy', '--', '--wiki', wiki.api, '--extension', ...dirty, ...untested ], { env, encoding: 'utf8' } );
}

beforeAll( async () => {
	await Promise.all( [ seedDonation( 'ext' ), seedDonation( 'gadgets' ) ] );
	await browser.launch();
} );

afterAll( () => browser.close() );

describe.each( [ 'ext', 'gadgets' ] as const )( 'donation badges (%s)', ( site ) => {
	const wiki = (): WikiInfo => wikis[ site ];

	// Codex 2 main flows: Vector 2022, Minerva and RTL (the legacy skins and night mode with PARTNERSHIPS_CODEX2_ALL=1)
	it.each( [ 'vector-2022', 'vector', 'monobook', 'timeless', 'minerva', 'rtl', 'night' ].filter( ( skin ) => !CODEX2_MAIN_ONLY || [ 'vector-2022', 'minerva', 'rtl' ].includes( skin ) ) )( 'show on a donated file in %s', async ( skin ) => {
		const mobile = skin === 'minerva';
		const { page, context, errors } = await browser.newPage( mobile ? { viewport: { width: 390, height: 844 }, isMobile: true } : {} );
		const query: Record<string, string> = skin === 'rtl' ? { useskin: 'vector-2022', uselang: 'he' } :
			skin === 'night' ? { useskin: 'vector-2022', uselang: 'qqx', vectornightmode: '1' } :
				{ useskin: skin, uselang: 'qqx' };
		const donation = new DonationPages( page, wiki().url );
		await donation.openWithBadge( FILE, query );
		const badge = donation.badge;
		const text = await donation.badgeText();
		if ( skin === 'rtl' ) {
			expect( await badge.evaluate( ( el ) => getComputedStyle( el ).direction ) ).toBe( 'rtl' );
			expect( text ).toContain( 'Rijksmuseum' );
		} else {
			expect( text ).toContain( '(partnerships-badge-donated-by: \u2068Rijksmuseum\u2069)' );
			expect( text ).toContain( '(partnerships-badge-part-of: \u2068Rijksmuseum open collection on Wikimedia Commons\u2069)' );
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
		const href = await donation.badgeLink.getAttribute( 'href' );
		expect( href ).toContain( 'Partnerships/Records/rijksmuseum-open-collection' );
		// The record names a logo: the wiki's own Special:FilePath serves it, in a fixed box.
		expect( await donation.logo.count() ).toBe( 1 );
		expect( await donation.logoAttributes() ).toEqual( [ '', '48', '48', 'lazy' ] );
		const src = await donation.logoSource();
		expect( src.origin ).toBe( new URL( wiki().url ).origin );
		expect( decodeURIComponent( src.pathname + src.search ) ).toContain( `Special:FilePath/${ DEMO_LOGO.replace( / /g, '_' ) }` );
		expect( src.searchParams.get( 'width' ) ).toBe( '96' );
		await expect.poll( () => donation.logoLoaded(), { timeout: 15000 } ).toBeGreaterThan( 0 );
		expect( await donation.logoWidth() ).toBe( 48 );
		// Vue and Codex are not loaded by a page view.
		expect( await page.evaluate( () => mw.loader.getState( '@wikimedia/codex' ) ) ).not.toBe( 'ready' );
		const violations = await axe( page, BADGE );
		expect( violations, JSON.stringify( violations, null, 1 ) ).toEqual( [] );
		await badge.scrollIntoViewIfNeeded();
		await screenshot( page, `badge-${ site }-${ skin }` );
		expect( errors ).toEqual( [] );
		await context.close();
	} );

	it( 'shows inside the marker on a page that uses the template', async () => {
		const { page, context, errors, requests } = await browser.newPage();
		const donation = new DonationPages( page, wiki().url );
		await donation.open( 'Federal_archive_photographs', { uselang: 'qqx' } );
		await donation.markedBadge.waitFor( { timeout: 30000 } );
		expect( await donation.badgeText() ).toContain( '(partnerships-badge-donated-by: \u2068Bundesarchiv\u2069)' );
		// This record names no logo: no image, and nothing asked for one.
		await page.waitForLoadState( 'networkidle' );
		expect( await donation.logo.count() ).toBe( 0 );
		expect( requests.filter( ( r ) => decodeURIComponent( r.url() ).includes( 'FilePath' ) ).map( ( r ) => r.url() ) ).toEqual( [] );
		// The badge needs no API request: what it shows comes with the loader's index.
		expect( requests.filter( ( r ) => r.url().includes( 'api.php' ) ).map( ( r ) => r.url() ) ).toEqual( [] );
		const modules = requests.filter( ( r ) => r.url().includes( 'load.php' ) && r.url().includes( 'partnerships' ) )
			.map( ( r ) => new URL( r.url() ).searchParams.get( 'modules' ) );
		console.log( `donation page (${ site }): ${ requests.length } requests in all, 0 to api.php; partnerships modules: ${ modules.join( ', ' ) }` );
		// The marker reserves the space: no slot of the extension's besides it.
		expect( await donation.slots.count() ).toBe( 0 );
		expect( errors ).toEqual( [] );
		await context.close();
	} );

	it( 'has the badge\'s space reserved in the page\'s HTML on a category page only with the extension', async () => {
		const html = async ( title: string ): Promise<string> => ( await fetch( `${ wiki().url }/index.php?${ new URLSearchParams( { title } ) }` ) ).text();
		// The same space as the marker template's, exactly.
		const style = /style="([^"]*)"/.exec( readFileSync( 'gadgets/templates/Partnership_donation.wikitext', 'utf8' ) )![ 1 ];
		const slot = `<div class="partnerships-badge-slot" style="${ style }"></div>`;
		const file = await html( FILE );
		if ( site === 'ext' ) {
			expect( file ).toContain( slot );
			// At the top of the content, before the file's own sections.
			expect( file.search( slot ) ).toBeLessThan( file.indexOf( 'id="filetoc"' ) );
		} else {
			expect( file ).not.toContain( 'partnerships-badge-slot' );
		}
		// Not on a page with the marker, nor on a page with nothing donated.
		expect( await html( 'Federal_archive_photographs' ) ).not.toContain( 'partnerships-badge-slot' );
		expect( await html( 'Unrelated_page' ) ).not.toContain( 'partnerships-badge-slot' );
	} );

	it( 'asks nothing and loads nothing on a page that is not donated', async () => {
		const { page, context, errors, requests } = await browser.newPage();
		const donation = new DonationPages( page, wiki().url );
		await donation.open( 'Unrelated_page' );
		await page.waitForLoadState( 'networkidle' );
		expect( requests.filter( ( r ) => r.url().includes( 'api.php' ) ).map( ( r ) => r.url() ) ).toEqual( [] );
		console.log( `page with nothing donated (${ site }): ${ requests.length } requests in all, 0 to api.php` );
		const badge = site === 'ext' ? 'ext.partnerships.badge' : 'ext.gadget.partnerships-badge';
		expect( await page.evaluate( ( m ) => mw.loader.getState( m ), badge ) ).toBe( 'registered' );
		expect( await donation.badge.count() ).toBe( 0 );
		expect( errors ).toEqual( [] );
		await context.close();
	} );

	it( 'opens what the donation achieved, with the numbers the API gives', async () => {
		const { page, context, errors } = await browser.newPage();
		const donation = new DonationPages( page, wiki().url );
		await donation.open( FILE, { uselang: 'qqx' } );
		await donation.openDialog();
		// What the API says, asked here independently of the dialog.
		const session = sessions[ site ]!;
		const info = await session.get( { action: 'query', titles: `Category:${ CATEGORY }`, prop: 'categoryinfo' } );
		const files = info.query.pages[ 0 ].categoryinfo.files;
		const usage = await session.get( { action: 'query', generator: 'categorymembers', gcmtitle: `Category:${ CATEGORY }`, gcmtype: 'file', prop: 'fileusage', fulimit: 'max' } );
		const used = usage.query.pages.filter( ( p: { fileusage?: unknown[] } ) => p.fileusage && p.fileusage.length );
		const pages = new Set( used.flatMap( ( p: { fileusage: { pageid: number }[] } ) => p.fileusage.map( ( u ) => u.pageid ) ) );
		expect( [ files, used.length, pages.size ] ).toEqual( [ 3, 2, 2 ] );
		await expect.poll( () => donation.dialogText(), { timeout: 30000 } ).toContain( `(partnerships-recognition-files: ${ files }, ${ files })` );
		// The counts arrive one by one: wait for the usage too, not only the file count.
		await expect.poll( () => donation.dialogText(), { timeout: 30000 } ).toContain( `(partnerships-recognition-used: ${ used.length }, ${ used.length })` );
		const text = await donation.dialogText();
		expect( text ).toContain( `(partnerships-recognition-pages: ${ pages.size }, ${ pages.size })` );
		expect( text ).toContain( '(partnerships-recognition-wikis: 1, 1)' );
		// Every number says where it comes from and when it was counted.
		expect( await donation.dialogLinks( '(partnerships-recognition-source' ).count() ).toBeGreaterThanOrEqual( 4 );
		expect( text ).toContain( '(partnerships-recognition-counted:' );
		// This wiki has no CommonsMetadata, so the file's page names no licence: the
		// record's ("Public domain") is used, and said to be the record's.
		await expect.poll( () => donation.attributionLine.count(), { timeout: 30000 } ).toBe( 1 );
		const line = await donation.attributionLine.inputValue();
		expect( line ).toContain( '(partnerships-recognition-line-text: ' );
		expect( line ).toContain( ', Public domain, ' );
		const licence = donation.licence;
		expect( await licence.textContent() ).toContain( 'Public domain' );
		expect( await licence.textContent() ).toContain( '(partnerships-recognition-licence-from-record)' );
		expect( await licence.textContent() ).not.toContain( '(partnerships-recognition-unknown)' );
		const violations = await axe( page, DIALOG );
		expect( violations, JSON.stringify( violations, null, 1 ) ).toEqual( [] );
		await screenshot( page, `recognition-${ site }` );
		expect( errors ).toEqual( [] );
		await context.close();
	} );

	it( 'puts every figure\'s sources on a line under it, the short figures too', async () => {
		// In English: "3 files" is short enough to have room beside it, unlike a message key.
		const { page, context, errors } = await browser.newPage();
		const donation = new DonationPages( page, wiki().url );
		await donation.open( FILE, { uselang: 'en' } );
		await donation.openDialog();
		await expect.poll( () => donation.statSourceLinks.count(), { timeout: 30000 } ).toBeGreaterThanOrEqual( 4 );
		// Each figure's sources below it, and when it was counted below them.
		const stats = await donation.statLayout();
		expect( stats.length ).toBeGreaterThanOrEqual( 4 );
		for ( const s of stats ) {
			expect( s.below, s.stat ).toBeGreaterThanOrEqual( 0 );
			expect( s.timeBelow, s.stat ).toBeGreaterThanOrEqual( 0 );
		}
		await screenshot( page, `recognition-en-${ site }` );
		expect( errors ).toEqual( [] );
		await context.close();
	} );

	it( 'shows the recognition wall where a page asks for it', async () => {
		const { page, context, errors } = await browser.newPage();
		const donation = new DonationPages( page, wiki().url );
		await donation.openWall( 'Donors', { uselang: 'qqx' } );
		const text = await donation.wall.textContent();
		expect( text ).toContain( 'Rijksmuseum' );
		expect( text ).toContain( 'Bundesarchiv' );
		await screenshot( page, `wall-${ site }` );
		expect( errors ).toEqual( [] );
		await context.close();
	} );
} );

// The skins' layout, not Codex: not among the Codex 2 main flows
describe.skipIf( CODEX2_MAIN_ONLY ).each( [ 'ext', 'gadgets' ] as const )( 'layout shift when the badge arrives (%s)', ( site ) => {
	const pages = {
		marker: 'Federal_archive_photographs',
		category: `File:${ FILES[ 0 ].replace( / /g, '_' ) }`,
		none: 'Unrelated_page',
	};
	/**
	 * @param kind Which page
	 * @param device Desktop (Vector 2022, 1280×900) or mobile (Minerva, 390×844)
	 * @param blockBadge Load the page without the badge (its module's request fails)
	 * @return The page's layout shifts, once it has settled, and its console errors
	 */
	async function measure( kind: keyof typeof pages, device: 'desktop' | 'mobile', blockBadge: boolean ): Promise<LayoutShiftSummary & { errors: string[] }> {
		const mobile = device === 'mobile';
		const { page, context, errors } = await browser.newPage( mobile ? { viewport: { width: 390, height: 844 }, isMobile: true } : {} );
		const donation = new DonationPages( page, wikis[ site ].url );
		await donation.watchBadgeArrival();
		if ( blockBadge ) {
			await donation.blockBadge();
		}
		const skin = mobile ? 'minerva' : 'vector-2022';
		await donation.open( pages[ kind ], { useskin: skin } );
		if ( kind !== 'none' && !blockBadge ) {
			await donation.waitForBadge();
			if ( kind === 'category' ) {
				await expect.poll( () => donation.logoLoaded(), { timeout: 15000 } ).toBeGreaterThan( 0 );
			}
		}
		await page.waitForLoadState( 'networkidle' );
		// Fonts, images and late styles settle.
		await page.waitForTimeout( 500 );
		const result = await donation.layoutShift();
		if ( kind !== 'none' && !blockBadge ) {
			await donation.badge.scrollIntoViewIfNeeded();
			await screenshot( page, `shift-${ site }-${ kind }-${ device }` );
		}
		await context.close();
		return { ...result, errors };
	}

	it( 'is the skin\'s own on a page with no badge (for comparison)', async () => {
		const { cls, badgeAt, shifts, errors } = await measure( 'none', 'desktop', false );
		console.log( `CLS ${ site } none desktop: ${ cls.toFixed( 4 ) } ${ JSON.stringify( shifts ) }` );
		expect( badgeAt ).toBeNull();
		expect( errors ).toEqual( [] );
	} );

	it.each( [
		[ 'marker', 'desktop' ], [ 'category', 'desktop' ], [ 'marker', 'mobile' ], [ 'category', 'mobile' ],
	] as const )( 'grows by at most 0.01 with the badge on a %s page (%s)', async ( kind, device ) => {
		// The same page without the badge first: Vector 2022 shifts its own footer and side
		// column as its scripts start (0.03 to 0.09 on short pages); that is not ours.
		const without = await measure( kind, device, true );
		expect( without.badgeAt ).toBeNull();
		const withBadge = await measure( kind, device, false );
		expect( withBadge.badgeAt ).not.toBeNull();
		const added = withBadge.cls - without.cls;
		console.log( `CLS ${ site } ${ kind } ${ device }: with the badge ${ withBadge.cls.toFixed( 4 ) }, without ${ without.cls.toFixed( 4 ) }, ` +
			`added ${ added.toFixed( 4 ) }; from the badge's frame on ${ withBadge.badgeCls.toFixed( 4 ) }, badge at ${ withBadge.badgeAt?.toFixed( 0 ) } ms; ` +
			`${ JSON.stringify( withBadge.shifts ) } / ${ JSON.stringify( without.shifts ) }` );
		expect( added, JSON.stringify( [ withBadge.shifts, without.shifts ] ) ).toBeLessThanOrEqual( 0.01 );
		expect( withBadge.errors ).toEqual( [] );
	} );
} );

describe( 'the reserved space', () => {
	// A real institution's full name, and a partnership named at length, with words too
	// long for a phone's line (each near the records' 200-character bound): the badge cuts
	// them, and stays in its space.
	const LONG = {
		id: 'long-names-donation',
		institution: 'Staatliche Kunstsammlungen Dresden – Kupferstich-Kabinett, Münzkabinett, Porzellansammlung und Rüstkammer im Residenzschloss',
		partnership: `Donaudampfschifffahrtsgesellschaftskapitänsmützensammlung ${ 'und Digitalisierungsprojekt '.repeat( 4 ) }`.trim(),
		category: 'Images from the Kupferstich-Kabinett Dresden',
	};

	beforeAll( async () => {
		const session = sessions.ext!;
		await edit( session, `Project:Partnerships/Records/${ LONG.id }`, JSON.stringify( {
			schema: 'partnership/1',
			name: LONG.partnership,
			partners: [ { label: LONG.institution } ],
			type: 'glam',
			status: 'active',
			donation: { categories: [ LONG.category ], logo: DEMO_LOGO },
		} ) );
		await edit( session, 'Long names donation page', `{{Partnership donation|${ LONG.id }}}\nA page with the marker.` );
		await edit( session, 'Long names category page', `A page in the donation's category.\n[[Category:${ LONG.category }]]` );
		await deployIndex( wikis.ext );
	} );

	it.each( [ 'vector-2022', 'minerva' ] )( 'holds the badge at every width, whatever the names (%s, extension)', async ( skin ) => {
		const wiki = wikis.ext;
		const { page, context, errors } = await browser.newPage();
		const donation = new DonationPages( page, wiki.url );
		const misfits: string[] = [];
		const titles = [ 'Federal_archive_photographs', FILE, 'Long names donation page', 'Long names category page' ];
		for ( const title of titles ) {
			await donation.openWithBadge( title, { useskin: skin } );
			for ( const width of [ 320, 390, 480, 600, 720, 768, 900, 999, 1000, 1024, 1280, 1600 ] ) {
				await page.setViewportSize( { width, height: 900 } );
				// The space is the marker's or the slot's min-height, given before the badge
				// came; the badge fits when the box is no taller than that, and fills it.
				const [ height, reserved, inner ] = await donation.reservedSpace();
				if ( height > reserved + 0.5 || inner > reserved + 0.5 ) {
					misfits.push( `${ title } at ${ width } px: ${ height.toFixed( 1 ) } (badge ${ inner.toFixed( 1 ) }) > ${ reserved.toFixed( 1 ) }` );
				}
			}
		}
		expect( misfits ).toEqual( [] );
		// Cut, not lost: the whole name is in the badge's text for screen readers.
		await donation.openWithBadge( 'Long names category page', { useskin: skin } );
		expect( await donation.badgeText() ).toContain( LONG.institution );
		expect( await donation.badgeText() ).toContain( LONG.partnership );
		await page.setViewportSize( { width: 390, height: 844 } );
		await screenshot( page, `badge-long-names-${ skin }-narrow` );
		await page.setViewportSize( { width: 1280, height: 900 } );
		await screenshot( page, `badge-long-names-${ skin }-wide` );
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
		await deployIndex( wiki );

		const { page, context, errors } = await browser.newPage();
		const donation = new DonationPages( page, wiki.url );
		await donation.openWithBadge( 'Hostile_donation_page', { uselang: 'qqx' } );
		expect( await donation.badgeText() ).toContain( `(partnerships-badge-donated-by: \u2068Museum ${ hostile }\u2069)` );
		expect( await donation.logo.count() ).toBe( 0 );
		await donation.openDialog();
		expect( await donation.dialogText() ).toContain( `Museum ${ hostile }` );
		expect( await donation.dialog.locator( 'img' ).count() ).toBe( 0 );
		await donation.openWall( 'Donors', { uselang: 'qqx' } );
		expect( await donation.wallBox.textContent() ).toContain( `Museum ${ hostile }` );
		expect( await donation.wallBox.locator( 'img' ).count() ).toBe( 0 );
		expect( await page.evaluate( () => ( window as unknown as { pwned?: number } ).pwned ) ).toBeUndefined();
		await screenshot( page, 'wall-hostile' );
		expect( errors ).toEqual( [] );
		await context.close();
	} );

	it( 'keeps a hostile logo name in the index inert', async () => {
		// The schema lets no such name into a record, so the deploy never writes one; but the
		// index is a wiki page that an interface administrator can edit by hand.
		const wiki = wikis.ext;
		const session = sessions.ext!;
		const indexTitle = 'MediaWiki:Partnerships-donations.json';
		const answer = await session.get( { action: 'query', titles: indexTitle, prop: 'revisions', rvprop: 'content', rvslots: 'main' } );
		const index = JSON.parse( answer.query.pages[ 0 ].revisions[ 0 ].slots.main.content );
		const quoted = 'x" onerror="window.pwned=3" y.png';
		index.r.push( [ 'hostile-logo-quoted', 'Logo test', 'Logo museum', quoted ] );
		index.r.push( [ 'hostile-logo-markup', 'Logo test', 'Logo museum', '<img src=x onerror="window.pwned=4">.png' ] );
		index.r.push( [ 'hostile-logo-path', 'Logo test', 'Logo museum', '../../api.php?action=logout&x.png' ] );
		await session.postWithEditToken( { action: 'edit', title: indexTitle, text: JSON.stringify( index ), contentmodel: 'json', summary: 'test' } );
		for ( const id of [ 'quoted', 'markup', 'path' ] ) {
			await edit( session, `Hostile logo ${ id }`, `{{Partnership donation|hostile-logo-${ id }}}` );
		}
		const { page, context, errors, requests } = await browser.newPage();
		const donation = new DonationPages( page, wiki.url );
		for ( const id of [ 'quoted', 'markup', 'path' ] ) {
			await donation.openWithBadge( `Hostile_logo_${ id }`, { uselang: 'qqx' } );
			expect( await donation.badgeText() ).toContain( '(partnerships-badge-donated-by: \u2068Logo museum\u2069)' );
			const images = await donation.badgeImages();
			if ( id === 'quoted' ) {
				// A name that is a possible file name: shown, as a link to Special:FilePath, inert.
				expect( images ).toHaveLength( 1 );
				const src = new URL( images[ 0 ][ 0 ] );
				expect( src.origin ).toBe( new URL( wiki.url ).origin );
				expect( decodeURIComponent( src.href ) ).toContain( `Special:FilePath/${ quoted.replace( / /g, '_' ) }` );
				// Only the attributes the badge sets (style: hidden once the image fails).
				expect( images[ 0 ][ 1 ].split( ' ' ).filter( ( a ) => ![ 'alt', 'class', 'decoding', 'height', 'loading', 'src', 'width', 'style' ].includes( a ) ) ).toEqual( [] );
			} else {
				expect( images ).toEqual( [] );
			}
			await page.waitForLoadState( 'networkidle' );
		}
		expect( requests.filter( ( r ) => r.url().includes( 'action=logout' ) ) ).toEqual( [] );
		expect( await page.evaluate( () => ( window as unknown as { pwned?: number } ).pwned ) ).toBeUndefined();
		// The quoted name is no file: the image failed, its box stays (hidden), no error shown.
		expect( errors.filter( ( e ) => !e.includes( '404' ) ) ).toEqual( [] );
		await context.close();
	} );
} );

// Records on one wiki (A, here the "ext" wiki), badges on another (B, a third wiki with the
// gadgets started for this test): B's configuration names A's api.php; the deploy builds
// B's index from A's records; the badge links to A, and the page reads A anonymously.
// Which wiki holds the records is configuration: the gadgets' configuration page, or the
// extension's $wgPartnershipsRecordsApi. B is a third wiki of either kind, reading A's.
// Two more wikis; configuration, not Codex: not among the Codex 2 main flows
describe.skipIf( CODEX2_MAIN_ONLY ).each( [ 'gadgets', 'extension' ] as const )( 'records held on another wiki (%s on B)', ( packaging ) => {
	let b: Wiki | null = null;
	let bSession: HttpActionApi;
	const a = (): WikiInfo => wikis.ext;
	const recordsRoot = 'Project:Partnerships';

	beforeAll( async () => {
		const t0 = Date.now();
		const extension = packaging === 'extension';
		b = await startWiki( {
			// On the Codex 2 side, B too serves Codex 2.6 (a site of its own)
			site: `${ extension ? 'crosswikiext' : 'crosswiki' }${ CODEX_SIDE === 2 ? '_codex2' : '' }`,
			tree: CODEX_SIDE === 2 ? 'codex2' : 'mw',
			log: () => undefined,
			partnerships: extension,
			extraSettings: extension ? `$wgPartnershipsRecordsApi = ${ JSON.stringify( a().api ) };` : undefined,
		} );
		const started = Date.now();
		const dir = mkdtempSync( join( tmpdir(), 'partnerships-crosswiki-' ) );
		const config = join( dir, 'partnerships-config.json' );
		const defaults = JSON.parse( readFileSync( 'gadgets/partnerships-config.json', 'utf8' ) );
		writeFileSync( config, JSON.stringify( { ...defaults, PartnershipsRecordsApi: a().api }, null, '\t' ) + '\n' );
		bSession = await asAdmin( b );
		// B holds the donated files (as Commons would), not the records.
		await bSession.upload( {
			filename: FILES[ 0 ],
			text: `A test painting.\n[[Category:${ CATEGORY }]]`,
			comment: 'test upload',
			ignorewarnings: 1,
		}, new Blob( [ new Uint8Array( painting( [ 10, 20, 30 ] ) ) ], { type: 'image/png' } ) );
		await uploadDemoLogo( b );
		// With the extension, the deploy command writes the donations index (read from A,
		// as the configuration says) and the templates only.
		await deployGadgets( b, () => undefined, { config, extension, allowUntested: CODEX_SIDE === 2 } );
		// After the deploy, which installs the wall's template.
		await edit( bSession, 'Still life', `[[File:${ FILES[ 0 ] }|thumb]]` );
		await edit( bSession, 'Donors', '{{Partnerships recognition wall}}' );
		rmSync( dir, { recursive: true, force: true } );
		console.log( `crosswiki (${ packaging }): wiki started in ${ ( ( started - t0 ) / 1000 ).toFixed( 1 ) } s, seeded and deployed in ${ ( ( Date.now() - started ) / 1000 ).toFixed( 1 ) } s` );
	} );

	afterAll( async () => {
		await b?.stop();
	} );

	it( 'builds B\'s donations index from A\'s records (B has none)', async () => {
		const answer = await bSession.get( {
			action: 'query',
			titles: packaging === 'extension' ? 'MediaWiki:Partnerships-donations.json' : 'MediaWiki:Gadget-partnerships-donations.json',
			prop: 'revisions',
			rvprop: 'content',
			rvslots: 'main',
		} );
		const onB = JSON.parse( answer.query.pages[ 0 ].revisions[ 0 ].slots.main.content );
		const fromA = await donationIndexFromWiki( new HttpActionApi( a().api ), { namespace: 4, title: 'Partnerships' } );
		expect( onB ).toEqual( fromA.index );
		expect( onB.r.map( ( row: string[] ) => row[ 0 ] ) ).toContain( 'rijksmuseum-open-collection' );
		const records = await bSession.get( { action: 'query', list: 'allpages', apnamespace: 4, apprefix: 'Partnerships/Records/' } );
		expect( records.query.allpages ).toEqual( [] );
	} );

	it( 'shows the badge, the dialog and the wall on B, linking to A and reading A anonymously', async () => {
		const { page, context, errors, requests } = await browser.newPage();
		// A cookie for the host of both wikis: a request to A made with credentials would carry it.
		await context.addCookies( [ { name: 'partnershipsProbe', value: 'credentials', domain: '127.0.0.1', path: '/' } ] );
		const donation = new DonationPages( page, b!.url );
		await donation.openWithBadge( FILE, { uselang: 'qqx' } );
		expect( await donation.badgeText() ).toContain( '(partnerships-badge-donated-by: \u2068Rijksmuseum\u2069)' );
		const href = new URL( ( await donation.badgeLink.getAttribute( 'href' ) )! );
		expect( href.origin ).toBe( new URL( a().url ).origin );
		expect( href.searchParams.get( 'title' ) ).toBe( `${ recordsRoot }/Records/rijksmuseum-open-collection` );
		await expect.poll( () => donation.logoLoaded(), { timeout: 15000 } ).toBeGreaterThan( 0 );

		await donation.openDialog();
		// The numbers are B's (where the files are): one file, used on one page.
		await expect.poll( () => donation.dialogText(), { timeout: 30000 } ).toContain( '(partnerships-recognition-files: 1, 1)' );
		await expect.poll( () => donation.dialogText(), { timeout: 30000 } ).toContain( '(partnerships-recognition-used: 1, 1)' );
		expect( await donation.dialogText() ).toContain( '(partnerships-recognition-pages: 1, 1)' );
		expect( await donation.dialogLinks( '(partnerships-recognition-record)' ).getAttribute( 'href' ) ).toBe( href.toString() );
		// The licence comes from the record, read on A.
		await expect.poll( () => donation.attributionLine.count(), { timeout: 30000 } ).toBe( 1 );
		expect( await donation.attributionLine.inputValue() ).toContain( ', Public domain, ' );
		await screenshot( page, packaging === 'extension' ? 'crosswiki-ext-recognition' : 'crosswiki-recognition' );

		await donation.openWall( 'Donors', { uselang: 'qqx' } );
		const wall = donation.wall;
		expect( await wall.textContent() ).toContain( 'Rijksmuseum' );
		const wallLink = await wall.locator( 'a', { hasText: 'Rijksmuseum open collection' } ).first().getAttribute( 'href' );
		expect( new URL( wallLink!, b!.url ).origin ).toBe( new URL( a().url ).origin );
		await page.waitForLoadState( 'networkidle' );

		const toA = requests.filter( ( r ) => new URL( r.url() ).origin === new URL( a().url ).origin );
		const toB = requests.filter( ( r ) => new URL( r.url() ).origin === new URL( b!.url ).origin );
		console.log( `crosswiki (${ packaging }): ${ toA.length } request(s) to the records wiki A (${ toA.map( ( r ) => r.url() ).join( ', ' ) }), ${ toB.length } to B` );
		expect( toA.length ).toBeGreaterThan( 0 );
		for ( const request of toA ) {
			const url = new URL( request.url() );
			expect( url.pathname, request.url() ).toBe( '/api.php' );
			expect( url.searchParams.get( 'origin' ), request.url() ).toBe( '*' );
			const headers = await request.allHeaders();
			expect( headers.cookie, request.url() ).toBeUndefined();
			expect( headers.authorization, request.url() ).toBeUndefined();
			const response = await request.response();
			expect( response?.status() ).toBe( 200 );
			expect( ( await response!.allHeaders() )[ 'access-control-allow-origin' ] ).toBe( '*' );
		}
		// Requests to B do carry the cookie: the probe would have shown credentials.
		expect( ( await toB[ 0 ].allHeaders() ).cookie ).toContain( 'partnershipsProbe=credentials' );
		await screenshot( page, packaging === 'extension' ? 'crosswiki-ext-wall' : 'crosswiki-wall' );
		expect( errors ).toEqual( [] );
		await context.close();
	} );
} );
