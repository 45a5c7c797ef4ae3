/**
 * Messages shipped with the gadget packaging: one JSON bundle keyed by language
 * (the extension packaging gets them from ResourceLoader instead, and ships an
 * empty bundle).
 */
export type MessageBundle = Record<string, Record<string, string>>;

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
