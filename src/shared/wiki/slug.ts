/**
 * Record ids: the last part of a record's page title (…/Records/<id>), made from the
 * partnership's name when it is created and never changed afterwards.
 */
import { LETTERS_TO_ASCII } from '../i18n/fold';

/** The longest id made; long enough to tell names apart, short enough for a title. */
export const MAX_ID_LENGTH = 60;

/** The id used when a name has no letter or digit that folds to ASCII. */
export const FALLBACK_ID = 'partnership';

/**
 * @param text Any text
 * @return It in lower case, with accents removed and letters folded to ASCII where
 *  they can be; other characters are left for the caller to drop
 */
function fold( text: string ): string {
	return text
		.toLowerCase()
		.normalize( 'NFKD' )
		.replace( /\p{M}+/gu, '' )
		.replace( /[ßæœøđðþłıħŋŧĸ]/g, ( c ) => LETTERS_TO_ASCII[ c ] );
}

/**
 * @param text An id or a part of one
 * @param length The most characters it may have
 * @return It cut to length, without a hyphen at the end
 */
function cut( text: string, length: number ): string {
	return text.slice( 0, length ).replace( /-+$/, '' );
}

/**
 * The id for a new record: its name folded to ASCII, in lower case, with a hyphen
 * between words, at most MAX_ID_LENGTH characters, and not one of the existing ids
 * (a suffix -2, -3, … is added when it would be).
 *
 * @param name The partnership's name
 * @param existing Ids already in use (compared without regard to case)
 * @return A new id, matching ^[a-z0-9]+(-[a-z0-9]+)*$
 */
export function recordId( name: string, existing: Iterable<string> = [] ): string {
	const base = cut(
		fold( name ).replace( /[^a-z0-9]+/g, '-' ).replace( /^-+/, '' ),
		MAX_ID_LENGTH,
	) || FALLBACK_ID;
	const taken = new Set<string>();
	for ( const id of existing ) {
		taken.add( id.toLowerCase() );
	}
	if ( !taken.has( base ) ) {
		return base;
	}
	for ( let n = 2; ; n++ ) {
		const suffix = `-${ n }`;
		const candidate = cut( base, MAX_ID_LENGTH - suffix.length ) + suffix;
		if ( !taken.has( candidate ) ) {
			return candidate;
		}
	}
}
