/**
 * The one reader of JSON page text for every record kind (partnerships, nominations,
 * endorsements, celebrations, declines, the donations index, …).
 *
 * Page text is untrusted: anyone can save a page under the records root, whatever its
 * content model. JSON.parse itself copes with deep nesting in some engines and not in
 * others, and whatever walks the result next (JSON.stringify, the schema interpreter,
 * applyDefaults) recurses once per level, so a page of 100,000 nested arrays throws
 * "Maximum call stack size exceeded" out of code that was meant never to throw. The
 * text's length and nesting depth are therefore checked first, by a loop over its
 * characters that keeps no stack, and only text within both bounds is parsed.
 */

/** Bounds on page text before it is parsed. */
export interface JsonTextLimits {
	/** Most UTF-16 code units of text */
	maxLength: number;
	/** Most levels of nested arrays and objects (the top-level value is level 1) */
	maxDepth: number;
}

/**
 * Defaults for every record kind. MediaWiki's default $wgMaxArticleSize is 2 MiB, so no
 * page a default wiki accepts is refused for its length; records nest five levels at
 * most, so 64 leaves room for any future schema while keeping every walk shallow.
 */
export const DEFAULT_JSON_TEXT_LIMITS: Readonly<JsonTextLimits> = {
	maxLength: 2 * 1024 * 1024,
	maxDepth: 64,
};

export type JsonTextProblem = 'too-large' | 'too-deep' | 'not-json';

export type JsonTextRead =
	{ ok: true; data: unknown } |
	{ ok: false; problem: JsonTextProblem; detail: string };

/**
 * The deepest nesting of arrays and objects in a text, counting only brackets outside
 * strings, stopping as soon as it passes a limit. It does not check that the text is
 * JSON (JSON.parse does that next); it only has to be right for text that is.
 *
 * @param text Any text
 * @param limit Stop counting beyond this depth
 * @return The depth reached (at most limit + 1)
 */
export function jsonDepth( text: string, limit: number ): number {
	let depth = 0;
	let deepest = 0;
	let inString = false;
	for ( let i = 0; i < text.length; i++ ) {
		const c = text.charCodeAt( i );
		if ( inString ) {
			if ( c === 0x5c ) {
				// A backslash: the next character is escaped, whatever it is.
				i++;
			} else if ( c === 0x22 ) {
				inString = false;
			}
		} else if ( c === 0x22 ) {
			inString = true;
		} else if ( c === 0x5b || c === 0x7b ) {
			depth++;
			if ( depth > deepest ) {
				deepest = depth;
				if ( deepest > limit ) {
					return deepest;
				}
			}
		} else if ( c === 0x5d || c === 0x7d ) {
			depth = Math.max( 0, depth - 1 );
		}
	}
	return deepest;
}

/**
 * @param error Anything thrown
 * @return A short description of it for people
 */
export function describeError( error: unknown ): string {
	if ( error instanceof Error ) {
		return error.message.slice( 0, 200 );
	}
	return 'unreadable';
}

/**
 * Parse page text as JSON within bounds. Never throws.
 *
 * @param text Page content (untrusted)
 * @param limits Bounds on length and depth (defaults: DEFAULT_JSON_TEXT_LIMITS)
 * @return The parsed value, or why there is none: 'too-large' or 'too-deep' (not
 *  parsed at all) or 'not-json', with a detail for people
 */
export function readJsonText( text: string, limits: Partial<JsonTextLimits> = {} ): JsonTextRead {
	const { maxLength, maxDepth } = { ...DEFAULT_JSON_TEXT_LIMITS, ...limits };
	if ( typeof text !== 'string' ) {
		return { ok: false, problem: 'not-json', detail: 'not text' };
	}
	if ( text.length > maxLength ) {
		return { ok: false, problem: 'too-large', detail: `longer than ${ maxLength } characters` };
	}
	if ( jsonDepth( text, maxDepth ) > maxDepth ) {
		return { ok: false, problem: 'too-deep', detail: `nested deeper than ${ maxDepth } levels` };
	}
	try {
		return { ok: true, data: JSON.parse( text ) };
	} catch ( e ) {
		return { ok: false, problem: 'not-json', detail: describeError( e ) };
	}
}
