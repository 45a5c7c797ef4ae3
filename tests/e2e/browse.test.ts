// Finding and reading partnerships in the panel, in a real browser on the real wiki:
// search as you type (case- and diacritics-insensitive), filters with counts, sort,
// pagination, the record view, the view in the URL, export, keyboard, RTL, night mode
// and Minerva.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { TestBrowser, axe, screenshot } from './browser';
import { PartnershipsPanel } from './pages/PartnershipsPanel';
import { HttpActionApi } from '../../src/shared/api/HttpActionApi';
import { loadPartnerships } from '../../src/knowledge/data/partnershipRepository';
import { createSearchIndex, searchPartnerships } from '../../src/knowledge/domain/search';
import { Partnership } from '../../src/knowledge/domain/partnership';

const wikis = inject( 'wikis' );
const wiki = wikis.ext;
const browser = new TestBrowser();
const created: string[] = [];
let admin: HttpActionApi;

const LONG_WORD = 'Aarhusuniversitetsbibliotekernesdigitaliseringssamarbejdsaftaleprojekt';

const museum = {
	schema: 'partnership/1',
	name: 'Musée du quai Branly – Jacques Chirac: Océanie collections',
	partners: [ { label: 'Musée du quai Branly – Jacques Chirac' } ],
	type: 'glam',
	themes: [ 'ethnography', 'Pacific cultures' ],
	stewards: [ { organisation: 'Wikimédia France', role: 'lead' } ],
	regions: [ '009' ],
	countries: [ 'FR' ],
	languages: [ 'fr' ],
	priorities: [ 'underrepresented-communities' ],
	status: 'active',
	start: '2023-03-01',
	values: [ 'Communities represented in the collections are consulted before images are shared.' ],
	obligations: [ { party: 'Wikimédia France', role: 'lead', obligations: [ 'Run upload workshops' ] } ],
	goals: [ { description: 'Images of Pacific objects on Commons', target: 2000, achieved: 1250, unit: 'files' } ],
	lessons: { worked: 'Pairing curators with experienced editors.', didNotWork: 'Bulk uploads without descriptions.', advice: 'Agree on the licence before digitising.' },
	documentation: [ { label: 'Project page', url: 'https://fr.wikipedia.org/wiki/Projet:Mus%C3%A9e_du_quai_Branly' } ],
	contacts: [ 'Alice' ],
	summary: { fr: 'Partage des images des collections océaniennes.', en: 'Sharing images of the Oceania collections.' },
};

/**
 * @return The valid records on the wiki, as the API reports them now
 */
async function records(): Promise<{ key: string; record: Partnership; timestamp: string }[]> {
	const entries = await loadPartnerships( new HttpActionApi( wiki.api ), { namespace: 4, title: 'Partnerships' } );
	return entries.flatMap( ( e ) => e.valid ? [ { key: e.id, record: e.record, timestamp: e.timestamp } ] : [] );
}

beforeAll( async () => {
	await browser.launch();
	admin = new HttpActionApi( wiki.api );
	await admin.login( wiki.accounts.admin.botUsername, wiki.accounts.admin.botPassword );
	const title = 'Project:Partnerships/Records/browse-test-quai-branly';
	await admin.postWithEditToken( { action: 'edit', title, text: JSON.stringify( museum ), contentmodel: 'json', summary: 'test', assert: 'user' } );
	created.push( title );
	// A real compound word, longer than a phone's line: it must wrap, not widen the list.
	const long = 'Project:Partnerships/Records/browse-test-long-word';
	await admin.postWithEditToken( {
		action: 'edit',
		title: long,
		text: JSON.stringify( { schema: 'partnership/1', name: LONG_WORD, partners: [ { label: LONG_WORD } ], type: 'glam', status: 'active' } ),
		contentmodel: 'json',
		summary: 'test',
		assert: 'user',
	} );
	created.push( long );
} );

afterAll( async () => {
	for ( const title of created ) {
		await admin.postWithEditToken( { action: 'delete', title, reason: 'test clean-up' } ).catch( () => undefined );
	}
	await browser.close();
} );

