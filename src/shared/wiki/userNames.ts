/**
 * User names as MediaWiki compares them: the first letter capitalised the way the wiki
 * does it (Language::ucfirst, with $wgOverrideUcfirstCharacters), underscores as spaces.
 * Two names are one account exactly when their canonical forms are equal.
 */
/**
 * How a wiki upper-cases the first letter of a user name (MediaWiki's Language::ucfirst):
 * the letters it maps otherwise are $wgOverrideUcfirstCharacters.
 */
export interface FirstLetterRules {
	/**
	 * First letters mapped as given; a letter mapped to itself is kept. Wikimedia's wikis
	 * keep, for instance, "ß" (which PHP would make "Ss").
	 */
	overrides?: Readonly<Record<string, string>>;
	/**
	 * What to do with a letter whose capital is more than one character ("ß" → "SS",
	 * "ﬆ" → "ST") and that overrides do not name: 'keep' it (Wikimedia's wikis, and the
	 * default: two accounts are never taken for one) or 'title' (a MediaWiki without
	 * overrides: PHP's title case, "ß" → "Ss"; only the letters in TITLE_CASE are known
	 * here, others are kept).
	 */
	multiCharacter?: 'keep' | 'title';
}

/** The rules of a wiki that says nothing: keep what cannot be capitalised as one letter. */
export const DEFAULT_FIRST_LETTER_RULES: Readonly<FirstLetterRules> = { multiCharacter: 'keep' };

/**
 * Letters whose title case (what MediaWiki uses) is not their upper case in JavaScript:
 * the Latin digraph letters, which have a title-case form of their own.
 */
const TITLE_CASE: ReadonlyMap<string, string> = new Map( [
	[ '\u01c4', '\u01c5' ], [ '\u01c5', '\u01c5' ], [ '\u01c6', '\u01c5' ],
	[ '\u01c7', '\u01c8' ], [ '\u01c8', '\u01c8' ], [ '\u01c9', '\u01c8' ],
	[ '\u01ca', '\u01cb' ], [ '\u01cb', '\u01cb' ], [ '\u01cc', '\u01cb' ],
	[ '\u01f1', '\u01f2' ], [ '\u01f2', '\u01f2' ], [ '\u01f3', '\u01f2' ],
] );

/** PHP's title case of letters whose capital is two characters, for multiCharacter 'title'. */
const MULTI_TITLE_CASE: ReadonlyMap<string, string> = new Map( [
	[ '\u00df', 'Ss' ], [ '\ufb00', 'Ff' ], [ '\ufb01', 'Fi' ], [ '\ufb02', 'Fl' ], [ '\ufb03', 'Ffi' ],
	[ '\ufb04', 'Ffl' ], [ '\ufb05', 'St' ], [ '\ufb06', 'St' ], [ '\u0149', '\u02bcN' ], [ '\u01f0', 'J\u030c' ],
] );

/**
 * @param letter One character (a code point)
 * @param rules The wiki's rules
 * @return It as MediaWiki writes it at the start of a user name
 */
function capitalFirst( letter: string, rules: FirstLetterRules ): string {
	const overrides = rules.overrides ?? {};
	if ( Object.prototype.hasOwnProperty.call( overrides, letter ) ) {
		return overrides[ letter ];
	}
	const title = TITLE_CASE.get( letter );
	if ( title !== undefined ) {
		return title;
	}
	// Georgian Mkhedruli letters have capitals (Mtavruli) but are their own title case.
	if ( /[\u10d0-\u10fa\u10fd-\u10ff]/.test( letter ) ) {
		return letter;
	}
	const upper = letter.toUpperCase();
	if ( [ ...upper ].length === 1 ) {
		return upper;
	}
	return rules.multiCharacter === 'title' ? MULTI_TITLE_CASE.get( letter ) ?? letter : letter;
}

/**
 * A user name as MediaWiki normalises it: underscores are spaces, runs of spaces are
 * one, and the first letter is capitalised as the wiki does it (one character at most
 * changed; never "ß" → "SS" unless the wiki says so). Where the wiki can be asked (e.g.
 * list=users), the name it returns is the one to compare.
 *
 * @param name A user name
 * @param rules The wiki's first-letter rules (default: DEFAULT_FIRST_LETTER_RULES)
 * @return The canonical form
 */
export function canonicalUserName( name: string, rules: FirstLetterRules = DEFAULT_FIRST_LETTER_RULES ): string {
	const spaced = name.replace( /_/g, ' ' ).replace( / {2,}/g, ' ' ).trim();
	const code = spaced.codePointAt( 0 );
	if ( code === undefined ) {
		return '';
	}
	const first = String.fromCodePoint( code );
	return capitalFirst( first, rules ) + spaced.slice( first.length );
}
