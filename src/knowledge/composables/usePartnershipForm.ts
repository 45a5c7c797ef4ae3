import { ComputedRef, Ref, computed, onScopeDispose, ref, watch } from 'vue';
import {
	PARTNERSHIP_SCHEMA,
	PARTNERSHIP_STATUSES,
	PARTNERSHIP_TYPES,
	PRIORITY_AREAS,
	REGIONS,
	STEWARD_ROLES,
	Partnership,
	PartnershipStatus,
	PartnershipType,
	StewardRole,
	ValidationError,
	emptyPartnership,
	validatePartnership,
} from '../domain/partnership';
import { isJsonObject, jsonEqual } from '../../shared/schema/validate';

/** A partner or steward organisation as the lookup gives it. */
export interface OrganisationValue {
	label: string;
	/** Wikidata item id, when one was chosen */
	wikidata?: string;
}

/** Every repeatable row has a key that stays with it while rows are added and removed. */
interface Row {
	key: number;
}

export interface PartnerRow extends Row {
	organisation: OrganisationValue;
}

export interface StewardRow extends Row {
	organisation: OrganisationValue;
	role: StewardRole;
}

export interface ObligationRow extends Row {
	party: string;
	role: string;
	/** One obligation per line */
	obligations: string;
}

export interface GoalRow extends Row {
	description: string;
	/** Numbers as typed (a number input may give text or a number) */
	target: string | number;
	achieved: string | number;
	unit: string;
}

export interface LinkRow extends Row {
	label: string;
	url: string;
}

export interface SummaryRow extends Row {
	language: string;
	text: string;
}

/**
 * What the form edits: the record in the shape of its controls (text for numbers and
 * for lists typed one per line, rows for summaries).
 */
export interface PartnershipFormState {
	name: string;
	partners: PartnerRow[];
	type: PartnershipType;
	status: PartnershipStatus;
	start: string;
	end: string;
	themes: string[];
	stewards: StewardRow[];
	regions: string[];
	countries: string[];
	languages: string[];
	priorities: string[];
	/** One value per line */
	values: string;
	obligations: ObligationRow[];
	goals: GoalRow[];
	donation: { categories: string[]; licence: string; logo: string; files: string | number };
	lessons: { worked: string; didNotWork: string; advice: string };
	documentation: LinkRow[];
	contacts: string[];
	summaries: SummaryRow[];
}

/**
 * A validation error, with `field` naming the control it belongs to: the record path
 * with row numbers counted in the form's rows (empty rows are left out of the record)
 * and summaries addressed as `summaries/<row>`.
 */
export interface FormError extends Omit<ValidationError, 'code'> {
	/** The validator's code, or 'duplicate' for a summary language given twice */
	code: ValidationError[ 'code' ] | 'duplicate';
	field: string;
}

/** Repeatable rows whose errors are addressed by row. */
type RowList = 'partners' | 'stewards' | 'obligations' | 'goals' | 'documentation';

interface Built {
	record: Partnership;
	/** For each row list, the form row of each record item */
	rows: Record<RowList, number[]>;
	/** For each summary language in the record, its form row */
	summaryRows: Map<string, number>;
	/** Problems the schema cannot see (they are about rows that are not in the record) */
	local: FormError[];
}

let lastKey = 0;

/**
 * @return A key for a new row, unique in this page
 */
export function nextRowKey(): number {
	return ++lastKey;
}

/** New, empty rows. */
export const newRow = {
	partner: (): PartnerRow => ( { key: nextRowKey(), organisation: { label: '' } } ),
	steward: (): StewardRow => ( { key: nextRowKey(), organisation: { label: '' }, role: 'lead' } ),
	obligation: (): ObligationRow => ( { key: nextRowKey(), party: '', role: '', obligations: '' } ),
	goal: (): GoalRow => ( { key: nextRowKey(), description: '', target: '', achieved: '', unit: '' } ),
	link: (): LinkRow => ( { key: nextRowKey(), label: '', url: '' } ),
	summary: ( language = '' ): SummaryRow => ( { key: nextRowKey(), language, text: '' } ),
};

function text( value: unknown ): string {
	return typeof value === 'string' ? value : '';
}

