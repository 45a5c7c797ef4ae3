/**
 * What a failed request means, decided in one place: whether it may pass when sent again
 * and whether it may have been carried out although no answer came (both in
 * ../api/retry.ts, re-exported here), and what kind of failure it is for the person.
 */
import { ApiError, ApiResponse } from '../api/ActionApi';

export { isRetryable, mayHaveLanded } from '../api/retry';

/** The kinds of failure a person is told about (and a draft is kept for). */
export type FailureKind = 'session' | 'network' | 'readonly' | 'ratelimited' | 'maxlag' | 'server' |
	'exists' | 'permission' | 'invalid' | 'unknown';

const SESSION_CODES = new Set( [ 'assertuserfailed', 'assertnameduserfailed', 'notloggedin', 'badtoken', 'mustbeloggedin' ] );
const PERMISSION_CODES = new Set( [
	'permissiondenied', 'protectedpage', 'protectedtitle', 'cascadeprotected', 'cantcreate', 'cantcreate-anon',
	'noedit', 'noedit-anon', 'blocked', 'autoblocked', 'writeapidenied', 'readapidenied', 'protectednamespace',
	'protectednamespace-interface', 'customjsonprotected', 'sitejsonprotected', 'captcha', 'spamdetected',
	'titleblacklist-forbidden', 'cantchangecontentmodel',
] );
const INVALID_CODES = new Set( [
	'invalid-json-data', 'invalid-content-data', 'contenttoobig', 'badformat', 'invalidtitle',
	'invalid-record', 'invalid-current', 'badcontentformat',
] );

/**
 * @param error Why a request failed
 * @return The kind of failure, for the person
 */
export function failureKind( error: ApiError ): FailureKind {
	const code = error.code;
	if ( SESSION_CODES.has( code ) ) {
		return 'session';
	}
	if ( code === 'http' ) {
		if ( error.status === undefined ) {
			return 'network';
		}
		return error.status === 429 ? 'ratelimited' : error.status >= 500 ? 'server' : 'unknown';
	}
	if ( code === 'network' || code === 'timeout' ) {
		return 'network';
	}
	if ( code === 'readonly' || code === 'ratelimited' || code === 'maxlag' ) {
		return code;
	}
	if ( code === 'ok-but-empty' || code === 'invalid-response' || code.startsWith( 'internal_api_error' ) ) {
		return 'server';
	}
	if ( code === 'articleexists' ) {
		return 'exists';
	}
	if ( PERMISSION_CODES.has( code ) || /^(abusefilter-|globalblocking|blocked)/.test( code ) ) {
		return 'permission';
	}
	if ( INVALID_CODES.has( code ) ) {
		return 'invalid';
	}
	return 'unknown';
}

/**
 * Why a write failed, for the person, telling a content-model rate limit from a missing
 * right. MediaWiki answers `cantchangecontentmodel` both when the account lacks the
 * `editcontentmodel` right and when it has made too many content-model changes in a
 * minute (8 for an ordinary account by default); creating a JSON page where JSON is not
 * the page's default model (the gadgets) is such a change. An account that has the right
 * was rate-limited.
 *
 * @param error Why the write failed
 * @param rights Reads the rights of the logged-in account (undefined when logged out);
 *  asked only for `cantchangecontentmodel`
 * @return The kind of failure
 */
export async function writeFailureKind(
	error: ApiError,
	rights: () => Promise<readonly string[] | undefined>,
): Promise<FailureKind> {
	if ( error.code === 'cantchangecontentmodel' ) {
		const held = await rights().catch( () => undefined );
		if ( held && held.includes( 'editcontentmodel' ) ) {
			return 'ratelimited';
		}
	}
	return failureKind( error );
}

/**
 * @param e Anything thrown
 * @return It as an ApiError (code 'unknown' when it was not one)
 */
export function asApiError( e: unknown ): ApiError {
	return e instanceof ApiError ? e : new ApiError( 'unknown', e instanceof Error ? e.message : String( e ) );
}

/**
 * @param answer An `action=edit` answer that came without an error
 * @return Why it is not a success (a captcha, a hook's refusal), or null when it is one
 */
export function editAnswerError( answer: ApiResponse ): ApiError | null {
	const edit = answer.edit;
	if ( edit && edit.result === 'Success' ) {
		return null;
	}
	const code = String( ( edit && ( edit.code || ( edit.captcha && 'captcha' ) ) ) || 'edit-failure' );
	return new ApiError( code, String( ( edit && edit.info ) || code ), undefined, answer );
}
