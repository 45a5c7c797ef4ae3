/**
 * Messages shipped with the gadget packaging: one JSON bundle keyed by language
 * (the extension packaging gets them from ResourceLoader instead, and ships an
 * empty bundle).
 */
export type MessageBundle = Record<string, Record<string, string>>;

/**
 * A message as plain text (mw.message().text() in the page), for use in script;
 * templates use `$i18n`.
 *
 * @param key Message key
 * @param params Values for $1, $2, …
 */
export type MessageFunction = ( key: string, ...params: ( string | number )[] ) => string;

/**
 * The messages to set for a language: English first, then the language's base
 * (e.g. "pt" for "pt-br"), then the language itself. For the `qqx` pseudo-language
 * every message shows its key, as MediaWiki does, so tests can assert on keys.
 *
 * @param bundle Messages by language
 * @param language The reader's language (`wgUserLanguage`)
 * @return Message texts by key
 */
export function messagesFor( bundle: MessageBundle, language: string ): Record<string, string> {
	const english = bundle.en ?? {};
	if ( language === 'qqx' ) {
		const out: Record<string, string> = {};
		for ( const [ key, text ] of Object.entries( english ) ) {
			const params = [ ...new Set( text.match( /\$\d+/g ) ?? [] ) ].sort();
			out[ key ] = params.length ? `(${ key }: ${ params.join( ', ' ) })` : `(${ key })`;
		}
		return out;
	}
	const chain = [ 'en' ];
	const base = language.split( '-' )[ 0 ];
	if ( base !== 'en' ) {
		chain.push( base );
	}
	if ( language !== base ) {
		chain.push( language );
	}
	return Object.assign( {}, ...chain.map( ( lang ) => bundle[ lang ] ?? {} ) );
}

/** Directional isolate controls (LRI, RLI, FSI, PDI), which would end or open an isolate */
const ISOLATES = /[\u2066-\u2069]/g;

/**
 * A name to put into a sentence, in a first-strong isolate: whatever its script or the
 * directional controls it carries (an unclosed right-to-left override in a group's name,
 * say), it cannot reorder the words around it. The isolate's end closes every embedding
 * and override opened inside it (Unicode bidi rule X6a); isolate controls inside are
 * dropped, so that none can end it early.
 *
 * @param name Untrusted text
 * @return The text between U+2068 and U+2069
 */
export function isolate( name: string ): string {
	return `\u2068${ name.replace( ISOLATES, '' ) }\u2069`;
}
