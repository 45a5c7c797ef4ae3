/**
 * Titles built from record data (a record id, a related partnership's id, a category
 * name) are checked before they become a link or a write: the text must be a title
 * MediaWiki accepts as it is (MediaWikiTitleCodec's rules), and stay in the namespace
 * and folder it is meant for. "../../Special:UserLogout" as a related partnership
 * would otherwise link to the logout page, and "../../../../etc/passwd" as a category
 * off the wiki's article path.
 *
 * The same rules are written as linear-time patterns in ./constants.ts, for the
 * schemas (so that Ajv and other tools reading the published schema agree).
 */

/**
 * Characters MediaWiki never allows in a title (outside $wgLegalTitleChars: # < > [ ] |
 * { } and ASCII control characters), lone surrogates (not UTF-8), the replacement
 * character, and the direction marks and embeddings MediaWiki strips from titles (so
 * the title would not be the text we checked).
 */
// eslint-disable-next-line no-control-regex
const ILLEGAL_CHARACTER = /[#<>[\]|{}\u0000-\u001f\u007f\u200e\u200f\u2028\u2029\u202a-\u202e\ufffd]/;

/**
 * @param text Any text
 * @return Whether it has a surrogate that is not half of a pair (no UTF-8 for it)
 */
function hasLoneSurrogate( text: string ): boolean {
	for ( let i = 0; i < text.length; i++ ) {
		const c = text.charCodeAt( i );
		if ( c >= 0xd800 && c <= 0xdbff ) {
			const next = text.charCodeAt( i + 1 );
			if ( !( next >= 0xdc00 && next <= 0xdfff ) ) {
				return true;
			}
			i++;
		} else if ( c >= 0xdc00 && c <= 0xdfff ) {
			return true;
		}
	}
	return false;
}

/**
 * Escapes MediaWiki refuses in titles, so that no title is another one in disguise: a
 * percent-encoding ("%2F", "%3C") or a character reference ("&lt;", "&#47;").
 */
const ESCAPE = /%[0-9A-Fa-f]{2}|&[A-Za-z0-9\u0080-\uffff]+;|&#[0-9]+;|&#x[0-9A-Fa-f]+;/;

/** A relative path: "." or ".." as a whole segment. */
const RELATIVE = /(?:^|\/)\.\.?(?:\/|$)/;

/** MediaWiki's longest title: 255 bytes of UTF-8. */
export const TITLE_MAX_BYTES = 255;

export type TitleProblem = 'empty' | 'too-long' | 'illegal-character' | 'escape' | 'relative' | 'tildes' |
	'slash' | 'colon' | 'space';

/**
 * @param text A title's text (without a namespace), or part of one
 * @return The first reason MediaWiki would refuse it, or null
 */
function titleTextProblem( text: string ): TitleProblem | null {
	if ( text === '' ) {
		return 'empty';
	}
	if ( new TextEncoder().encode( text ).length > TITLE_MAX_BYTES ) {
		return 'too-long';
	}
	if ( ILLEGAL_CHARACTER.test( text ) || hasLoneSurrogate( text ) ) {
		return 'illegal-character';
	}
	if ( ESCAPE.test( text ) ) {
		return 'escape';
	}
	if ( RELATIVE.test( text ) ) {
		return 'relative';
	}
	// Three tildes or more are a signature to the pre-save transform.
	if ( /~{3}/.test( text ) ) {
		return 'tildes';
	}
	// MediaWiki trims white space (and turns underscores into it) at both ends.
	if ( /^[\s_]|[\s_]$/.test( text ) ) {
		return 'space';
	}
	// A leading colon would leave the intended namespace.
	if ( text.startsWith( ':' ) ) {
		return 'colon';
	}
	return null;
}

/**
 * A page name that stays in its folder: one segment, no "/" (no subpage, no way up).
 *
 * @param text e.g. a record id, the part of a title after "…/Records/"
 * @return Why it is not one, or null when it is
 */
export function titleSegmentProblem( text: string ): TitleProblem | null {
	const problem = titleTextProblem( text );
	if ( problem ) {
		return problem;
	}
	return text.includes( '/' ) ? 'slash' : null;
}

/**
 * @param text e.g. a record id, or the id of a related partnership
 * @return Whether it is a single page name that stays in its folder
 */
export function isTitleSegment( text: string ): boolean {
	return titleSegmentProblem( text ) === null;
}

/**
 * A category name as records write it (without "Category:"): a title MediaWiki accepts
 * in the category namespace. Subpage-like names ("Files from X/1900") are fine; relative
 * segments are not.
 *
 * @param name A category name from a record
 * @return Why it is not one, or null when it is
 */
export function categoryNameProblem( name: string ): TitleProblem | null {
	const problem = titleTextProblem( name );
	if ( problem ) {
		return problem;
	}
	// "Category:Category:X" is legal but never what was meant.
	return /^category:/i.test( name ) ? 'colon' : null;
}

/**
 * @param name A category name from a record
 * @return Whether it is a category name MediaWiki accepts as it is
 */
export function isCategoryName( name: string ): boolean {
	return categoryNameProblem( name ) === null;
}

/**
 * The title of a page in a folder, built from data only when the data is a page name
 * that stays in that folder.
 *
 * @param folder A trusted folder title, e.g. "Project:Partnerships/Records"
 * @param name Untrusted page name, e.g. a record id
 * @return "<folder>/<name>", or null when name would leave the folder or is no title
 */
export function titleInFolder( folder: string, name: string ): string | null {
	return isTitleSegment( name ) ? `${ folder }/${ name }` : null;
}

/**
 * @param name Untrusted category name (without "Category:")
 * @return "Category:<name>", or null when it is not a category name MediaWiki accepts
 */
export function categoryTitle( name: string ): string | null {
	return isCategoryName( name ) ? `Category:${ name }` : null;
}
