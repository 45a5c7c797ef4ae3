/**
 * A partnership record as stored on a wiki page (content model json): its type,
 * derived from the JSON Schema in ./schema/partnershipSchema.ts, and reading, checking
 * and writing it.
 */
import { FromSchema } from 'json-schema-to-ts';
import {
	CATEGORY_PATTERN,
	PARTNERSHIP_SCHEMA,
	PARTNERSHIP_STATUSES,
	PARTNERSHIP_TYPES,
	PRIORITY_AREAS,
	REGIONS,
	STEWARD_ROLES,
} from '../../shared/schema/constants';
import { PARTNERSHIP_JSON_SCHEMA, PARTNERSHIP_V0_JSON_SCHEMA } from './partnershipSchema';
import { SchemaNode, ValidationError, applyDefaults, isJsonObject, validateAgainst } from '../../shared/schema/validate';
import { describeError, readJsonText } from '../../shared/schema/jsonText';
import { isCategoryName } from '../../shared/schema/titles';

export {
	PARTNERSHIP_SCHEMA,
	PARTNERSHIP_STATUSES,
	PARTNERSHIP_TYPES,
	PRIORITY_AREAS,
	REGIONS,
	STEWARD_ROLES,
	PARTNERSHIP_JSON_SCHEMA,
};
export type { ValidationError, ValidationCode } from '../../shared/schema/validate';

export type PartnershipType = typeof PARTNERSHIP_TYPES[ number ];
export type PartnershipStatus = typeof PARTNERSHIP_STATUSES[ number ];
export type StewardRole = typeof STEWARD_ROLES[ number ];
export type Region = typeof REGIONS[ number ];
export type PriorityArea = typeof PRIORITY_AREAS[ number ];

/** A normalised record: every property with a default is present. */
export type Partnership = FromSchema<typeof PARTNERSHIP_JSON_SCHEMA>;
export type PartnerOrganisation = Partnership[ 'partners' ][ number ];
export type Steward = Partnership[ 'stewards' ][ number ];
export type Obligation = Partnership[ 'obligations' ][ number ];
export type Goal = Partnership[ 'goals' ][ number ];
export type Donation = NonNullable<Partnership[ 'donation' ]>;
export type Lessons = Partnership[ 'lessons' ];
export type DocumentationLink = Partnership[ 'documentation' ][ number ];

/** The pre-release draft form, "partnership/0". */
export type PartnershipV0 = FromSchema<typeof PARTNERSHIP_V0_JSON_SCHEMA>;

/**
 * Why a page is not a record. 'too-large': longer or more deeply nested than any record
 * (see shared/schema/jsonText.ts), so not even parsed.
 */
export type InvalidReason = 'not-json' | 'too-large' | 'not-object' | 'unknown-schema' | 'invalid-field';

export type ParseResult =
	{
		ok: true;
		record: Partnership;
		/** The `schema` the page was written in, when it was older and was migrated. */
		migratedFrom?: string;
	} |
	{
		ok: false;
		reason: InvalidReason;
		/** For people: the JSON error, the unknown schema or the first invalid fields. */
		detail: string;
		/** For 'invalid-field': every problem found (up to a limit); otherwise empty. */
		errors: ValidationError[];
	};

export interface Migration {
	/** The older form, checked before migrating. */
	schema: SchemaNode;
	/**
	 * @param old A document valid against `schema`
	 * @return The same record in the next major version
	 */
	migrate( old: Record<string, unknown> ): Record<string, unknown>;
	/** The `schema` value migrate() produces. */
	to: string;
}

/**
 * How to read each older major version, keyed by its `schema` value. Migrations chain
 * until PARTNERSHIP_SCHEMA is reached.
 */
export const MIGRATIONS: Readonly<Record<string, Migration>> = {
	'partnership/0': {
		schema: PARTNERSHIP_V0_JSON_SCHEMA,
		to: PARTNERSHIP_SCHEMA,
		migrate( old ) {
			const draft = old as PartnershipV0;
			const description = draft.description?.trim() ?? '';
			return {
				schema: PARTNERSHIP_SCHEMA,
				name: draft.title,
				partners: [ { label: draft.partner } ],
				type: draft.kind,
				status: draft.state,
				...( description ? { summary: { en: description } } : {} ),
			};
		},
	},
};

function isBefore( end: unknown, start: unknown ): boolean {
	// Valid dates are YYYY-MM-DD, which sort as strings.
	return typeof start === 'string' && typeof end === 'string' && end < start;
}

/**
 * Check a document against the current schema and the rules a schema cannot say
 * (the end date is not before the start date).
 *
 * @param data A parsed document (untrusted)
 * @return The problems found; empty when it is a valid record
 */
