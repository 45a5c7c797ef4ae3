/**
 * Folding text for matching what people type: lower case, without diacritics, letters
 * that have no decomposition spelled the way people type them without a special keyboard.
 */

/**
 * Letters that Unicode decomposition does not fold to ASCII (they are letters of their
 * own, not a base letter with a mark), as they are typed without them.
 */
export const LETTERS_TO_ASCII: Readonly<Record<string, string>> = {
	ß: 'ss',
	æ: 'ae',
	œ: 'oe',
	ø: 'o',
	đ: 'd',
	ð: 'd',
	ħ: 'h',
	ı: 'i',
	ł: 'l',
	þ: 'th',
	ŋ: 'ng',
	ŧ: 't',
	ĸ: 'k',
};

/**
 * Fold text for matching: lower case, without diacritics (Latin, Greek and Cyrillic
 * combining marks, not the vowel signs of Indic scripts, which change the word), a few
 * letters spelled the way people type them without a special keyboard ("ß" as "ss",
 * "ł" as "l"), white space collapsed.
 *
 * @param text Any text
 * @return The folded text
 */
export function fold( text: string ): string {
	// eslint-disable-next-line no-control-regex
	if ( !/[^\u0000-\u007f]/.test( text ) ) {
		// Plain ASCII, the common case: nothing to decompose.
		return text.toLowerCase().replace( /\s+/g, ' ' ).trim();
	}
	return text
		.normalize( 'NFD' )
		.toLowerCase()
		// Also removes the dot that "İ".toLowerCase() leaves as a combining mark. The
		// class holds combining marks only, on purpose.
		// eslint-disable-next-line no-misleading-character-class
		.replace( /[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]/g, '' )
		.replace( /[ßæœøđðħıłþ]/g, ( c ) => LETTERS_TO_ASCII[ c ] )
		// Typographic apostrophes (and the modifier letters often typed for them) as the
		// one on the keyboard: "d'arte" finds "Museo d’Arte".
		.replace( /[\u2018\u2019\u02bc\u2032\u00b4`]/g, '\'' )
		// Arabic as people type it: without vowel marks (harakat), the hamza or madda on
		// an alef (which NFD has taken apart) or the tatweel that stretches a word, so
		// "الاسكندرية" finds "الإسكندرية". The class holds marks on purpose.
		// eslint-disable-next-line no-misleading-character-class
		.replace( /[\u0640\u064b-\u065f\u0670]/g, '' )
		.replace( /\s+/g, ' ' )
		.trim();
}
