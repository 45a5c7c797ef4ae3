/**
 * Names of countries, regions (UN M49) and languages in the reader's language, from the
 * browser's own Intl data, so no message is needed per code.
 *
 * @param languages The reader's languages, best first
 * @return Functions giving a name for a code (the code itself when unknown)
 */
export function useDisplayNames( languages: string[] ): {
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
	return { region: make( 'region' ), language: make( 'language' ) };
}
