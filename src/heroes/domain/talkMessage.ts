/**
 * The message posted on a celebrated hero's talk page. Everything in it that comes from
 * a nomination (names, citation, labels) is untrusted plain text, written into
 * wikitext by escapeWikitext(), so that it renders as exactly that text: no links,
 * templates, parser functions, signatures, magic words, headings, lists, free URLs or
 * tags. The only markup is the translators' message text, the one link to the
 * nomination (a checked title) and the signature added at the end.
 */
import { HERO_CATEGORIES, Nomination, canonicalUserName } from './heroes';
import { USERNAME_PATTERN } from '../../shared/schema/constants';

/** A message for a nominee's talk page, built from escaped parts. */

/**
 * A signature with the date, as the message ends. Written so that the built code never
 * holds four tildes in a row: MediaWiki's pre-save transform of a gadget's .js page
 * would turn them into the deploying account's signature.
 */
export const SIGNATURE = '~'.repeat( 4 );

export interface TalkMessage {
	/** e.g. "User talk:Alice" */
	title: string;
	sectionTitle: string;
	text: string;
}

/** The untrusted parts of a talk message, as plain text. */
export interface TalkMessageParts {
	/** The nominee's user name */
	nominee: string;
	/** The hero category's label, in the language of the message */
	category: string;
	/** The nomination's citation */
	citation: string;
	/** Full title of the nomination's page, e.g. "Project:Partnerships/Heroes/bob-2026" */
	heroTitle: string;
	/** Text of the link to that page */
	linkText: string;
	/** Names of the accounts that endorsed the nomination */
	endorsers: string[];
}

/** A message's raw text with parameters substituted as given (mw.message().plain()). */
export type PlainMessage = ( key: string, ...params: string[] ) => string;

/**
 * @return Keys of every message a talk message is built from (the category labels
 *  included), to be had in the wiki's content language
 */
export function talkMessageKeys(): string[] {
	return [
		'partnerships-heroes-talk-section',
		'partnerships-heroes-talk-text',
		'partnerships-heroes-talk-link',
		// Messages used here: partnerships-heroes-category-* (one per HERO_CATEGORIES value)
		...HERO_CATEGORIES.map( ( category ) => `partnerships-heroes-category-${ category }` ),
	];
}

/**
 * Messages from their raw texts, as mw.message().plain() gives them: $1, $2, … replaced
 * by the parameters as given, in one pass (a parameter is never read again), the rest
 * (e.g. {{PLURAL:…}}) left for the wiki's parser.
 *
 * @param texts Raw message texts by key, e.g. in the wiki's content language
 * @return A PlainMessage over them
 * @throws {Error} For a key that is not among them (no message is made up)
 */
export function plainMessageFrom( texts: Record<string, string | undefined> ): PlainMessage {
	return ( key, ...params ) => {
		const text = Object.prototype.hasOwnProperty.call( texts, key ) ? texts[ key ] : undefined;
		if ( typeof text !== 'string' ) {
			throw new Error( `No message ${ key }` );
		}
		return text.replace( /\$([1-9][0-9]*)/g, ( all, n ) => params[ Number( n ) - 1 ] ?? all );
	};
}

/** Longest section title, in characters of wikitext (an edit summary holds 500). */
export const SECTION_TITLE_MAX_LENGTH = 200;

/** Characters with a meaning somewhere in wikitext, written as character references. */
const SPECIAL = /[&<>[\]{}|'~=*#:;!_\-/\\"$]/g;

/**
 * Line breaks, C0 and C1 control characters, and the bidirectional embeddings,
 * overrides and isolates (which would reorder the text after them, the signature
 * included).
 */
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]+/g;

/** Words that start a magic link (ISBN, RFC and PMID numbers) where a wiki enables them. */
const MAGIC_LINK_WORDS = /\b(ISBN|RFC|PMID)/gi;

/**
 * @param char One character
 * @return It as a decimal character reference
 */
function reference( char: string ): string {
	return `&#${ char.codePointAt( 0 ) };`;
}

/**
 * Plain text as wikitext that renders as exactly that text, on one line.
 *
 * The text is NFC-normalised first, as MediaWiki normalises every saved text: a
 * character that NFC turns into one with a meaning (U+037E GREEK QUESTION MARK becomes
 * ";", which starts a definition list) is escaped as what it will become, not as what
 * it was.
 *
 * @param text Untrusted plain text
 * @return Wikitext: every character with a meaning in wikitext as a character
 *  reference, line breaks and control characters as one space, leading spaces as
 *  references (so that no line starts with a space), and the first letter of ISBN,
 *  RFC and PMID as a reference (no magic link)
 */
