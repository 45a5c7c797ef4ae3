// 1,000 records, seeded with MediaWiki's import script into a wiki of this test's own,
// load, search and filter in the browser; a warm open asks only what changed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestBrowser, screenshot } from './browser';
import { PartnershipsPanel } from './pages/PartnershipsPanel';
import { startWiki, Wiki } from '../../scripts/wiki/harness';
import { generateRecords, importRecords } from '../../scripts/lib/importRecords';
import { parsePartnership } from '../../src/knowledge/domain/partnership';
import { createSearchIndex, searchPartnerships } from '../../src/knowledge/domain/search';

const N = 1000;
const browser = new TestBrowser();
let wiki: Wiki;
const records = generateRecords( N, 7 );

beforeAll( async () => {
	wiki = await startWiki( { site: 'kb_1000', partnerships: true, log: () => undefined } );
	await importRecords( wiki, records );
	await browser.launch();
} );

afterAll( async () => {
	await browser.close();
	await wiki?.stop();
} );

describe( `${ N } records`, () => {
	it( 'load in batches with progress, then search and filter as the domain search says', async () => {
		const { page, context, errors, requests } = await browser.newPage();
		const panel = new PartnershipsPanel( page, wiki.url );
		const sawProgress = page.locator( '.partnerships-app__progress' ).waitFor( { timeout: 30000 } ).then( () => true, () => false );
		await panel.open( { query: { uselang: 'qqx' } } );
		expect( await sawProgress ).toBe( true );
		await expect.poll( () => panel.count.textContent() ).toBe( `(partnerships-results-count: ${ N })` );
		const reads = requests.filter( ( r ) => r.url().includes( 'api.php' ) );
		expect( reads.length ).toBeLessThanOrEqual( Math.ceil( N / 50 ) + 3 );

		const items = records.map( ( r ) => {
			const parsed = parsePartnership( r.text );
			if ( !parsed.ok ) {
				throw new Error( `generated record ${ r.id } is invalid: ${ parsed.detail }` );
			}
			return { key: r.id, record: parsed.record, timestamp: '2026-01-01T00:00:00Z' };
		} );
		const index = createSearchIndex( items );
		const term = items[ 17 ].record.partners[ 0 ].label.split( ' ' )[ 0 ];
		const expected = searchPartnerships( index, { text: term, filters: {}, sort: 'relevance', page: 1, pageSize: 20 } );
		await panel.search( term );
		await expect.poll( () => panel.count.textContent() ).toBe( `(partnerships-results-count: ${ expected.total })` );

		const status = expected.facets.status[ 0 ];
		const filtered = searchPartnerships( index, { text: term, filters: { status: [ status.value ] }, sort: 'relevance', page: 1, pageSize: 20 } );
		await panel.toggleFilter( `(partnerships-filter-option: (partnerships-status-${ status.value }), ${ status.count })` );
		await expect.poll( () => panel.count.textContent() ).toBe( `(partnerships-results-count: ${ filtered.total })` );
		await screenshot( page, 'thousand-filtered' );

		// Warm open: the cache in this browser answers; nothing changed, so one request.
		requests.length = 0;
		await page.reload();
		await panel.ready();
		await expect.poll( () => panel.count.textContent() ).toBe( `(partnerships-results-count: ${ filtered.total })` );
		const warm = requests.filter( ( r ) => r.url().includes( 'api.php' ) );
		expect( warm.length ).toBeLessThanOrEqual( 2 );
		expect( errors ).toEqual( [] );
		await context.close();
	} );
} );
