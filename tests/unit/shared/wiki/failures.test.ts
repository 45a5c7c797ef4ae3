import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../../src/shared/api/ActionApi';
import { asApiError, editAnswerError, failureKind, mayHaveLanded, writeFailureKind } from '../../../../src/shared/wiki/failures';

describe( 'failureKind', () => {
	// Moved from the partnership repository's tests (was draftReason).
	it.each( [
		[ 'notloggedin', undefined, 'session' ],
		[ 'assertnameduserfailed', undefined, 'session' ],
		[ 'http', 404, 'unknown' ],
		[ 'http', 500, 'server' ],
		[ 'internal_api_error_DBQueryError', undefined, 'server' ],
		[ 'abusefilter-disallowed', undefined, 'permission' ],
		[ 'cantcreate', undefined, 'permission' ],
		[ 'contenttoobig', undefined, 'invalid' ],
		[ 'articleexists', undefined, 'exists' ],
	] )( 'failureKind( %s, %s ) is %s', ( code, status, reason ) => {
		expect( failureKind( new ApiError( code, code, status ) ) ).toBe( reason );
	} );

	it.each( [
		[ 'badtoken', undefined, 'session' ],
		[ 'http', undefined, 'network' ],
		[ 'http', 429, 'ratelimited' ],
		[ 'timeout', undefined, 'network' ],
		[ 'maxlag', undefined, 'maxlag' ],
		[ 'readonly', undefined, 'readonly' ],
		[ 'ok-but-empty', undefined, 'server' ],
		[ 'globalblocking-blocked', undefined, 'permission' ],
		[ 'invalid-json-data', undefined, 'invalid' ],
		[ 'something-new', undefined, 'unknown' ],
	] )( 'failureKind( %s, %s ) is %s too', ( code, status, reason ) => {
		expect( failureKind( new ApiError( code, code, status ) ) ).toBe( reason );
	} );
} );

describe( 'writeFailureKind', () => {
	it( 'reads the rights only for cantchangecontentmodel, and a failed read changes nothing', async () => {
		let asked = 0;
		const rights = ( held: string[] | undefined ) => async () => {
			asked++;
			return held;
		};
		const refused = new ApiError( 'cantchangecontentmodel', 'no' );
		expect( await writeFailureKind( refused, rights( [ 'editcontentmodel' ] ) ) ).toBe( 'ratelimited' );
		expect( await writeFailureKind( refused, rights( [ 'edit' ] ) ) ).toBe( 'permission' );
		expect( await writeFailureKind( refused, rights( undefined ) ) ).toBe( 'permission' );
		expect( await writeFailureKind( refused, () => Promise.reject( new Error( 'down' ) ) ) ).toBe( 'permission' );
		expect( asked ).toBe( 3 );
		expect( await writeFailureKind( new ApiError( 'protectedpage', 'no' ), rights( [ 'editcontentmodel' ] ) ) ).toBe( 'permission' );
		expect( asked ).toBe( 3 );
	} );
} );

describe( 'mayHaveLanded', () => {
	it.each( [
		[ new ApiError( 'timeout', 'slow' ), true ],
		[ new ApiError( 'http', 'dropped' ), true ],
		[ new ApiError( 'http', 'HTTP 502', 502 ), true ],
		[ new ApiError( 'internal_api_error_DBQueryError', 'db' ), true ],
		[ new ApiError( 'invalid-response', 'html' ), true ],
		[ new ApiError( 'http', 'HTTP 429', 429 ), false ],
		[ new ApiError( 'maxlag', 'lag' ), false ],
		[ new ApiError( 'readonly', 'ro' ), false ],
		[ new ApiError( 'editconflict', 'conflict' ), false ],
		[ new Error( 'timeout' ), false ],
	] )( '%o → %s', ( error, landed ) => {
		expect( mayHaveLanded( error ) ).toBe( landed );
	} );
} );

describe( 'asApiError and editAnswerError', () => {
	it( 'keeps an ApiError and wraps anything else', () => {
		const error = new ApiError( 'x', 'y' );
		expect( asApiError( error ) ).toBe( error );
		expect( asApiError( new Error( 'boom' ) ) ).toMatchObject( { code: 'unknown', message: 'boom' } );
		expect( asApiError( 'text' ) ).toMatchObject( { code: 'unknown', message: 'text' } );
	} );

	it.each( [
		[ { edit: { result: 'Success' } }, null ],
		[ { edit: { result: 'Failure', captcha: { type: 'image' } } }, 'captcha' ],
		[ { edit: { result: 'Failure', code: 'abusefilter-disallowed', info: 'Refused' } }, 'abusefilter-disallowed' ],
		[ {}, 'edit-failure' ],
	] )( 'editAnswerError( %j ) has code %s', ( answer, code ) => {
		const error = editAnswerError( answer );
		expect( error && error.code ).toBe( code );
	} );
} );
