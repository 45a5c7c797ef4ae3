import { describe, expect, it } from 'vitest';
import { isValidRecordId } from '../../../../src/knowledge/data/recordTitles';

describe( 'isValidRecordId', () => {
	it.each( [
		[ 'abc', true ], [ 'with space', true ], [ 'a/b', true ], [ '', false ], [ ' lead', false ],
		[ 'a#b', false ], [ 'a[b', false ], [ 'a%20b', false ], [ 'a//b', false ], [ '../x', false ],
	] )( 'isValidRecordId( %j ) is %s', ( id, ok ) => {
		expect( isValidRecordId( id ) ).toBe( ok );
	} );
} );
