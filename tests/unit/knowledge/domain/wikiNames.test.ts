import { describe, expect, it } from 'vitest';
import { categoryName, fileName } from '../../../../src/knowledge/domain/wikiNames';

describe( 'wikiNames', () => {
	it.each( [
		[ 'Category:Images_from_X', 'Images from X' ],
		[ 'category:Foo', 'Foo' ],
		[ '  Plain name ', 'Plain name' ],
	] )( 'categoryName( %j ) is %j', ( typed, kept ) => {
		expect( categoryName( typed ) ).toBe( kept );
	} );

	it.each( [
		[ ' File:Ministry_of_Health logo.png ', 'Ministry of Health logo.png' ],
		[ 'Image : Logo.svg', 'Logo.svg' ],
		[ 'Logo_of_X.svg', 'Logo of X.svg' ],
		[ '', '' ],
	] )( 'fileName( %j ) is %j', ( typed, kept ) => {
		expect( fileName( typed ) ).toBe( kept );
	} );
} );
