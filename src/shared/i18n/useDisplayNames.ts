import { ref, Ref } from 'vue';

/**
 * Names of languages from the wiki (MediaWiki knows many that browsers' Intl data does
 * not, such as Dagbani, "dag"), in the reader's language
 *
 * @param codes Language codes, at most 50
 * @return Names by code, for the codes the wiki knows
 */
export type LanguageNameLookup = ( codes: string[] ) => Promise<Record<string, string>>;

interface LookupCache {
	names: Ref<Record<string, string>>;
	asked: Set<string>;
	queue: string[];
}

/** One cache per lookup: the names of a page's language are the same in every view. */
const caches = new WeakMap<LanguageNameLookup, LookupCache>();
const BATCH = 50;
const LANGUAGE_CODE = /^[a-z]{2,3}(?:-[a-z0-9]{2,8})*$/;

/**
 * Ask the wiki, once per code and in batches, for names Intl lacks.
 *
 * @param lookup The wiki's names
 * @return What is known so far (reactive) and how to ask for more
 */
function cacheOf( lookup: LanguageNameLookup ): { names: Ref<Record<string, string>>; want( code: string ): void } {
	let cache = caches.get( lookup );
	if ( !cache ) {
		cache = { names: ref( {} ), asked: new Set(), queue: [] };
		caches.set( lookup, cache );
	}
	const c = cache;
	const flush = (): void => {
		const codes = c.queue.splice( 0 );
		for ( let i = 0; i < codes.length; i += BATCH ) {
			lookup( codes.slice( i, i + BATCH ) ).then( ( found ) => {
				const valid: Record<string, string> = {};
				for ( const code of codes ) {
					const name = found[ code ];
					// The answer is untrusted: only a plausible name, shown as text.
					if ( typeof name === 'string' && name.trim() && name.length <= 100 && name !== code ) {
						valid[ code ] = name.trim();
					}
				}
				c.names.value = { ...c.names.value, ...valid };
			}, () => undefined );
		}
	};
	return {
		names: c.names,
		want: ( code ) => {
			if ( c.asked.has( code ) || !LANGUAGE_CODE.test( code ) ) {
				return;
			}
			c.asked.add( code );
			if ( c.queue.push( code ) === 1 ) {
				// Every code a render asks for, in one request.
				Promise.resolve().then( flush );
			}
		},
	};
}

/**
 * Names of countries, regions (UN M49) and languages in the reader's language, from the
 * browser's own Intl data, so no message is needed per code; a language Intl does not
 * know is named by the wiki when a lookup is given (the name appears when it arrives).
 *
 * @param languages The reader's languages, best first
 * @param lookup Where to ask for language names Intl lacks
 * @return Functions giving a name for a code (the code itself when unknown)
 */
export function useDisplayNames( languages: string[], lookup?: LanguageNameLookup ): {
	region( code: string ): string;
	language( code: string ): string;
} {
	const make = ( type: 'region' | 'language' ): ( ( code: string ) => string ) => {
		let names: Intl.DisplayNames | null = null;
		try {
			// Where the browser lacks Intl.DisplayNames, codes are shown as they are.
			// eslint-disable-next-line compat/compat
			names = new Intl.DisplayNames( languages.filter( Boolean ), { type, fallback: 'code' } );
		} catch {
			names = null;
		}
		return ( code: string ) => {
			try {
				return ( names && names.of( code ) ) || code;
			} catch {
				return code;
			}
		};
	};
	const region = make( 'region' );
	const intlLanguage = make( 'language' );
	if ( !lookup ) {
		return { region, language: intlLanguage };
	}
	const wiki = cacheOf( lookup );
	return {
		region,
		language: ( code ) => {
			const name = intlLanguage( code );
			if ( name !== code ) {
				return name;
			}
			const known = wiki.names.value[ code ];
			if ( known ) {
				return known;
			}
			wiki.want( code );
			return code;
		},
	};
}
