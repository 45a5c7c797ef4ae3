/**
 * The donations index: which partnership a page's donated content belongs to, in a
 * compact form that ships with the page-view loader (a JSON file of the same
 * ResourceLoader module) and is rebuilt from the records by the deploy command.
 *
 * Its form, version 1:
 *
 *     { "v": 1,
 *       "r": [ [ id, partnership name, institution, logo? ], … ],
 *       "c": { "<category>": <index into r>, … } }
 *
 * Rows are sorted by record id and categories by name, so that the same records
 * always give the same text and a redeploy with nothing changed edits nothing.
 * Category keys are written as MediaWiki writes them in `wgCategories`: no namespace,
 * spaces, first letter upper-case.
 *
 * buildDonationIndex() runs in Node (the deploy command); findDonation() runs on every
 * page view, reads the index as untrusted input and has to stay tiny.
 */
import type { Partnership } from '../../knowledge';

/** The version findDonation() reads; bump it when the form changes. */
export const DONATION_INDEX_VERSION = 1;

/**
 * One donation: record id, partnership name, donor institution (the first partner)
 * and, only when the record names one (`donation.logo`), a Commons file name (no
 * "File:") of its logo.
 */
export type DonationRow = [ id: string, partnership: string, institution: string, logo?: string ];

export interface DonationIndex {
	v: typeof DONATION_INDEX_VERSION;
	r: DonationRow[];
	/** Category name → index into `r` */
	c: Record<string, number>;
}

/** Two records naming the same category: the first by id keeps it. */
export interface DonationClash {
	/** The category, normalised */
	category: string;
	/** Record id that keeps the category */
	kept: string;
	/** Record id whose claim was dropped */
	dropped: string;
}

/** A record to index, as the repository reads it. */
export interface DonationSource {
	/** Record id (page name after Records/) */
	id: string;
	record: Partnership;
}

export interface DonationIndexOptions {
	/**
	 * Whether the wiki upper-cases the first letter of titles ($wgCapitalLinks). True on
	 * Commons, Meta and the Wikipedias, the default.
	 */
	capitalLinks?: boolean;
}

/** What the page-view loader knows about the page. */
export interface DonationPage {
	/** `wgCategories`, in page order */
	categories: string[];
	/** `data-partnership` of the page's marker element, or null when it has none */
	marker: string | null;
}

/** A donation found for a page: what the badge shows. */
export interface DonationHit {
	/** Record id (page name after Records/) */
	id: string;
	/** Name of the partnership */
	partnership: string;
	/** The donor institution */
	institution: string;
	/** The donation's categories in the index (spaces, no "Category:") */
	categories: string[];
	/** Commons file name of the institution's logo, when the index has one */
	logo?: string;
}

/** A donation with the link to its record, as the dialog and the wall show it. */
export interface LinkedDonation extends DonationHit {
	/** Link to the record, already built (mw.util.getUrl or another wiki's http(s) URL) */
	recordUrl: string;
}

// Title normalisation as MediaWikiTitleCodec does it: directional marks dropped, runs
// of white space (and underscores) made one space.
const DIRECTION_MARKS = /[\u200E\u200F\u202A-\u202E]/g;
const TITLE_SPACE = /[\s_\u00A0\u1680\u180E\u2000-\u200A\u2028\u2029\u202F\u205F\u3000]+/g;

/**
 * @param name A category name without the "Category:" prefix, as written in a record
 * @param capitalLinks Whether the wiki upper-cases the first letter of titles
 * @return The name as it appears in `wgCategories`
 */
export function normaliseCategory( name: string, capitalLinks = true ): string {
	const text = name.normalize( 'NFC' ).replace( DIRECTION_MARKS, '' ).replace( TITLE_SPACE, ' ' ).trim();
	if ( !capitalLinks || !text ) {
		return text;
	}
	const first = String.fromCodePoint( text.codePointAt( 0 ) as number );
	const upper = first.toUpperCase();
	// Where upper-casing makes more than one letter (ß → SS), Wikimedia wikis keep the
	// letter as it is ($wgOverrideUcfirstCharacters); do the same.
	return [ ...upper ].length === 1 ? upper + text.slice( first.length ) : text;
}

/**
 * @param file The record's `donation.logo` (validated by the schema, but not by older
 *  tools that wrote the page)
 * @return The file name without "File:", spaces for underscores; '' when there is none
 */
function logoOf( file: unknown ): string {
	return typeof file === 'string' ? file.replace( /^\s*(?:file|image)\s*:/i, '' ).replace( TITLE_SPACE, ' ' ).trim() : '';
}

