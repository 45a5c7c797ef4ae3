import { describe, expect, it } from 'vitest';
import { failureText } from '../../../../src/heroes/components/failure';

const message = ( key: string, ...params: ( string | number )[] ): string => params.length ? `(${ key }: ${ params.join( ', ' ) })` : `(${ key })`;

describe( 'failureText', () => {
	it.each( [ 'exists', 'not-ready', 'not-allowed', 'nouser', 'permission' ] as const )( 'speaks of the nomination, not a record: %s', ( reason ) => {
		expect( failureText( { reason }, message ) ).toBe( `(partnerships-heroes-error-${ reason })` );
	} );

	it.each( [ 'session', 'network', 'ratelimited', 'readonly', 'unknown' ] as const )( 'shares the knowledge base\'s words for %s', ( reason ) => {
		expect( failureText( { reason }, message ) ).toBe( `(partnerships-save-error-${ reason })` );
	} );
} );
