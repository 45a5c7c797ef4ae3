/**
 * The pages under …/Heroes/ as data: a nomination, an endorsement, a celebration or a
 * decline read from page text (untrusted: bounded, parsed and validated; anything wrong
 * is "invalid, with the reason", never an exception), and a nomination written back.
 */
import type { EndorsementRecord, NominationParse, NominationRecord, NomineeKind } from './heroes';
import { TITLE_SEGMENT_PATTERN } from '../../shared/schema/constants';
import {
	CELEBRATION_JSON_SCHEMA,
	DECLINE_JSON_SCHEMA,
	ENDORSEMENT_JSON_SCHEMA,
	NOMINATION_JSON_SCHEMA,
} from './nominationSchema';
import { ValidationError, applyDefaults, isJsonObject, validateAgainst } from '../../shared/schema/validate';
import { describeError, readJsonText } from '../../shared/schema/jsonText';
import { isTitleSegment } from '../../shared/schema/titles';

function describe( errors: ValidationError[] ): string {
	return errors.slice( 0, 3 ).map( ( e ) => `${ e.path || '/' }: ${ e.code }` ).join( '; ' );
}

/**
 * Page text as a JSON object, through the shared bounded reader (see
 * shared/schema/jsonText.ts): a hostile page is "invalid, with the reason", never an
 * exception.
 *
 * @param text Page content (untrusted)
 * @return The object, or why there is none
 */
function parseJson( text: string ): { ok: true; data: Record<string, unknown> } | { ok: false; detail: string } {
	const read = readJsonText( text );
	if ( !read.ok ) {
		return { ok: false, detail: read.problem === 'not-json' ? read.detail : `${ read.problem }: ${ read.detail }` };
	}
	return isJsonObject( read.data ) ? { ok: true, data: read.data } : { ok: false, detail: 'not an object' };
}

/**
 * Rules a schema cannot say: which nominee fields each kind needs and allows.
 *
 * @param nominee A nominee valid against the schema
 * @return Problems found
 */
function nomineeErrors( nominee: Record<string, unknown> ): ValidationError[] {
	const need: Record<NomineeKind, string[]> = {
		user: [ 'user' ],
		group: [ 'name' ],
		community: [ 'language', 'region' ],
	};
	const allow: Record<NomineeKind, string[]> = {
		user: [ 'kind', 'user' ],
		group: [ 'kind', 'name', 'wikidata' ],
		community: [ 'kind', 'language', 'region', 'name' ],
	};
	const kind = nominee.kind as NomineeKind;
	const errors: ValidationError[] = [];
	for ( const key of need[ kind ] ) {
		if ( nominee[ key ] === undefined ) {
			errors.push( { path: `nominee/${ key }`, code: 'required' } );
		}
	}
	for ( const key of Object.keys( nominee ) ) {
		if ( !allow[ kind ].includes( key ) ) {
			errors.push( { path: `nominee/${ key }`, code: 'additionalProperties' } );
		}
	}
	return errors;
}

/**
 * @param data A parsed document (untrusted)
 * @return Problems found; empty when it is a valid nomination
 */
export function validateNomination( data: unknown ): ValidationError[] {
	const errors = validateAgainst( NOMINATION_JSON_SCHEMA, data );
	if ( !errors.length && isJsonObject( data ) && isJsonObject( data.nominee ) ) {
		errors.push( ...nomineeErrors( data.nominee ) );
	}
	if ( !errors.length && isJsonObject( data ) && Array.isArray( data.partnerships ) ) {
		// Related partnerships become links to <root>/Records/<id>: each must be a page
		// name that stays in that folder ("../../Special:UserLogout" does not).
		data.partnerships.forEach( ( id, i ) => {
			if ( typeof id === 'string' && !isTitleSegment( id ) ) {
				errors.push( { path: `partnerships/${ i }`, code: 'pattern', params: { pattern: TITLE_SEGMENT_PATTERN } } );
			}
		} );
	}
	return errors;
}

/**
 * @param data A nomination, possibly with lists left out
 * @return A complete copy, keys in schema order
 */
export function normaliseNomination( data: unknown ): NominationRecord {
	return applyDefaults( NOMINATION_JSON_SCHEMA, data ) as NominationRecord;
}

/**
 * @param record A nomination
 * @return Page text: tabs, keys in schema order
 */
export function serializeNomination( record: NominationRecord ): string {
	return JSON.stringify( normaliseNomination( record ), null, '\t' );
}

/**
 * Read a nomination page. Never throws.
 *
 * @param text Page content (untrusted)
 * @return The nomination, or why it is not one
 */
export function parseNomination( text: string ): NominationParse {
	try {
		const json = parseJson( text );
		if ( !json.ok ) {
			return { ok: false, detail: json.detail, errors: [] };
		}
		const errors = validateNomination( json.data );
		return errors.length ?
			{ ok: false, detail: describe( errors ), errors } :
			{ ok: true, record: normaliseNomination( json.data ) };
	} catch ( e ) {
		return { ok: false, detail: describeError( e ), errors: [] };
	}
}

/**
 * Read an endorsement page. Never throws.
 *
 * @param text Page content of an endorsement (untrusted)
 * @return The endorsement, or null when the page is not a valid one
 */
export function parseEndorsement( text: string ): EndorsementRecord | null {
	try {
		const json = parseJson( text );
		if ( !json.ok || validateAgainst( ENDORSEMENT_JSON_SCHEMA, json.data ).length ) {
			return null;
		}
		return applyDefaults( ENDORSEMENT_JSON_SCHEMA, json.data ) as EndorsementRecord;
	} catch {
		return null;
	}
}

/**
 * Read a celebration or decline page. Never throws.
 *
 * @param text Page content of a celebration or decline (untrusted)
 * @param kind Which of the two
 * @return Its time, or null when the page is not a valid one
 */
export function parseMark( text: string, kind: 'celebration' | 'decline' ): { time: string } | null {
	try {
		const json = parseJson( text );
		const schema = kind === 'celebration' ? CELEBRATION_JSON_SCHEMA : DECLINE_JSON_SCHEMA;
		if ( !json.ok || validateAgainst( schema, json.data ).length ) {
			return null;
		}
		return { time: json.data.time as string };
	} catch {
		return null;
	}
}