function texts( value: unknown ): string[] {
	return Array.isArray( value ) ? value.filter( ( v ): v is string => typeof v === 'string' ) : [];
}

function objects( value: unknown ): Record<string, unknown>[] {
	return Array.isArray( value ) ? value.filter( isJsonObject ) : [];
}

function numberText( value: unknown ): string {
	return typeof value === 'number' && Number.isFinite( value ) ? String( value ) : text( value );
}

function oneOf<T extends string>( list: readonly T[], value: unknown, fallback: T ): T {
	return ( list as readonly unknown[] ).includes( value ) ? value as T : fallback;
}

function organisation( label: unknown, wikidata: unknown ): OrganisationValue {
	return typeof wikidata === 'string' && wikidata !== '' ?
		{ label: text( label ), wikidata } :
		{ label: text( label ) };
}

/**
 * The form's state for a record. Reads anything without throwing, as a draft read back
 * from the browser is untrusted: what does not fit is left out.
 *
 * @param data A record (or a draft of one)
 * @return State for the form
 */
export function formStateFromRecord( data: unknown ): PartnershipFormState {
	const r = isJsonObject( data ) ? data : {};
	const donation = isJsonObject( r.donation ) ? r.donation : {};
	const lessons = isJsonObject( r.lessons ) ? r.lessons : {};
	const summary = isJsonObject( r.summary ) ? r.summary : {};
	return {
		name: text( r.name ),
		partners: objects( r.partners ).map( ( p ) => (
			{ key: nextRowKey(), organisation: organisation( p.label, p.wikidata ) }
		) ),
		type: oneOf( PARTNERSHIP_TYPES, r.type, 'other' ),
		status: oneOf( PARTNERSHIP_STATUSES, r.status, 'proposed' ),
		start: text( r.start ),
		end: text( r.end ),
		themes: texts( r.themes ),
		stewards: objects( r.stewards ).map( ( s ) => ( {
			key: nextRowKey(),
			organisation: organisation( s.organisation, s.wikidata ),
			role: oneOf( STEWARD_ROLES, s.role, 'other' ),
		} ) ),
		regions: texts( r.regions ),
		countries: texts( r.countries ),
		languages: texts( r.languages ),
		priorities: texts( r.priorities ),
		values: texts( r.values ).join( '\n' ),
		obligations: objects( r.obligations ).map( ( o ) => ( {
			key: nextRowKey(),
			party: text( o.party ),
			role: text( o.role ),
			obligations: texts( o.obligations ).join( '\n' ),
		} ) ),
		goals: objects( r.goals ).map( ( g ) => ( {
			key: nextRowKey(),
			description: text( g.description ),
			target: numberText( g.target ),
			achieved: numberText( g.achieved ),
			unit: text( g.unit ),
		} ) ),
		donation: {
			categories: texts( donation.categories ),
			licence: text( donation.licence ),
			logo: text( donation.logo ),
			files: numberText( donation.files ),
		},
		lessons: {
			worked: text( lessons.worked ),
			didNotWork: text( lessons.didNotWork ),
			advice: text( lessons.advice ),
		},
		documentation: objects( r.documentation ).map( ( d ) => (
			{ key: nextRowKey(), label: text( d.label ), url: text( d.url ) }
		) ),
		contacts: texts( r.contacts ),
		summaries: Object.keys( summary ).map( ( language ) => (
			{ key: nextRowKey(), language, text: text( summary[ language ] ) }
		) ),
	};
}

function lines( value: string ): string[] {
	return value.split( '\n' ).map( ( line ) => line.trim() ).filter( Boolean );
}

/**
 * @param value A number as typed
 * @return The number, undefined when nothing was typed, or the text itself when it is
 *  not a number (so that validation reports it rather than it being dropped)
 */
function toNumber( value: string | number ): number | undefined {
	const trimmed = String( value ).trim();
	if ( trimmed === '' ) {
		return undefined;
	}
	const n = Number( trimmed );
	return Number.isFinite( n ) ? n : trimmed as unknown as number;
}

function inOrder( values: string[], order: readonly string[] ): string[] {
	const known = order.filter( ( v ) => values.includes( v ) );
	return [ ...known, ...values.filter( ( v ) => !order.includes( v ) ) ];
}