function byCodeUnits( a: string, b: string ): number {
	return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * @param items Records, valid ones only
 * @param options Title rules
 * @return The index, and the categories claimed by more than one record
 */
function compile(
	items: readonly DonationSource[],
	options: DonationIndexOptions,
): { index: DonationIndex; clashes: DonationClash[] } {
	const capitalLinks = options.capitalLinks !== false;
	const donors = items
		.filter( ( item ) => item.record.donation && item.record.partners.length )
		.slice()
		.sort( ( a, b ) => byCodeUnits( a.id, b.id ) );
	const rows: DonationRow[] = [];
	const owners = new Map<string, number>();
	const clashes: DonationClash[] = [];
	for ( const { id, record } of donors ) {
		if ( rows.length && rows[ rows.length - 1 ][ 0 ] === id ) {
			// The same id twice (not from one wiki): the first one stands.
			continue;
		}
		const at = rows.length;
		const row: DonationRow = [ id, record.name.trim(), record.partners[ 0 ].label.trim() ];
		const logo = logoOf( record.donation?.logo );
		if ( logo ) {
			row.push( logo );
		}
		rows.push( row );
		for ( const name of record.donation?.categories ?? [] ) {
			const category = normaliseCategory( name, capitalLinks );
			const owner = owners.get( category );
			if ( !category || owner === at ) {
				continue;
			}
			if ( owner === undefined ) {
				owners.set( category, at );
			} else {
				clashes.push( { category, kept: rows[ owner ][ 0 ], dropped: id } );
			}
		}
	}
	const c: Record<string, number> = {};
	for ( const category of [ ...owners.keys() ].sort( byCodeUnits ) ) {
		c[ category ] = owners.get( category ) as number;
	}
	clashes.sort( ( a, b ) => byCodeUnits( a.category, b.category ) || byCodeUnits( a.dropped, b.dropped ) );
	return { index: { v: DONATION_INDEX_VERSION, r: rows, c }, clashes };
}

/**
 * Build the donations index from the records that have a donation section (with or
 * without categories: a donation can also be linked by markers alone). The institution
 * is the first partner. When two records name the same category, the first by id keeps
 * it (see donationClashes()).
 *
 * @param items Valid records with their ids, in any order
 * @param options The wiki's first-letter rule
 * @return The index, the same for the same records whatever their order
 */
export function buildDonationIndex(
	items: readonly DonationSource[],
	options: DonationIndexOptions = {},
): DonationIndex {
	return compile( items, options ).index;
}

/**
 * @param items Valid records with their ids, in any order
 * @param options As for buildDonationIndex()
 * @return The categories claimed by more than one record, and who keeps each, sorted
 */
export function donationClashes(
	items: readonly DonationSource[],
	options: DonationIndexOptions = {},
): DonationClash[] {
	return compile( items, options ).clashes;
}

/**
 * Find the donation a page shows: the record its marker names wins; otherwise the
 * first of the page's categories (in page order) that the index knows. The index
 * comes from a wiki page, so it is untrusted: shapes are checked, junk is skipped,
 * sizes are capped and nothing throws.
 *
 * Self-contained on purpose (no helpers, no constants from outside): it is bundled
 * into the page-view loader, and a test measures its source.
 *
 * @param index The donations index (parsed JSON, untrusted)
 * @param page The page's categories and marker
 * @return The donation, or null when the page shows none
 */
export function findDonation( index: unknown, page: DonationPage ): DonationHit | null {
	const data = ( index || {} ) as { v?: unknown; r?: unknown; c?: Record<string, unknown> };
	const rows = data.r;
	const map = data.c;
	if ( data.v !== 1 || !Array.isArray( rows ) || !map || typeof map !== 'object' ) {
		return null;
	}
	const text = ( value: unknown ): string => typeof value === 'string' ? value.trim().slice( 0, 300 ) : '';
	const marker = text( page.marker ).replace( /_/g, ' ' );
	// The marker's record first (one the index lacks is passed over), then the page's
	// categories in page order. Junk finds no row: a position that is not a number, or
	// what an object inherits (map.toString), is a key that rows does not have.
	const places = [
		rows.findIndex( ( row ) => marker && Array.isArray( row ) && text( row[ 0 ] ) === marker ),
		...( [] as string[] ).concat( page.categories ).slice( 0, 500 ).map( ( name ) => map[ name ] as number ),
	];
	for ( const at of places ) {
		const row: unknown = rows[ at ];
		const id = Array.isArray( row ) && text( row[ 0 ] );
		const institution = id && text( ( row as unknown[] )[ 2 ] );
		if ( institution ) {
			return {
				id: id as string,
				partnership: text( ( row as unknown[] )[ 1 ] ) || id as string,
				institution,
				categories: Object.keys( map ).filter( ( key ) => map[ key ] === at ).slice( 0, 100 ),
				logo: text( ( row as unknown[] )[ 3 ] ) || undefined,
			};
		}
	}
	return null;
}
