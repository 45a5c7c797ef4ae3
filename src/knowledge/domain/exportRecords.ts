/**
 * Downloads of search results, for people who work in spreadsheets or scripts.
 */
import { Partnership, normalisePartnership } from './partnership';

export interface ExportRow {
	/** Page title of the record. */
	title: string;
	record: Partnership;
}

const LIST_SEPARATOR = '; ';

type Column = [ header: string, cell: ( record: Partnership ) => string | number | undefined ];

const list = ( values: readonly string[] ): string => values.join( LIST_SEPARATOR );

const COLUMNS: Column[] = [
	[ 'name', ( r ) => r.name ],
	[ 'type', ( r ) => r.type ],
	[ 'status', ( r ) => r.status ],
	[ 'start', ( r ) => r.start ],
	[ 'end', ( r ) => r.end ],
	[ 'partners', ( r ) => list( r.partners.map( ( p ) => p.label ) ) ],
	[ 'partnersWikidata', ( r ) => list( r.partners.map( ( p ) => p.wikidata ?? '' ) ) ],
	[ 'themes', ( r ) => list( r.themes ) ],
	[ 'stewards', ( r ) => list( r.stewards.map( ( s ) => `${ s.organisation } (${ s.role })` ) ) ],
	[ 'regions', ( r ) => list( r.regions ) ],
	[ 'countries', ( r ) => list( r.countries ) ],
	[ 'languages', ( r ) => list( r.languages ) ],
	[ 'priorities', ( r ) => list( r.priorities ) ],
	[ 'values', ( r ) => list( r.values ) ],
	[ 'obligations', ( r ) => list( r.obligations.map(
		( o ) => `${ o.party }${ o.role ? ` (${ o.role })` : '' }: ${ o.obligations.join( ', ' ) }`,
	) ) ],
	[ 'goals', ( r ) => list( r.goals.map( ( g ) => {
		const progress = g.target !== undefined || g.achieved !== undefined ?
			` (${ g.achieved ?? '?' }/${ g.target ?? '?' }${ g.unit ? ' ' + g.unit : '' })` : '';
		return g.description + progress;
	} ) ) ],
	[ 'donationCategories', ( r ) => r.donation && list( r.donation.categories ) ],
	[ 'donationLicence', ( r ) => r.donation && r.donation.licence ],
	[ 'donationLogo', ( r ) => r.donation && r.donation.logo ],
	[ 'donationFiles', ( r ) => r.donation && r.donation.files ],
	[ 'lessonsWorked', ( r ) => r.lessons.worked ],
	[ 'lessonsDidNotWork', ( r ) => r.lessons.didNotWork ],
	[ 'lessonsAdvice', ( r ) => r.lessons.advice ],
	[ 'documentation', ( r ) => list( r.documentation.map( ( d ) => `${ d.label } <${ d.url }>` ) ) ],
	[ 'contacts', ( r ) => list( r.contacts ) ],
];

/**
 * One CSV cell, safe to open in a spreadsheet whichever separator it reads, "," or ";"
 * (the list separator of many locales), after OWASP's CSV-injection guidance:
 * - a cell a spreadsheet would read as a formula gets an apostrophe in front: one that
 *   starts with = + - @, a tab or a carriage return, also after white space and line
 *   breaks (which some spreadsheets skip before a formula);
 * - read with ";", a cell of this file is cut at every ";" (quotes only count at the
 *   start of a field), so a formula after a ";" inside the text ("x;=1+1", or a list
 *   item "=1+1" after "; ") gets an apostrophe too;
 * - then RFC 4180 quoting, for a cell holding a quote, a line break, "," or ";".
 *
 * @param value Cell value
 * @return The cell as CSV text
 */
export function csvCell( value: string | number | undefined ): string {
	let text = value === undefined ? '' : String( value );
	text = text
		.replace( /^([\s\u200b]*)(?=[=+\-@\t\r])/, "'$1" )
		.replace( /(;[\s\u200b]*)(?=[=+\-@\t\r])/g, "$1'" );
	return /[",;\r\n]/.test( text ) ? `"${ text.replace( /"/g, '""' ) }"` : text;
}

/**
 * Records as CSV (RFC 4180: CRLF line ends, a header row, quoted where needed; no BOM).
 * Lists are joined with "; ". Summaries get one column per language present in any row
 * ("summary.en", "summary.fr", …).
 *
 * @param rows Records with their page titles
 * @return CSV text
 */
export function toCsv( rows: ExportRow[] ): string {
	const languages = [ ...new Set( rows.flatMap( ( row ) => Object.keys( row.record.summary ?? {} ) ) ) ].sort();
	const header = [ 'title', ...COLUMNS.map( ( [ name ] ) => name ), ...languages.map( ( l ) => `summary.${ l }` ) ];
	const lines = [ header.map( csvCell ).join( ',' ) ];
	for ( const { title, record } of rows ) {
		const full = normalisePartnership( record );
		const summary = full.summary;
		lines.push( [
			title,
			...COLUMNS.map( ( [ , cell ] ) => cell( full ) ),
			...languages.map( ( l ) => Object.prototype.hasOwnProperty.call( summary, l ) ? summary[ l ] : '' ),
		].map( csvCell ).join( ',' ) );
	}
	return lines.join( '\r\n' ) + '\r\n';
}

/**
 * Records as a JSON array of { title, ...record }, tab-indented.
 *
 * @param rows Records with their page titles
 * @return JSON text
 */
export function toJson( rows: ExportRow[] ): string {
	return JSON.stringify( rows.map( ( { title, record } ) => ( { title, ...normalisePartnership( record ) } ) ), null, '\t' );
}
