import { describe, expect, it } from 'vitest';
import { messagesFor } from '../../../src/domain/messages';

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