/**
 * Keep the non-empty rows of a list, remembering which form row each came from.
 *
 * @param rows The form's rows
 * @param isEmpty Whether a row holds nothing
 * @param convert The record item for a row
 * @return Record items and, for each, its form row
 */
function keep<R, T>( rows: R[], isEmpty: ( row: R ) => boolean, convert: ( row: R ) => T ): [ T[], number[] ] {
	const items: T[] = [];
	const index: number[] = [];
	rows.forEach( ( row, i ) => {
		if ( !isEmpty( row ) ) {
			items.push( convert( row ) );
			index.push( i );
		}
	} );
	return [ items, index ];
}

function withWikidata<T extends object>( item: T, wikidata: string | undefined ): T & { wikidata?: string } {
	return wikidata ? { ...item, wikidata } : item;
}

/**
 * The record the form holds. Rows left completely empty are not part of it.
 *
 * @param state The form's state
 * @return The record, where its rows came from and the problems only the form can see
 */
function build( state: PartnershipFormState ): Built {
	const blank = ( ...values: ( string | number )[] ): boolean => values.every( ( v ) => String( v ).trim() === '' );
	const [ partners, partnerRows ] = keep( state.partners,
		( p ) => blank( p.organisation.label ) && !p.organisation.wikidata,
		( p ) => withWikidata( { label: p.organisation.label.trim() }, p.organisation.wikidata ) );
	const [ stewards, stewardRows ] = keep( state.stewards,
		( s ) => blank( s.organisation.label ) && !s.organisation.wikidata,
		( s ) => {
			const item = withWikidata( { organisation: s.organisation.label.trim() }, s.organisation.wikidata );
			return { ...item, role: s.role };
		} );
	const [ obligations, obligationRows ] = keep( state.obligations,
		( o ) => blank( o.party, o.role, o.obligations ),
		( o ) => ( { party: o.party.trim(), role: o.role.trim(), obligations: lines( o.obligations ) } ) );
	const [ goals, goalRows ] = keep( state.goals,
		( g ) => blank( g.description, g.target, g.achieved, g.unit ),
		( g ) => {
			const target = toNumber( g.target );
			const achieved = toNumber( g.achieved );
			const unit = g.unit.trim();
			return {
				description: g.description.trim(),
				...( target === undefined ? {} : { target } ),
				...( achieved === undefined ? {} : { achieved } ),
				...( unit ? { unit } : {} ),
			};
		} );
	const [ documentation, documentationRows ] = keep( state.documentation,
		( d ) => blank( d.label, d.url ),
		( d ) => ( { label: d.label.trim(), url: d.url.trim() } ) );

	const summary: Record<string, string> = {};
	const summaryRows = new Map<string, number>();
	const local: FormError[] = [];
	state.summaries.forEach( ( row, i ) => {
		const language = row.language.trim();
		if ( blank( row.text ) ) {
			// A language with nothing written for it: nothing to keep.
			return;
		}
		if ( !language ) {
			local.push( { path: `summaries/${ i }/language`, field: `summaries/${ i }/language`, code: 'required' } );
			return;
		}
		if ( summaryRows.has( language ) ) {
			local.push( { path: `summaries/${ i }/language`, field: `summaries/${ i }/language`, code: 'duplicate' } );
			return;
		}
		summary[ language ] = row.text.trim();
		summaryRows.set( language, i );
	} );

	const files = toNumber( state.donation.files );
	const licence = state.donation.licence.trim();
	// People paste "File:Logo.svg" or "Logo_of_X.svg"; the record keeps "Logo of X.svg".
	const logo = state.donation.logo.trim().replace( /^(?:file|image)\s*:\s*/i, '' ).replace( /_/g, ' ' );
	const hasDonation = state.donation.categories.length > 0 || licence !== '' || logo !== '' || files !== undefined;
	const record = {
		schema: PARTNERSHIP_SCHEMA,
		name: state.name.trim(),
		partners,
		type: state.type,
		themes: [ ...state.themes ],
		stewards,
		regions: inOrder( state.regions, REGIONS ),
		countries: [ ...state.countries ],
		languages: [ ...state.languages ],
		priorities: inOrder( state.priorities, PRIORITY_AREAS ),
		status: state.status,
		...( state.start ? { start: state.start } : {} ),
		...( state.end ? { end: state.end } : {} ),
		values: lines( state.values ),
		obligations,
		goals,
		...( hasDonation ? {
			donation: {
				categories: [ ...state.donation.categories ],
				...( licence ? { licence } : {} ),
				...( logo ? { logo } : {} ),
				...( files === undefined ? {} : { files } ),
			},
		} : {} ),
		lessons: {
			worked: state.lessons.worked.trim(),
			didNotWork: state.lessons.didNotWork.trim(),
			advice: state.lessons.advice.trim(),
		},
		documentation,
		contacts: [ ...state.contacts ],
		summary,
	} as Partnership;
	return {
		record,
		rows: {
			partners: partnerRows,
			stewards: stewardRows,
			obligations: obligationRows,
			goals: goalRows,
			documentation: documentationRows,
		},
		summaryRows,
		local,
	};
}

