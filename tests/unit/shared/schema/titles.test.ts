import { describe, expect, it } from 'vitest';
import {
	categoryNameProblem,
	categoryTitle,
	isCategoryName,
	isTitleSegment,
	titleInFolder,
	titleSegmentProblem,
} from '../../../../src/shared/schema/titles';
import { CATEGORY_PATTERN, TITLE_SEGMENT_PATTERN } from '../../../../src/shared/schema/constants';

// As the schema interpreter and Ajv compile them: with the "u" flag.
// eslint-disable-next-line security/detect-non-literal-regexp
const SEGMENT = new RegExp( TITLE_SEGMENT_PATTERN, 'u' );
// eslint-disable-next-line security/detect-non-literal-regexp
const CATEGORY = new RegExp( CATEGORY_PATTERN, 'u' );

/** Text a category name or a page name may be: titles MediaWiki accepts as they are. */
const GOOD_NAMES = [
	'Images from the Rijksmuseum',
	'Files from Musée d\'Orsay',
	'Ὀδυσσεύς',
	'日本の博物館',
	'AT&T archives',
	'100% open',
	'Fish & chips',
	'A.B.C.',
	'...and more',
	'Dots..inside',
	'Tilde~s',
	'Two~~tildes',
	'😀 emoji',
];

/** Refused everywhere, with the reason. */
const BAD_NAMES: [ string, string ][] = [
	[ '', 'empty' ],
	[ '~~~~', 'tildes' ],
	[ 'Sig ~~~ here', 'tildes' ],
	[ '&lt;script&gt;', 'escape' ],
	[ 'x&#47;y', 'illegal-character' ],
	[ 'x&#x2F;y', 'illegal-character' ],
	[ '&amp;', 'escape' ],
	[ '%3Cscript%3E', 'escape' ],
	[ 'a%2Fb', 'escape' ],
	[ 'a[b', 'illegal-character' ],
	[ 'a]b', 'illegal-character' ],
	[ 'a{b', 'illegal-character' ],
	[ 'a}b', 'illegal-character' ],
	[ 'a|b', 'illegal-character' ],
	[ 'a#b', 'illegal-character' ],
	[ 'a<b', 'illegal-character' ],
	[ 'a>b', 'illegal-character' ],
	[ 'a\nb', 'illegal-character' ],
	[ 'a\u0000b', 'illegal-character' ],
	[ 'a\u007fb', 'illegal-character' ],
	[ 'a\u200eb', 'illegal-character' ],
	[ 'a\u202eb', 'illegal-character' ],
	[ 'a\u2028b', 'illegal-character' ],
	[ 'a\ud800b', 'illegal-character' ],
	[ 'a\udc00', 'illegal-character' ],
	[ '.', 'relative' ],
	[ '..', 'relative' ],
	[ ':Main Page', 'colon' ],
	[ ' x', 'space' ],
	[ 'x ', 'space' ],
	[ '_x', 'space' ],
	[ 'é'.repeat( 128 ), 'too-long' ],
];

describe( 'page names in a folder (record ids, related partnerships)', () => {
	it.each( GOOD_NAMES )( 'accepts %j', ( name ) => {
		expect( titleSegmentProblem( name ) ).toBeNull();
		expect( SEGMENT.test( name ) ).toBe( true );
		expect( titleInFolder( 'Project:Partnerships/Records', name ) ).toBe( `Project:Partnerships/Records/${ name }` );
	} );

	it.each( [
		...BAD_NAMES,
		[ '../../Special:UserLogout', 'relative' ],
		[ '../x', 'relative' ],
		[ 'a/b', 'slash' ],
		[ 'x/..', 'relative' ],
		[ '/x', 'slash' ],
	] )( 'refuses %j (%s)', ( name, problem ) => {
		expect( titleSegmentProblem( name ) ).toBe( problem );
		expect( isTitleSegment( name ) ).toBe( false );
		expect( titleInFolder( 'Project:Partnerships/Records', name ) ).toBeNull();
		if ( problem !== 'too-long' ) {
			// The schema's pattern says the same (byte length is maxLength's and the code's).
			expect( SEGMENT.test( name ) ).toBe( false );
		}
	} );
} );

describe( 'category names', () => {
	it.each( [ ...GOOD_NAMES, 'Files from X/1900', 'A/B/C', 'Media.../x' ] )( 'accepts %j', ( name ) => {
		expect( categoryNameProblem( name ) ).toBeNull();
		expect( CATEGORY.test( name ) ).toBe( true );
		expect( categoryTitle( name ) ).toBe( `Category:${ name }` );
	} );

	it.each( [
		...BAD_NAMES,
		[ '../../../../etc/passwd', 'relative' ],
		[ 'a/../b', 'relative' ],
		[ 'a/./b', 'relative' ],
		[ 'a/.', 'relative' ],
		[ 'Category:X', 'colon' ],
		[ 'CATEGORY:X', 'colon' ],
	] )( 'refuses %j (%s)', ( name, problem ) => {
		expect( categoryNameProblem( name ) ).toBe( problem );
		expect( isCategoryName( name ) ).toBe( false );
		expect( categoryTitle( name ) ).toBeNull();
		if ( problem !== 'too-long' ) {
			expect( CATEGORY.test( name ) ).toBe( false );
		}
	} );

	it( 'matches in linear time on long hostile input', () => {
		const start = performance.now();
		for ( const text of [ '&a'.repeat( 5e4 ), '/.'.repeat( 5e4 ), '%3'.repeat( 5e4 ), 'a'.repeat( 1e5 ) + '#' ] ) {
			CATEGORY.test( text );
			SEGMENT.test( text );
		}
		expect( performance.now() - start ).toBeLessThan( 1000 );
	} );
} );