export function escapeWikitext( text: string ): string {
	return text
		.normalize( 'NFC' )
		.replace( CONTROL, ' ' )
		.replace( SPECIAL, reference )
		.replace( MAGIC_LINK_WORDS, ( word ) => reference( word[ 0 ] ) + word.slice( 1 ) )
		.replace( /^ +/, ( spaces ) => spaces.replace( / /g, '&#32;' ) );
}

/**
 * @param title A page title from a nomination
 * @return Whether it can be the target of a link as it is: NFC-normalised (as the
 *  wiki will save it), only characters a title may have, no character references or
 *  percent-encodings, nothing that wikitext would act on inside a link (signatures,
 *  magic words), no relative path
 */
export function isLinkableTitle( title: string ): boolean {
	if ( title.normalize( 'NFC' ) !== title ) {
		return false;
	}
	// eslint-disable-next-line no-control-regex
	const illegal = /[#<>[\]|{}\u0000-\u001f\u007f-\u009f\u2028\u2029]|%[0-9A-Fa-f]{2}|&[#A-Za-z0-9]+;|~{3}|__/;
	return title.length > 0 && new TextEncoder().encode( title ).length <= 255 && title.trim() === title &&
		!illegal.test( title ) && !/^[:/]/.test( title ) &&
		!title.split( '/' ).some( ( part ) => part === '.' || part === '..' );
}

/**
 * @param text Escaped wikitext
 * @param max Most characters
 * @return It cut to at most max characters, never inside a character reference
 */
function cutEscaped( text: string, max: number ): string {
	if ( text.length <= max ) {
		return text;
	}
	const cut = text.slice( 0, max );
	const amp = cut.lastIndexOf( '&' );
	return amp !== -1 && !cut.includes( ';', amp ) ? cut.slice( 0, amp ) : cut;
}

/**
 * @param nomination A nomination of a user
 * @param category The label of its category, in the message's language
 * @param linkText Text of the link to the nomination
 * @return The parts of its talk message
 */
export function talkMessageParts( nomination: Nomination, category: string, linkText: string ): TalkMessageParts {
	return {
		nominee: nomination.record.nominee.user ?? '',
		category,
		citation: nomination.record.citation,
		heroTitle: nomination.title,
		linkText,
		endorsers: nomination.endorsements.map( ( e ) => e.user ),
	};
}

/**
 * The new section for a celebrated hero's talk page, from the messages
 * partnerships-heroes-talk-section ($1 category) and partnerships-heroes-talk-text
 * ($1 nominee, $2 category, $3 citation, $4 link to the nomination, $5 number of
 * endorsers, $6 their names), every parameter escaped, signed with ~~~~.
 *
 * @param parts The untrusted parts, as plain text
 * @param plainMessage A message's raw text with the (escaped) parameters substituted
 * @return The message
 * @throws {Error} When the nominee is not a user name or the nomination's title
 *  cannot be linked (see isLinkableTitle): nothing is built from them
 */
export function buildTalkMessage( parts: TalkMessageParts, plainMessage: PlainMessage ): TalkMessage {
	const nominee = canonicalUserName( parts.nominee.normalize( 'NFC' ) );
	if ( !new RegExp( USERNAME_PATTERN ).test( nominee ) || nominee.length > 85 ) {
		throw new Error( 'Not a user name' );
	}
	if ( !isLinkableTitle( parts.heroTitle ) ) {
		throw new Error( 'Not a title that can be linked' );
	}
	const category = escapeWikitext( parts.category.trim() );
	// A leading colon: a link, whatever the namespace (never a category or a file).
	const link = `[[:${ parts.heroTitle }|${ escapeWikitext( parts.linkText.trim() ) || escapeWikitext( parts.heroTitle ) }]]`;
	const section = cutEscaped(
		plainMessage( 'partnerships-heroes-talk-section', category ).replace( CONTROL, ' ' ).replace( /\s+/g, ' ' ).trim(),
		SECTION_TITLE_MAX_LENGTH,
	);
	const text = plainMessage(
		'partnerships-heroes-talk-text',
		escapeWikitext( nominee ),
		category,
		escapeWikitext( parts.citation.trim() ),
		link,
		String( parts.endorsers.length ),
		parts.endorsers.map( ( name ) => escapeWikitext( name ) ).join( ', ' ),
	).trim();
	return { title: `User talk:${ nominee }`, sectionTitle: section, text: `${ text } ${ SIGNATURE }` };
}