/**
 * @param state The form's state
 * @return The record it holds
 */
export function recordFromFormState( state: PartnershipFormState ): Partnership {
	return build( state ).record;
}

function unescapeSegment( segment: string ): string {
	return segment.replace( /~1/g, '/' ).replace( /~0/g, '~' );
}

const ROW_LISTS: readonly string[] = [ 'partners', 'stewards', 'obligations', 'goals', 'documentation' ];

/**
 * @param error An error from the validator, with its record path
 * @param built The record and where its rows came from
 * @return The form field it belongs to
 */
function fieldOf( error: ValidationError, built: Built ): string {
	const segments = error.path.split( '/' );
	const [ top, second ] = segments;
	if ( top === 'summary' ) {
		const row = second === undefined ? undefined : built.summaryRows.get( unescapeSegment( second ) );
		if ( row === undefined ) {
			return 'summaries';
		}
		// A language code that does not fit is reported on the summary's key.
		const part = error.params && error.params.propertyName !== undefined ? 'language' : 'text';
		return `summaries/${ row }/${ part }`;
	}
	if ( ROW_LISTS.includes( top ) && second !== undefined && /^[0-9]+$/.test( second ) ) {
		const row = built.rows[ top as RowList ][ Number( second ) ];
		segments[ 1 ] = String( row ?? second );
		if ( top === 'stewards' && segments[ 2 ] === 'wikidata' ) {
			// The organisation lookup sets both the name and the Wikidata id.
			segments[ 2 ] = 'organisation';
		}
	}
	return segments.join( '/' );
}

/**
 * @param error A validation error
 * @return Message parameters for it (the limit of a length or count, the start date)
 */
function errorParams( error: FormError ): ( string | number )[] {
	const params = error.params ?? {};
	switch ( error.code ) {
		case 'minLength':
		case 'maxLength':
		case 'minItems':
		case 'maxItems':
		case 'minimum':
			return params.limit === undefined ? [] : [ params.limit ];
		case 'date-order':
			return params.start === undefined ? [] : [ params.start ];
		default:
			return [];
	}
}

export interface UsePartnershipFormOptions {
	/** The record being edited, or a new one (null: an empty record) */
	initial?: Partnership | null;
	/** Messages as plain text (services.message) */
	message( key: string, ...params: ( string | number )[] ): string;
	/** Milliseconds of quiet after a change before validating again */
	delay?: number;
	/** Language of the summary row a new record starts with */
	language?: string;
}

