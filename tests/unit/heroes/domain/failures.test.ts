import { describe, expect, it } from 'vitest';
import { failureText } from '../../../../src/heroes/domain/failures';

const message = ( key: string, ...params: ( string | number )[] ): string => params.length ? `(${ key }: ${ params.join( ', ' ) })` : `(${ key })`;

describe( 'failureText', () => {
	it.each( [ 'exists', 'not-ready', 'not-allowed', 'nouser', 'permission' ] as const )( 'speaks of the nomination, not a record: %s', ( reason ) => {
		expect( failureText( { reason }, message ) ).toBe( `(partnerships-heroes-error-${ reason })` );
	} );

	it.each( [ 'session', 'network', 'ratelimited', 'readonly', 'unknown' ] as const )( 'shares the knowledge base\'s words for %s', ( reason ) => {
		expect( failureText( { reason }, message ) ).toBe( `(partnerships-save-error-${ reason })` );
	} );
} );

describe( 'failureText for what threw', () => {
	it( 'says it was unexpected, with the error\'s text', () => {
		expect( failureText( { reason: 'unexpected', message: 'boom' }, message ) ).toBe( '(partnerships-heroes-error-unexpected: boom)' );
	} );
} );
