/**
 * A partnership record as stored on a wiki page (content model json).
 *
 * This is the first, thin version of the record used by the spine; the full schema
 * (JSON Schema as single source of truth, migrations) grows from here.
 */

export const PARTNERSHIP_SCHEMA = 'partnership/1';

export const PARTNERSHIP_TYPES = [
	'glam',
	'education',
	'science',
	'health',
	'government',
	'library-data',
	'campaign',
	'open-technology',
	'media',
	'other',
] as const;
export type PartnershipType = typeof PARTNERSHIP_TYPES[ number ];

export const PARTNERSHIP_STATUSES = [
	'proposed',
	'discussion',
	'active',
	'paused',
	'concluded',
] as const;
export type PartnershipStatus = typeof PARTNERSHIP_STATUSES[ number ];

export interface PartnerOrganisation {
	label: string;
	/** Wikidata item id, e.g. "Q190804" */
	wikidata?: string;
}

export interface Partnership {
	schema: typeof PARTNERSHIP_SCHEMA;
	name: string;
	type: PartnershipType;
	status: PartnershipStatus;
	partners: PartnerOrganisation[];
	regions: string[];
	languages: string[];
	/** Summaries keyed by language code */
	summary: Record<string, string>;
}

export type InvalidReason = 'not-json' | 'not-object' | 'unknown-schema' | 'invalid-field';

export type ParseResult =
	{ ok: true; record: Partnership } |
	{ ok: false; reason: InvalidReason; detail: string };

function isObject( value: unknown ): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray( value );
}

function isStringArray( value: unknown ): value is string[] {
	return Array.isArray( value ) && value.every( ( v ) => typeof v === 'string' );
}

function oneOf<T extends string>( list: readonly T[], value: unknown ): value is T {
	return typeof value === 'string' && ( list as readonly string[] ).includes( value );
}

const WIKIDATA_ID = /^Q[1-9][0-9]*$/;

function invalid( detail: string ): ParseResult {
	return { ok: false, reason: 'invalid-field', detail };
}

/**
 * Read a record from page text. Never throws: anything that is not a valid record
 * comes back with a reason, so one bad page cannot break a view.
 *
 * @param text Page content (untrusted)
 * @return The record, or why it is not one
 */
export function parsePartnership( text: string ): ParseResult {
	let data: unknown;
	try {
		data = JSON.parse( text );
	} catch ( e ) {
		return { ok: false, reason: 'not-json', detail: e instanceof Error ? e.message : String( e ) };
	}
	if ( !isObject( data ) ) {
		return { ok: false, reason: 'not-object', detail: '' };
	}
	if ( data.schema !== PARTNERSHIP_SCHEMA ) {
		return { ok: false, reason: 'unknown-schema', detail: String( data.schema ).slice( 0, 100 ) };
	}
	if ( typeof data.name !== 'string' || data.name.trim() === '' ) {
		return invalid( 'name' );
	}
	if ( !oneOf( PARTNERSHIP_TYPES, data.type ) ) {
		return invalid( 'type' );
	}
	if ( !oneOf( PARTNERSHIP_STATUSES, data.status ) ) {
		return invalid( 'status' );
	}
	const partnersIn = data.partners ?? [];
	if ( !Array.isArray( partnersIn ) ) {
		return invalid( 'partners' );
	}
	const partners: PartnerOrganisation[] = [];
	for ( const [ i, p ] of partnersIn.entries() ) {
		if ( !isObject( p ) || typeof p.label !== 'string' || p.label.trim() === '' ) {
			return invalid( `partners/${ i }` );
		}
		if ( p.wikidata !== undefined && ( typeof p.wikidata !== 'string' || !WIKIDATA_ID.test( p.wikidata ) ) ) {
			return invalid( `partners/${ i }/wikidata` );
		}
		partners.push( p.wikidata === undefined ? { label: p.label } : { label: p.label, wikidata: p.wikidata } );
	}
	for ( const key of [ 'regions', 'languages' ] as const ) {
		if ( data[ key ] !== undefined && !isStringArray( data[ key ] ) ) {
			return invalid( key );
		}
	}
	const summaryIn = data.summary ?? {};
	if ( !isObject( summaryIn ) || !Object.values( summaryIn ).every( ( v ) => typeof v === 'string' ) ) {
		return invalid( 'summary' );
	}
	return {
		ok: true,
		record: {
			schema: PARTNERSHIP_SCHEMA,
			name: data.name,
			type: data.type,
			status: data.status,
			partners,
			regions: ( data.regions as string[] | undefined ) ?? [],
			languages: ( data.languages as string[] | undefined ) ?? [],
			summary: summaryIn as Record<string, string>,
		},
	};
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
