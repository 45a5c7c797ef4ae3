import { describe, expect, it } from 'vitest';
import { isolate, messagesFor } from '../../../../src/shared/i18n/messages';

const bundle = {
	en: { a: 'Apple', b: '$1 of $2, $1' },
	pt: { a: 'Maçã' },
	'pt-br': { b: '$1 de $2' },
	he: { a: 'תפוח' },
};

describe( 'messagesFor', () => {
	it.each( [
		[ 'en', { a: 'Apple', b: '$1 of $2, $1' } ],
		[ 'he', { a: 'תפוח', b: '$1 of $2, $1' } ],
		[ 'pt-br', { a: 'Maçã', b: '$1 de $2' } ],
		[ 'xx', { a: 'Apple', b: '$1 of $2, $1' } ],
		[ 'qqx', { a: '(a)', b: '(b: $1, $2)' } ],
	] )( '%s', ( lang, expected ) => {
		expect( messagesFor( bundle, lang ) ).toEqual( expected );
	} );
} );

describe( 'isolate', () => {
	it( 'puts a name in a first-strong isolate', () => {
		expect( isolate( 'ويكيميديا' ) ).toBe( '\u2068ويكيميديا\u2069' );
		expect( isolate( '' ) ).toBe( '\u2068\u2069' );
	} );

	it( 'keeps an override inside, where the isolate\'s end closes it', () => {
		expect( isolate( 'Group \u202Eevil' ) ).toBe( '\u2068Group \u202Eevil\u2069' );
	} );

	it( 'drops isolate controls, so that none ends the isolate early', () => {
		const name = 'a\u2069\u202Eb\u2066c\u2067d\u2068e';
		const out = isolate( name );
		expect( out ).toBe( '\u2068a\u202Ebcde\u2069' );
		expect( [ ...out ].filter( ( c ) => /[\u2066-\u2069]/.test( c ) ) ).toEqual( [ '\u2068', '\u2069' ] );
	} );
} );
