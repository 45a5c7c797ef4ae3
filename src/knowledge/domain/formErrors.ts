/**
 * The partnership form's validation, with no Vue: the schema's errors on the record the
 * form holds, each mapped onto the form field it belongs to, and the message for each.
 */
import { ValidationError, validatePartnership } from './partnership';
import type { BuiltForm, FormError, RowList } from './formModel';
import type { MessageFunction } from '../../shared/i18n/messages';

/**
 * A message as plain text (the services' message function).
 *
 * @param key Message key
 * @param params Values for $1, $2, …
 */
type Message = MessageFunction;

function unescapeSegment( segment: string ): string {
	return segment.replace( /~1/g, '/' ).replace( /~0/g, '~' );
}

const ROW_LISTS: readonly string[] = [ 'partners', 'stewards', 'obligations', 'goals', 'documentation' ];

/**
 * @param error An error from the validator, with its record path
 * @param built The record and where its rows came from
 * @return The form field it belongs to
 */
function fieldOf( error: ValidationError, built: BuiltForm ): string {
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
 * Every problem with what the form holds: the schema's, each on its form field, then
 * those only the form can see.
 *
 * @param built What the form holds (buildForm)
 * @return The errors
 */
export function formErrors( built: BuiltForm ): FormError[] {
	const found: FormError[] = validatePartnership( built.record ).map(
		( error ) => ( { ...error, field: fieldOf( error, built ) } ),
	);
	return [ ...found, ...built.local ];
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

/**
 * @param error A validation error
 * @param message The services' message function
 * @return What to tell the person, under its field
 */
export function errorMessage( error: FormError, message: Message ): string {
	if ( error.code === 'format' && ( error.params?.format === 'date' || error.params?.format === 'http-url' ) ) {
		// Messages used here:
		// * partnerships-validation-format-date
		// * partnerships-validation-format-http-url
		return message( `partnerships-validation-format-${ error.params.format }` );
	}
	// Messages used here:
	// * partnerships-validation-required, partnerships-validation-type,
	// * partnerships-validation-const, partnerships-validation-enum,
	// * partnerships-validation-pattern, partnerships-validation-minLength,
	// * partnerships-validation-maxLength, partnerships-validation-minItems,
	// * partnerships-validation-maxItems, partnerships-validation-minimum,
	// * partnerships-validation-additionalProperties, partnerships-validation-format,
	// * partnerships-validation-date-order, partnerships-validation-duplicate
	return message( `partnerships-validation-${ error.code }`, ...errorParams( error ) );
}