describe( 'browsing partnerships', () => {
	it( 'searches as you type, without caring about case or diacritics, and filters with counts', async () => {
		const { page, context, errors } = await browser.newPage();
		const panel = new PartnershipsPanel( page, wiki.url );
		await panel.open( { query: { uselang: 'qqx' } } );
		const all = await records();
		await expect.poll( () => panel.count.textContent() ).toBe( `(partnerships-results-count: ${ all.length })` );

		await panel.search( 'MUSEE QUAI oceanie' );
		await expect.poll( () => panel.names() ).toEqual( [ museum.name ] );
		expect( await panel.fragment() ).toBe( 'q=MUSEE%20QUAI%20oceanie' );

		// Lessons are searched too.
		await panel.search( 'curators with experienced' );
		await expect.poll( () => panel.names() ).toEqual( [ museum.name ] );

		// Filter counts agree with the domain search over what the API holds.
		await panel.search( '' );
		const index = createSearchIndex( all );
		const expected = searchPartnerships( index, { text: '', filters: {}, sort: 'relevance', page: 1, pageSize: 20 } );
		const glam = expected.facets.type.find( ( f ) => f.value === 'glam' );
		expect( glam ).toBeTruthy();
		await panel.toggleFilter( `(partnerships-filter-option: (partnerships-type-glam), ${ glam!.count })` );
		await expect.poll( () => panel.count.textContent() ).toBe( `(partnerships-results-count: ${ glam!.count })` );
		expect( await panel.fragment() ).toContain( 'type=glam' );
		await screenshot( page, 'browse-filtered-qqx' );
		expect( errors ).toEqual( [] );
		await context.close();
	} );

	it( 'opens a linked view: a filtered list, and a record with every field', async () => {
		const { page, context, errors } = await browser.newPage();
		const panel = new PartnershipsPanel( page, wiki.url );
		await panel.open( { fragment: 'q=oceanie&sort=-name' } );
		await expect.poll( () => panel.names() ).toEqual( [ museum.name ] );
		expect( await panel.searchBox.inputValue() ).toBe( 'oceanie' );

		await panel.openRecord( museum.name );
		expect( await panel.fragment() ).toContain( 'record=browse-test-quai-branly' );
		const text = await page.locator( '.partnerships-record' ).textContent();
		for ( const part of [ museum.values[ 0 ], 'Run upload workshops', museum.lessons.advice, 'Wikimédia France', 'ethnography' ] ) {
			expect( text ).toContain( part );
		}
		// Links: the record page, its history, its last diff; only http(s) documentation.
		const hrefs = await page.locator( '.partnerships-record a' ).evaluateAll( ( as ) => as.map( ( a ) => a.getAttribute( 'href' ) ?? '' ) );
		expect( hrefs.some( ( h ) => h.includes( 'action=history' ) ) ).toBe( true );
		expect( hrefs.some( ( h ) => /diff=\d+/.test( h ) ) ).toBe( true );
		expect( hrefs ).toContain( museum.documentation[ 0 ].url );
		// eslint-disable-next-line no-script-url
		expect( hrefs.some( ( h ) => h.startsWith( 'javascript:' ) ) ).toBe( false );
		// "Partnerships like this one": other GLAM partnerships.
		expect( await page.locator( '.partnerships-record__similar li' ).count() ).toBeGreaterThan( 0 );
		await screenshot( page, 'record-view' );

		// Reload: the record is linked.
		await page.reload();
		await panel.ready();
		await page.locator( '.partnerships-record__name' ).waitFor();
		expect( await page.locator( '.partnerships-record__name' ).textContent() ).toContain( museum.name );
		expect( errors ).toEqual( [] );
		await context.close();
	} );

	it( 'exports the current result as CSV and JSON', async () => {
		const { page, context } = await browser.newPage( { acceptDownloads: true } );
		const panel = new PartnershipsPanel( page, wiki.url );
		await panel.open( { query: { uselang: 'qqx' }, fragment: 'q=quai' } );
		for ( const [ format, label ] of [ [ 'csv', '(partnerships-export-csv)' ], [ 'json', '(partnerships-export-json)' ] ] ) {
			const [ download ] = await Promise.all( [ page.waitForEvent( 'download' ), page.getByRole( 'button', { name: label } ).click() ] );
			const body = readFileSync( await download.path() as string, 'utf8' );
			expect( body ).toContain( museum.name );
			if ( format === 'json' ) {
				expect( JSON.parse( body ) ).toHaveLength( 1 );
			} else {
				// With a byte-order mark, so that spreadsheets read it as UTF-8.
				expect( body.split( '\n' )[ 0 ] ).toMatch( /^\ufefftitle,name,/ );
			}
			expect( body ).not.toContain( 'Bundesarchiv' );
		}
		await context.close();
	} );

	it( 'works with the keyboard alone', async () => {
		const { page, context } = await browser.newPage();
		const panel = new PartnershipsPanel( page, wiki.url );
		await panel.open( { query: { uselang: 'qqx' } } );
		await panel.searchBox.focus();
		await page.keyboard.type( 'quai branly' );
		await expect.poll( () => panel.names() ).toEqual( [ museum.name ] );
		// Tab forward to the result's link, then open it with Enter.
		for ( let i = 0; i < 200; i++ ) {
			await page.keyboard.press( 'Tab' );
			if ( await page.evaluate( () => document.activeElement?.closest( 'tbody' ) !== null && document.activeElement?.tagName === 'A' ) ) {
				break;
			}
		}
		await page.keyboard.press( 'Enter' );
		await page.locator( '.partnerships-record__name' ).waitFor();
		expect( await panel.fragment() ).toContain( 'record=browse-test-quai-branly' );
		await context.close();
	} );

	it( 'wraps an unbroken word in a record instead of widening the page', async () => {
		const word = `https://example.org/${ 'segment'.repeat( 120 ) }`;
		const title = 'Project:Partnerships/Records/browse-test-unbroken';
		const long = { ...museum, name: 'Unbroken text test', summary: { en: word }, values: [ word.slice( 0, 500 ) ], lessons: { worked: word, didNotWork: '', advice: '' } };
		await admin.postWithEditToken( { action: 'edit', title, text: JSON.stringify( long ), contentmodel: 'json', summary: 'test', assert: 'user' } );
		created.push( title );
		const { page, context, errors } = await browser.newPage();
		const panel = new PartnershipsPanel( page, wiki.url );
		await panel.open( { fragment: 'record=browse-test-unbroken' } );
		await page.locator( '.partnerships-record__name' ).waitFor();
		expect( await page.locator( '.partnerships-record__summary' ).textContent() ).toContain( word );
		const widths = await page.evaluate( () => ( {
			page: document.documentElement.scrollWidth,
			window: document.documentElement.clientWidth,
			record: document.querySelector( '.partnerships-record' )!.scrollWidth,
			recordBox: document.querySelector( '.partnerships-record' )!.clientWidth,
		} ) );
		expect( widths.page ).toBeLessThanOrEqual( widths.window );
		expect( widths.record ).toBeLessThanOrEqual( widths.recordBox );
		await screenshot( page, 'record-unbroken' );
		expect( errors ).toEqual( [] );
		await context.close();
	} );

	it.each( [
		[ 'rtl', { uselang: 'he' }, {} ],
		[ 'night', { useskin: 'vector-2022', vectornightmode: '1' }, { colorScheme: 'dark' as const } ],
		[ 'minerva', { useskin: 'minerva' }, { viewport: { width: 390, height: 844 }, isMobile: true } ],
		[ 'monobook', { useskin: 'monobook' }, {} ],
	] )( 'reads well in %s, with no accessibility violations', async ( name, query, options ) => {
		const { page, context, errors } = await browser.newPage( options );
		const panel = new PartnershipsPanel( page, wiki.url );
		await panel.open( { query } );
		if ( name === 'rtl' ) {
			expect( await page.evaluate( () => getComputedStyle( document.querySelector( '.partnerships-app' )! ).direction ) ).toBe( 'rtl' );
		}
		const violations = await axe( page, '.partnerships-app' );
		expect( violations, JSON.stringify( violations, null, 1 ) ).toEqual( [] );
		if ( name === 'minerva' ) {
			// The list fits the phone: nothing in it scrolls sideways, and each row gives
			// its name the whole width instead of a narrow column (rows many lines tall).
			// Also with a word longer than the line in view.
			await panel.search( LONG_WORD.slice( 0, 20 ) );
			await expect.poll( () => panel.names() ).toEqual( [ LONG_WORD ] );
			const fit = await page.locator( '.partnerships-list__table' ).evaluate( ( table ) => ( {
				// Visually hidden parts (caption, headings) are 1px wide on purpose.
				scrolling: [ table, ...table.querySelectorAll( '*' ) ].filter( ( el ) => el.clientWidth > 1 && el.scrollWidth > el.clientWidth + 1 )
					.map( ( el ) => `${ el.tagName }.${ el.className }` ),
				names: [ ...table.querySelectorAll( 'tbody tr' ) ].map( ( tr ) => tr.firstElementChild!.getBoundingClientRect().width / tr.getBoundingClientRect().width ),
			} ) );
			expect( fit.scrolling ).toEqual( [] );
			expect( fit.names.length ).toBeGreaterThan( 0 );
			expect( fit.names.filter( ( share ) => share < 0.8 ) ).toEqual( [] );
			await panel.search( '' );
			await expect.poll( async () => ( await panel.names() ).length ).toBeGreaterThan( 1 );
		}
		await screenshot( page, `browse-${ name }` );
		await panel.openRecord( museum.name );
		if ( name === 'rtl' ) {
			// Items of left-to-right text (dir="auto") keep the list's direction, so their
			// bullets stay inside the list's indent, and their text sits beside the bullet.
			const items = await page.locator( '.partnerships-record li[dir="auto"]' ).evaluateAll( ( lis ) => lis.map( ( li ) => {
				const text = document.createRange();
				text.selectNodeContents( li );
				return { text: li.textContent!.trim(), direction: getComputedStyle( li ).direction, gap: Math.round( li.getBoundingClientRect().right - text.getBoundingClientRect().right ) };
			} ) );
			expect( items.map( ( i ) => i.text ) ).toContain( museum.partners[ 0 ].label );
			for ( const item of items ) {
				expect( item, item.text ).toMatchObject( { direction: 'rtl' } );
				expect( item.gap, item.text ).toBeLessThanOrEqual( 2 );
			}
		}
		const recordViolations = await axe( page, '.partnerships-app' );
		expect( recordViolations, JSON.stringify( recordViolations, null, 1 ) ).toEqual( [] );
		await screenshot( page, `record-${ name }` );
		expect( errors ).toEqual( [] );
		await context.close();
	} );
} );
