import { describe, expect, it } from 'vitest';
import { AttributionContext, attributionText, domParserText, httpUrl } from '../../../../src/recognition/domain/attribution';

const context: AttributionContext = {
	fileTitle: 'File:Blue vase.jpg',
	wikiName: 'Wikimedia Commons',
	toText: domParserText,
	formatLine: ( object, author, licence, wiki ) => `${ object } by ${ author }, ${ licence || '?' }, via ${ wiki }`,
};

const ext = ( fields: Record<string, string> ): Record<string, { value: string }> => Object.fromEntries(
	Object.entries( fields ).map( ( [ k, v ] ) => [ k, { value: v } ] ),
);

describe( 'attributionText', () => {
	it( 'reads author, licence, credit and source from extmetadata', () => {
		const result = attributionText( {
			user: 'Uploader',
			descriptionurl: 'https://commons.wikimedia.org/wiki/File:Blue_vase.jpg',
			extmetadata: ext( {
				ObjectName: 'Blue vase',
				Artist: '<a href="//commons.wikimedia.org/wiki/User:Ann">Ann   Smith</a>',
				LicenseShortName: 'CC BY-SA 4.0',
				LicenseUrl: 'https://creativecommons.org/licenses/by-sa/4.0',
				Credit: '<span>Own work</span>',
			} ),
		}, context );
		expect( result ).toEqual( {
			object: 'Blue vase',
			author: 'Ann Smith',
			source: 'https://commons.wikimedia.org/wiki/File:Blue_vase.jpg',
			licence: 'CC BY-SA 4.0',
			licenceUrl: 'https://creativecommons.org/licenses/by-sa/4.0',
			credit: 'Own work',
			line: 'Blue vase by Ann Smith, CC BY-SA 4.0, via Wikimedia Commons',
		} );
	} );

	it( 'turns hostile HTML into plain text without running it', () => {
		const win = window as unknown as Record<string, unknown>;
		delete win.pwned;
		const result = attributionText( {
			extmetadata: ext( {
				Artist: '<img src=x onerror="window.pwned=1">Eve<script>window.pwned=2</script>',
				Credit: '<b onmouseover="window.pwned=3">Museum</b>',
				LicenseShortName: '<svg onload="window.pwned=4">PD</svg>',
				// eslint-disable-next-line no-script-url
				LicenseUrl: 'javascript:window.pwned=5',
			} ),
		}, context );
		expect( result.author ).toBe( 'Eve' );
		expect( result.credit ).toBe( 'Museum' );
		expect( result.licence ).toBe( 'PD' );
		expect( result.licenceUrl ).toBe( '' );
		for ( const value of Object.values( result ) ) {
			expect( value ).not.toMatch( /[<>]/ );
		}
		expect( win.pwned ).toBeUndefined();
	} );

	it( 'falls back to the uploader, the file name and the record’s licence when extmetadata is thin', () => {
		const result = attributionText( { user: 'Uploader', descriptionurl: 'ftp://x/y' }, { ...context, recordLicence: 'CC0' } );
		expect( result ).toMatchObject( { object: 'Blue vase', author: 'Uploader', licence: 'CC0', licenceUrl: '', source: '', credit: '' } );
		expect( result.line ).toBe( 'Blue vase by Uploader, CC0, via Wikimedia Commons' );
	} );

	it( 'prefers the required attribution over the artist', () => {
		const result = attributionText( { extmetadata: ext( { Attribution: 'Photo: Museum X', Artist: 'Someone' } ) }, context );
		expect( result.author ).toBe( 'Photo: Museum X' );
	} );

	it.each( [ null, 'text', 42, { extmetadata: 'nope' }, { extmetadata: { Artist: 7 } } ] )( 'survives a malformed imageinfo (%j)', ( meta ) => {
		expect( attributionText( meta, context ) ).toMatchObject( { object: 'Blue vase', author: '', licence: '' } );
	} );

	it.each( [
		[ 'https://a.example/x', 'https://a.example/x' ],
		[ '//a.example/x', 'https://a.example/x' ],
		[ 'data:text/html,hi', '' ],
		[ '/relative', '' ],
		[ 7, '' ],
	] )( 'httpUrl( %j ) is %j', ( value, expected ) => {
		expect( httpUrl( value ) ).toBe( expected );
	} );
} );
