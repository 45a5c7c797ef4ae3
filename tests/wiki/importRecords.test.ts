// Seeding with MediaWiki's import script, on a scratch wiki of the test's own: 1,000
// generated records land as JSON pages that the API lists, reads and counts.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWiki, Wiki } from '../../scripts/wiki/harness';
import { ImportTimings, base36Sha1, exportXml, generateRecords, importRecords } from '../../scripts/lib/importRecords';
import { HttpActionApi } from '../../src/shared/api/HttpActionApi';
import { loadPartnerships } from '../../src/knowledge/data/partnershipRepository';
import { PARTNERSHIP_TYPES, parsePartnership, validatePartnership } from '../../src/knowledge/domain/partnership';

const N = 1000;

describe( 'generated records', () => {
	it( 'are the same for the same seed, and differ between seeds', () => {
		expect( generateRecords( 20, 7 ) ).toEqual( generateRecords( 20, 7 ) );
		expect( generateRecords( 20, 7 ) ).not.toEqual( generateRecords( 20, 8 ) );
	} );

	it( 'are valid, unique and varied', () => {
		const records = generateRecords( N, 1 );
		expect( new Set( records.map( ( r ) => r.id ) ).size ).toBe( N );
		for ( const { id, text } of records ) {
			expect( id ).toMatch( /^[a-z0-9-]+$/ );
			expect( validatePartnership( JSON.parse( text ) ), `${ id }: ${ text }` ).toEqual( [] );
			expect( parsePartnership( text ).ok ).toBe( true );
		}
		const data = records.map( ( r ) => JSON.parse( r.text ) );
		expect( new Set( data.map( ( d ) => d.type ) ) ).toEqual( new Set( PARTNERSHIP_TYPES ) );
		expect( new Set( data.map( ( d ) => d.status ) ).size ).toBe( 5 );
		expect( new Set( data.flatMap( ( d ) => d.regions ) ).size ).toBeGreaterThanOrEqual( 6 );
		expect( new Set( data.map( ( d ) => d.name ) ).size ).toBeGreaterThan( 300 );
		expect( data.some( ( d ) => d.partners.some( ( p: { wikidata?: string } ) => p.wikidata ) ) ).toBe( true );
	} );

	it( 'export as MediaWiki XML with the JSON content model', () => {
		const xml = exportXml( [ {
			title: 'Project:Partnerships/Records/a&b', text: '{"a":"<b>"}', model: { model: 'json', format: 'application/json' }, timestamp: '2024-01-01T00:00:00Z',
		} ], 'Admin', 'summary' );
		expect( xml ).toContain( '<title>Project:Partnerships/Records/a&amp;b</title>' );
		expect( xml ).toContain( '<model>json</model>' );
		expect( xml ).toContain( '<format>application/json</format>' );
		expect( xml ).toContain( '>{&quot;a&quot;:&quot;&lt;b&gt;&quot;}</text>' );
		// MediaWiki's base-36 SHA-1 of "" (SlotRecord::base36Sha1).
		expect( base36Sha1( '' ) ).toBe( 'phoiac9h4m842xq45sp7s6u21eteeq1' );
	} );
} );

describe( 'importRecords on a scratch wiki', () => {
	let wiki: Wiki;
	let timings: ImportTimings;
	const records = generateRecords( N, 42 );

	beforeAll( async () => {
		wiki = await startWiki( { site: 'import_test', partnerships: true, log: () => undefined } );
		timings = await importRecords( wiki, records );
		console.log( `[import] ${ N } records: ${ timings.ms } ms (XML ${ timings.xmlMs }, importDump ${ timings.importMs }, rebuild ${ timings.rebuildMs })` );
	} );

	afterAll( async () => {
		await wiki?.stop();
	} );

	it( 'lists every record with list=allpages', async () => {
		const api = new HttpActionApi( wiki.api );
		const titles: string[] = [];
		let cont: Record<string, string> = {};
		do {
			const answer = await api.get( {
				action: 'query', list: 'allpages', apnamespace: 4, apprefix: 'Partnerships/Records/', aplimit: 'max', ...cont,
			} );
			titles.push( ...answer.query.allpages.map( ( p: { title: string } ) => p.title ) );
			cont = answer.continue ?? {};
		} while ( Object.keys( cont ).length );
		expect( titles ).toHaveLength( N );
		expect( new Set( titles ) ).toEqual( new Set( records.map( ( r ) => `Project:Partnerships/Records/${ r.id }` ) ) );
	} );

	it( 'stores each record as JSON, with its text, author and checksum', async () => {
		const record = records[ 123 ];
		const answer = await new HttpActionApi( wiki.api ).get( {
			action: 'query',
			titles: `Project:Partnerships/Records/${ record.id }`,
			prop: 'revisions',
			rvprop: [ 'content', 'contentmodel', 'user', 'sha1', 'comment' ],
			rvslots: 'main',
		} );
		const revision = answer.query.pages[ 0 ].revisions[ 0 ];
		expect( revision.slots.main.contentmodel ).toBe( 'json' );
		expect( JSON.parse( revision.slots.main.content ) ).toEqual( JSON.parse( record.text ) );
		expect( revision.user ).toBe( 'Admin' );
		expect( revision.comment ).toBe( 'Partnerships: imported records' );
		expect( revision.sha1 ).toMatch( /^[0-9a-f]{40}$/ );
	} );

	it( 'shows the records in recent changes and the site statistics', async () => {
		const api = new HttpActionApi( wiki.api );
		const changes = await api.get( { action: 'query', list: 'recentchanges', rcnamespace: 4, rclimit: 'max', rcprop: [ 'title' ] } );
		expect( changes.query.recentchanges.length ).toBe( 500 );
		expect( changes.continue ).toBeDefined();
		const stats = await api.get( { action: 'query', meta: 'siteinfo', siprop: 'statistics' } );
		expect( stats.query.statistics.pages ).toBeGreaterThanOrEqual( N + 1 );
	} );

	it( 'is read back whole by the panel\'s batched reader', async () => {
		const entries = await loadPartnerships( new HttpActionApi( wiki.api ), { namespace: 4, title: 'Partnerships' } );
		expect( entries ).toHaveLength( N );
		expect( entries.every( ( e ) => e.valid ) ).toBe( true );
	} );
} );
