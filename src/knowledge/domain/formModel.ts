/**
 * The partnership form's model, with no Vue: what the form edits (the record in the shape
 * of its controls), the form's state for a record, and the record for a form's state.
 * Validation of that state, mapped onto the form's fields, is in ./formErrors.ts.
 */
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
} from './partnership';
import { isJsonObject } from '../../shared/schema/validate';
import { fileName } from './wikiNames';

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
export type RowList = 'partners' | 'stewards' | 'obligations' | 'goals' | 'documentation';

/** Every repeatable list of the form: the row lists, and the summaries (a row per language). */
export type RowListName = RowList | 'summaries';

/** What the form holds: the record, and how its parts map back onto the form's rows. */
export interface BuiltForm {
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
export function buildForm( state: PartnershipFormState ): BuiltForm {
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
	const logo = fileName( state.donation.logo );
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
	return buildForm( state ).record;
}
