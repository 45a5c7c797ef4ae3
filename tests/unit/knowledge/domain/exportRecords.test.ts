import { describe, expect, it } from 'vitest';
import { csvCell, toCsv, toJson } from '../../../../src/knowledge/domain/exportRecords';
import { FULL_RECORD, makeRecord } from '../../../support/records';

/**
 * A strict RFC 4180 reader, to check that what we write reads back.
 *
 * @param text CSV text
 * @param separator The field separator the spreadsheet uses ("," or, in many locales, ";")
 * @return Rows of cells
 */
function readCsv( text: string, separator = ',' ): string[][] {
	const rows: string[][] = [];
	let row: string[] = [];
	let cell = '';
	let quoted = false;
	for ( let i = 0; i < text.length; i++ ) {
		const c = text[ i ];
		if ( quoted ) {
			if ( c === '"' && text[ i + 1 ] === '"' ) {
				cell += '"';
				i++;
			} else if ( c === '"' ) {
				quoted = false;
			} else {
				cell += c;
			}
		} else if ( c === '"' && cell === '' ) {
			quoted = true;
		} else if ( c === separator ) {
			row.push( cell );
			cell = '';
		} else if ( c === '\r' && text[ i + 1 ] === '\n' ) {
			row.push( cell );
			rows.push( row );
			row = [];
			cell = '';
			i++;
		} else {
			// Read with another separator, a quote inside a cell is text, as spreadsheets take it.
			if ( separator === ',' ) {
				expect( c, `bare ${ JSON.stringify( c ) } at ${ i }` ).not.toMatch( /["\r\n]/ );
			}
			cell += c;
		}
	}
	expect( cell ).toBe( '' );
	return rows;
}

describe( 'csvCell', () => {
	it.each( [
		[ 'plain', 'plain' ],
		[ 'a,b', '"a,b"' ],
		[ 'say "hi"', '"say ""hi"""' ],
		[ 'two\nlines', '"two\nlines"' ],
		[ '=HYPERLINK("http://evil")', '"\'=HYPERLINK(""http://evil"")"' ],
		[ '+1', "'+1" ],
		[ '-1', "'-1" ],
		[ '@SUM(A1)', "'@SUM(A1)" ],
		[ '\t=1', "'\t=1" ],
		[ '\r=1', '"\'\r=1"' ],
		[ 'a=b', 'a=b' ],
		[ '', '' ],
		[ undefined, '' ],
		[ 250, '250' ],
		// Issue 13: ";" is the separator in many locales; a formula after white space.
		[ 'x;=1+1', '"x;\'=1+1"' ],
		[ 'a; b', '"a; b"' ],
		[ 'a; =1; \n@x', '"a; \'=1; \n\'@x"' ],
		[ 'a,=1', '"a,=1"' ],
		[ ' =1+1', "' =1+1" ],
		[ '  @SUM(A1)', "'  @SUM(A1)" ],
		[ '\n=1+1', '"\'\n=1+1"' ],
		[ '\r\n -2+3', '"\'\r\n -2+3"' ],
		[ '\u00a0+1', "'\u00a0+1" ],
		[ '\u200b=1', "'\u200b=1" ],
		[ 'x =1', 'x =1' ],
	] )( '%j → %s', ( value, expected ) => {
		expect( csvCell( value ) ).toBe( expected );
	} );
} );

describe( 'toCsv', () => {
	it( 'writes a header and a row per record, with lists joined', () => {
		const csv = toCsv( [
			{ title: 'Project:Partnerships/Records/rijks', record: FULL_RECORD },
			{ title: 'Project:Partnerships/Records/x', record: makeRecord( { name: '=cmd|\' /C calc\'!A0', summary: { fr: 'Un, deux' } } ) },
		] );
		expect( csv.endsWith( '\r\n' ) ).toBe( true );
		expect( csv.charCodeAt( 0 ) ).not.toBe( 0xfeff );
		const [ header, rijks, hostile ] = readCsv( csv );
		expect( header ).toEqual( [
			'title', 'name', 'type', 'status', 'start', 'end', 'partners', 'partnersWikidata', 'themes', 'stewards',
			'regions', 'countries', 'languages', 'priorities', 'values', 'obligations', 'goals', 'donationCategories',
			'donationLicence', 'donationLogo', 'donationFiles', 'lessonsWorked', 'lessonsDidNotWork', 'lessonsAdvice', 'documentation',
			'contacts', 'summary.en', 'summary.fr', 'summary.nl',
		] );
		const cell = ( row: string[], name: string ): string => row[ header.indexOf( name ) ];
		expect( cell( rijks, 'title' ) ).toBe( 'Project:Partnerships/Records/rijks' );
		expect( cell( rijks, 'partners' ) ).toBe( 'Rijksmuseum' );
		expect( cell( rijks, 'partnersWikidata' ) ).toBe( 'Q190804' );
		expect( cell( rijks, 'themes' ) ).toBe( 'art; open data' );
		expect( cell( rijks, 'languages' ) ).toBe( 'nl; en' );
		expect( cell( rijks, 'stewards' ) ).toBe( 'Wikimedia Nederland (lead)' );
		expect( cell( rijks, 'obligations' ) ).toBe( 'Rijksmuseum (content partner): Publish images' );
		expect( cell( rijks, 'goals' ) ).toBe( 'Images on Commons (250/1000 files)' );
		expect( cell( rijks, 'donationFiles' ) ).toBe( '250' );
		expect( cell( rijks, 'donationLogo' ) ).toBe( 'Logo Rijksmuseum.svg' );
		expect( cell( rijks, 'documentation' ) ).toBe( 'Report <https://example.org/report>' );
		expect( cell( rijks, 'summary.nl' ) ).toBe( 'Afbeeldingen' );
		expect( cell( rijks, 'summary.fr' ) ).toBe( '' );
		expect( cell( hostile, 'name' ) ).toBe( '\'=cmd|\' /C calc\'!A0' );
		expect( cell( hostile, 'summary.fr' ) ).toBe( 'Un, deux' );
		expect( cell( hostile, 'start' ) ).toBe( '' );
		expect( cell( hostile, 'donationCategories' ) ).toBe( '' );
		for ( const row of [ rijks, hostile ] ) {
			expect( row ).toHaveLength( header.length );
			for ( const value of row ) {
				expect( value ).not.toMatch( /^[=+\-@\t\r]/ );
			}
		}
	} );

	it( 'stays one cell per field, none a formula, whether "," or ";" separates them', () => {
		const hostile = makeRecord( {
			name: 'x;=1+1',
			themes: [ '=1+1', ' =2+2', 'a;@b' ],
			summary: { en: '\n=HYPERLINK("http://evil")', fr: ';-1;+1' },
			lessons: { worked: ' \t+3', didNotWork: 'fine', advice: '' },
		} );
		const csv = toCsv( [ { title: 'Project:Partnerships/Records/x', record: hostile } ] );
		// Read with ",": one cell per field.
		const [ header, row ] = readCsv( csv );
		expect( row ).toHaveLength( header.length );
		for ( const value of row ) {
			expect( value ).not.toMatch( /^\s*[=+\-@]/ );
		}
		expect( row[ header.indexOf( 'name' ) ] ).toBe( 'x;\'=1+1' );
		// Read with ";" (quotes only at the start of a field): no field is a formula.
		for ( const line of readCsv( csv, ';' ) ) {
			for ( const value of line ) {
				expect( value ).not.toMatch( /^\s*[=+\-@]/ );
			}
		}
		expect( row[ header.indexOf( 'summary.fr' ) ] ).toBe( ';\'-1;\'+1' );
		expect( row[ header.indexOf( 'summary.en' ) ] ).toBe( '\'\n=HYPERLINK("http://evil")' );
		expect( row[ header.indexOf( 'lessonsWorked' ) ] ).toBe( '\' \t+3' );
	} );

	it( 'writes only the header for no records', () => {
		expect( toCsv( [] ) ).toBe( 'title,name,type,status,start,end,partners,partnersWikidata,themes,stewards,regions,countries,languages,priorities,values,obligations,goals,donationCategories,donationLicence,donationLogo,donationFiles,lessonsWorked,lessonsDidNotWork,lessonsAdvice,documentation,contacts\r\n' );
	} );
} );

describe( 'toJson', () => {
	it( 'writes an array of records with their titles first', () => {
		const json = toJson( [ { title: 'T', record: FULL_RECORD } ] );
		const parsed = JSON.parse( json );
		expect( parsed ).toEqual( [ { title: 'T', ...FULL_RECORD } ] );
		expect( Object.keys( parsed[ 0 ] ).slice( 0, 3 ) ).toEqual( [ 'title', 'schema', 'name' ] );
		expect( json ).toContain( '\n\t{\n\t\t"title": "T",' );
		expect( toJson( [] ) ).toBe( '[]' );
	} );
} );
