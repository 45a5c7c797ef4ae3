import { describe, expect, it } from 'vitest';
import { DEFAULT_JSON_TEXT_LIMITS, jsonDepth, readJsonText } from '../../../../src/shared/schema/jsonText';

/** The page from issue 13: 100,000 nested arrays after the start of a record. */
const NESTED = '{"schema":' + '['.repeat( 100000 ) + ']'.repeat( 100000 ) + '}';

describe( 'jsonDepth', () => {
	it.each( [
		[ '1', 0 ],
		[ '{}', 1 ],
		[ '[[1],[2,[3]]]', 3 ],
		[ '{"a":"[[[[","b":[1]}', 2 ],
		[ '{"a":"\\"[[[","b":{"c":"\\\\"}}', 2 ],
		[ '["]]]]]", [[]]]', 3 ],
	] )( '%s is %i deep', ( text, depth ) => {
		expect( jsonDepth( text, 100 ) ).toBe( depth );
	} );

	it( 'stops counting past the limit, without recursion', () => {
		expect( jsonDepth( NESTED, 64 ) ).toBe( 65 );
		expect( jsonDepth( '['.repeat( 1e6 ), 1e7 ) ).toBe( 1e6 );
	} );
} );

describe( 'readJsonText', () => {
	it( 'parses JSON within the bounds', () => {
		expect( readJsonText( '{"a":[1,{"b":null}]}' ) ).toEqual( { ok: true, data: { a: [ 1, { b: null } ] } } );
		expect( readJsonText( '[]'.padStart( 10, ' ' ) ) ).toEqual( { ok: true, data: [] } );
	} );

	it( 'refuses deep nesting before parsing, so nothing downstream overflows the stack', () => {
		const read = readJsonText( NESTED );
		expect( read ).toMatchObject( { ok: false, problem: 'too-deep' } );
		const limit = DEFAULT_JSON_TEXT_LIMITS.maxDepth;
		expect( readJsonText( '['.repeat( limit ) + ']'.repeat( limit ) ).ok ).toBe( true );
		expect( readJsonText( '['.repeat( limit + 1 ) + ']'.repeat( limit + 1 ) ) ).toMatchObject( { ok: false, problem: 'too-deep' } );
		expect( readJsonText( '{"a":[[1]]}', { maxDepth: 2 } ) ).toMatchObject( { ok: false, problem: 'too-deep' } );
	} );

	it( 'refuses huge pages before parsing', () => {
		const huge = JSON.stringify( { schema: 'x', pad: 'a'.repeat( DEFAULT_JSON_TEXT_LIMITS.maxLength ) } );
		expect( readJsonText( huge ) ).toMatchObject( { ok: false, problem: 'too-large' } );
		expect( readJsonText( '"abcdef"', { maxLength: 5 } ) ).toMatchObject( { ok: false, problem: 'too-large' } );
	} );

	it( 'says why text is not JSON, and never throws', () => {
		for ( const text of [ '', '{', '{"schema":', '{"a":1}}', 'undefined', '\u0000', '["\\ud800"', ']]]]' ] ) {
			const read = readJsonText( text );
			if ( !read.ok ) {
				expect( read.problem, text ).toBe( 'not-json' );
				expect( read.detail, text ).not.toBe( '' );
			}
		}
		expect( readJsonText( undefined as unknown as string ) ).toMatchObject( { ok: false, problem: 'not-json' } );
	} );
} );