export interface UsePartnershipFormReturn {
	/** What the form shows and edits */
	state: Ref<PartnershipFormState>;
	/** The record the form holds now */
	record: ComputedRef<Partnership>;
	/** Whether the record differs from the one the form started from (or last saved) */
	dirty: ComputedRef<boolean>;
	/** Every problem found at the last validation, touched or not */
	errors: Ref<FormError[]>;
	/** Whether saving was tried: then every error shows */
	submitted: Ref<boolean>;
	/**
	 * Errors show for a field once it was touched (left after focusing it).
	 *
	 * @param field A field name, e.g. "name", "partners/0", "goals/1/target"
	 */
	touch( field: string ): void;
	/**
	 * @param field A field name
	 * @param exact Only errors on the field itself, not on its parts (for groups of rows)
	 * @return The message for its first error, if it has one that should show
	 */
	errorFor( field: string, exact?: boolean ): string | null;
	/**
	 * Validate at once (saving does, rather than waiting for the delay).
	 *
	 * @return The errors
	 */
	validateNow(): FormError[];
	/**
	 * Show another record: a draft being restored, or the record after a conflict was
	 * resolved. The form stays dirty against what it started from.
	 *
	 * @param data The record (untrusted)
	 */
	replace( data: unknown ): void;
	/**
	 * Start again from a record (the record to edit, once it is loaded): not dirty.
	 *
	 * @param data The record
	 */
	reset( data: Partnership ): void;
	/** The record was saved: it is what the form now starts from. */
	markSaved(): void;
}

/**
 * State, dirty tracking and validation for the partnership form.
 *
 * @param options The record and the messages
 * @return The form's state and what to do with it
 */
export function usePartnershipForm( options: UsePartnershipFormOptions ): UsePartnershipFormReturn {
	const delay = options.delay ?? 200;
	const initialState = formStateFromRecord( options.initial ?? emptyPartnership() );
	if ( !options.initial ) {
		initialState.partners = [ newRow.partner() ];
		initialState.summaries = [ newRow.summary( options.language ?? '' ) ];
	}
	const state = ref<PartnershipFormState>( initialState );
	const built = computed( () => build( state.value ) );
	const record = computed( () => built.value.record );
	const baseline = ref<Partnership>( record.value );
	const dirty = computed( () => !jsonEqual( record.value, baseline.value ) );

	const errors = ref<FormError[]>( [] );
	const submitted = ref( false );
	const touched = ref( new Set<string>() );

	function validateNow(): FormError[] {
		const current = built.value;
		const found: FormError[] = validatePartnership( current.record ).map(
			( error ) => ( { ...error, field: fieldOf( error, current ) } ),
		);
		errors.value = [ ...found, ...current.local ];
		return errors.value;
	}

	let timer: ReturnType<typeof setTimeout> | undefined;
	watch( state, () => {
		clearTimeout( timer );
		timer = setTimeout( validateNow, delay );
	}, { deep: true } );
	onScopeDispose( () => clearTimeout( timer ) );
	validateNow();

	function touch( field: string ): void {
		if ( !touched.value.has( field ) ) {
			touched.value = new Set( touched.value ).add( field );
		}
	}

	function errorFor( field: string, exact = false ): string | null {
		if ( !submitted.value && !touched.value.has( field ) ) {
			return null;
		}
		const error = errors.value.find( ( e ) => e.field === field ||
			( !exact && e.field.startsWith( field + '/' ) ) );
		if ( !error ) {
			return null;
		}
		if ( error.code === 'format' && ( error.params?.format === 'date' || error.params?.format === 'http-url' ) ) {
			// Messages used here:
			// * partnerships-validation-format-date
			// * partnerships-validation-format-http-url
			return options.message( `partnerships-validation-format-${ error.params.format }` );
		}
		// Messages used here:
		// * partnerships-validation-required, partnerships-validation-type,
		// * partnerships-validation-const, partnerships-validation-enum,
		// * partnerships-validation-pattern, partnerships-validation-minLength,
		// * partnerships-validation-maxLength, partnerships-validation-minItems,
		// * partnerships-validation-maxItems, partnerships-validation-minimum,
		// * partnerships-validation-additionalProperties, partnerships-validation-format,
		// * partnerships-validation-date-order, partnerships-validation-duplicate
		return options.message( `partnerships-validation-${ error.code }`, ...errorParams( error ) );
	}

	function replace( data: unknown ): void {
		state.value = formStateFromRecord( data );
		if ( !state.value.partners.length ) {
			state.value.partners.push( newRow.partner() );
		}
	}

	function reset( data: Partnership ): void {
		replace( data );
		baseline.value = record.value;
	}

	function markSaved(): void {
		baseline.value = record.value;
	}

	return { state, record, dirty, errors, submitted, touch, errorFor, validateNow, replace, reset, markSaved };
}