export function validatePartnership( data: unknown ): ValidationError[] {
	const errors = validateAgainst( PARTNERSHIP_JSON_SCHEMA, data );
	if ( isJsonObject( data ) && isBefore( data.end, data.start ) &&
		!errors.some( ( e ) => e.path === 'start' || e.path === 'end' )
	) {
		errors.push( { path: 'end', code: 'date-order', params: { start: String( data.start ) } } );
	}
	// Categories become links and badge lookups: each must be a category title the wiki
	// accepts as it is (the pattern says so too; this also counts bytes, as MediaWiki does).
	const donation = isJsonObject( data ) ? data.donation : undefined;
	if ( isJsonObject( donation ) && Array.isArray( donation.categories ) && donation.categories.length <= 100 ) {
		donation.categories.forEach( ( name, i ) => {
			const path = `donation/categories/${ i }`;
			if ( typeof name === 'string' && !isCategoryName( name ) && !errors.some( ( e ) => e.path === path ) ) {
				errors.push( { path, code: 'pattern', params: { pattern: CATEGORY_PATTERN } } );
			}
		} );
	}
	return errors;
}

/**
 * Fill in defaults (empty lists, empty lessons, no summaries) and put keys in schema
 * order. Meant for valid documents; it does not validate, and keeps whatever else it is
 * given so that nothing is lost from a draft.
 *
 * @param data A record, possibly with properties left out
 * @return A new, complete record
 */
export function normalisePartnership( data: unknown ): Partnership {
	return applyDefaults( PARTNERSHIP_JSON_SCHEMA, data ) as Partnership;
}

/**
 * A blank record for the create form. It is not valid until a name and at least one
 * partner are filled in.
 *
 * @return A new draft
 */
export function emptyPartnership(): Partnership {
	return normalisePartnership( {
		schema: PARTNERSHIP_SCHEMA,
		name: '',
		partners: [],
		type: 'other',
		status: 'proposed',
	} );
}

/**
 * Page text for a record: keys in schema order, summaries by language, tabs, optional
 * properties that are undefined left out, so that the same record always gives the
 * same text and diffs between revisions stay small.
 *
 * @param record The record
 * @return JSON text
 */
export function serializePartnership( record: Partnership ): string {
	return JSON.stringify( normalisePartnership( record ), null, '\t' );
}

function describeErrors( errors: ValidationError[] ): string {
	const shown = errors.slice( 0, 3 ).map( ( e ) => `${ e.path || '/' }: ${ e.code }` );
	return shown.join( '; ' ) + ( errors.length > 3 ? `; … (${ errors.length })` : '' );
}

function invalid( errors: ValidationError[] ): ParseResult {
	return { ok: false, reason: 'invalid-field', detail: describeErrors( errors ), errors };
}

/**
 * Read a record from page text, migrating older major versions. Never throws: anything
 * that is not a valid record comes back with a reason, so one bad page cannot break a
 * view.
 *
 * @param text Page content (untrusted)
 * @return The record, or why it is not one
 */
export function parsePartnership( text: string ): ParseResult {
	try {
		return parseUnguarded( text );
	} catch ( e ) {
		// Nothing below is expected to throw on any input; if something does, it is this
		// page's problem, not the view's.
		return { ok: false, reason: 'invalid-field', detail: describeError( e ), errors: [] };
	}
}

function parseUnguarded( text: string ): ParseResult {
	const read = readJsonText( text );
	if ( !read.ok ) {
		return read.problem === 'not-json' ?
			{ ok: false, reason: 'not-json', detail: read.detail, errors: [] } :
			{ ok: false, reason: 'too-large', detail: read.detail, errors: [] };
	}
	let data: unknown = read.data;
	if ( !isJsonObject( data ) ) {
		return { ok: false, reason: 'not-object', detail: '', errors: [] };
	}
	let migratedFrom: string | undefined;
	const seen = new Set<string>();
	while (
		typeof data.schema === 'string' &&
		data.schema !== PARTNERSHIP_SCHEMA &&
		Object.prototype.hasOwnProperty.call( MIGRATIONS, data.schema ) &&
		!seen.has( data.schema )
	) {
		const from: string = data.schema;
		seen.add( from );
		const migration = MIGRATIONS[ from ];
		const errors = validateAgainst( migration.schema, data );
		if ( errors.length ) {
			return invalid( errors );
		}
		migratedFrom = migratedFrom ?? from;
		data = migration.migrate( data );
		if ( !isJsonObject( data ) ) {
			return { ok: false, reason: 'not-object', detail: from, errors: [] };
		}
	}
	if ( data.schema !== PARTNERSHIP_SCHEMA ) {
		const schema = typeof data.schema === 'string' ? data.schema : JSON.stringify( data.schema ) ?? 'undefined';
		return { ok: false, reason: 'unknown-schema', detail: schema.slice( 0, 100 ), errors: [] };
	}
	const errors = validatePartnership( data );
	if ( errors.length ) {
		return invalid( errors );
	}
	const record = normalisePartnership( data );
	return migratedFrom === undefined ? { ok: true, record } : { ok: true, record, migratedFrom };
}

/**
 * @param summary Summaries keyed by language
 * @param languages Preferred languages, best first
 * @return The best summary, or '' when there is none
 */
export function pickSummary( summary: Record<string, string>, languages: string[] ): string {
	for ( const lang of [ ...languages, 'en' ] ) {
		if ( Object.prototype.hasOwnProperty.call( summary, lang ) ) {
			return summary[ lang ];
		}
	}
	const first = Object.keys( summary )[ 0 ];
	return first === undefined ? '' : summary[ first ];
}
