// Whether a wiki runs a MediaWiki, Codex and Vue that this code base is tested on, from what
// the wiki tells anonymously: `meta=siteinfo` (the generator, "MediaWiki 1.47.0-wmf.5"),
// Special:Version's "Installed client-side libraries" table (the versions of resources/lib,
// from foreign-resources.yaml) and, in a browser, the served modules themselves (Vue exports
// its version; Codex does not, so its exports tell 1.x from 2.x). Pure: the deploy command
// fetches, this decides.

/** What the tests run on: MediaWiki 1.43 LTS (Codex 1.14, Vue 3.4) and production (Codex 2.6, Vue 3.5) */
export const TESTED = {
	/** major.minor branches; 1.44 never ran the tests */
	mediawiki: [ '1.43', '1.45', '1.46', '1.47' ],
	codex: [ '1.14', '2.6' ],
	vue: [ '3.4', '3.5' ],
} as const;

/** Exports of `@wikimedia/codex` that 2.x has and 1.14 has not (checked against both packages) */
export const CODEX_2_EXPORTS = [ 'CdxToast', 'CdxToastContainer', 'useToast', 'CdxPopover', 'CdxImage', 'CdxProgressIndicator' ];

export interface WikiVersions {
	/** siteinfo's `generator`, e.g. "MediaWiki 1.47.0-wmf.5" */
	generator?: string | null;
	/** Special:Version's client-side libraries, name → version (see parseClientLibraries) */
	libraries?: Record<string, string> | null;
	/** `require( 'vue' ).version` in a page of the wiki */
	vue?: string | null;
	/** `Object.keys( require( '@wikimedia/codex' ) )` in a page of the wiki */
	codexExports?: string[] | null;
}

export type Verdict = 'inside' | 'outside' | 'unknown';

export interface RangeCheck {
	/** `outside`: something is known to be untested; `unknown`: nothing is, but something could not be read */
	verdict: Verdict;
	mediawiki: string | null;
	/** Exact ("2.6.2") or a range that is all we could tell ("2.x") */
	codex: string | null;
	vue: string | null;
	/** One line per finding, in English, for the deploy command's output */
	reasons: string[];
}

const majorMinor = ( version: string ): string => version.split( '.' ).slice( 0, 2 ).join( '.' );

/**
 * @param generator siteinfo's generator, e.g. "MediaWiki 1.47.0-wmf.5" or "MediaWiki 1.43.9"
 * @return The version ("1.47.0-wmf.5"), or null if it names no MediaWiki version
 */
export function parseGenerator( generator: string | null | undefined ): string | null {
	const text = ( generator ?? '' ).trim();
	if ( !text.startsWith( 'MediaWiki ' ) ) {
		return null;
	}
	const version = text.slice( 'MediaWiki '.length );
	const [ release, ...suffix ] = version.split( '-' );
	const valid = /^\d+\.\d+\.\d+$/.test( release ) && suffix.every( ( part ) => /^[0-9A-Za-z.]+$/.test( part ) );
	return valid ? version : null;
}

/**
 * Special:Version lists each client-side library in a row whose id starts with
 * `mw-version-library-` (1.43 appends the name and the version: `mw-version-library-codex1.14.0`),
 * with the name in the first cell and the version in the second.
 *
 * @param html The page's HTML
 * @return Library name → version, for the rows found
 */
export function parseClientLibraries( html: string ): Record<string, string> {
	const out: Record<string, string> = {};
	const row = /<tr[^>]*\bid="mw-version-library-[^"]*"[^>]*>([\s\S]*?)<\/tr>/g;
	for ( let match = row.exec( html ); match; match = row.exec( html ) ) {
		const cells = [ ...match[ 1 ].matchAll( /<td\b[^>]*>([\s\S]*?)<\/td>/g ) ]
			.map( ( c ) => c[ 1 ].replace( /<[^>]*>/g, '' ).trim() );
		if ( cells.length >= 2 && /^[A-Za-z0-9._@/-]+$/.test( cells[ 0 ] ) && /^\d+\.\d+/.test( cells[ 1 ] ) ) {
			out[ cells[ 0 ] ] = cells[ 1 ];
		}
	}
	return out;
}

/**
 * Decide whether a wiki is inside the tested range, and say why.
 *
 * @param wiki What could be read from the wiki
 * @return The verdict with its reasons
 */
export function checkTestedRange( wiki: WikiVersions ): RangeCheck {
	const reasons: string[] = [];
	let outside = false;
	let unknown = false;

	const mediawiki = parseGenerator( wiki.generator );
	if ( mediawiki === null ) {
		unknown = true;
		reasons.push( `MediaWiki version not known (generator ${ JSON.stringify( wiki.generator ?? null ) })` );
	} else if ( ( TESTED.mediawiki as readonly string[] ).includes( majorMinor( mediawiki ) ) ) {
		reasons.push( majorMinor( mediawiki ) === '1.43' ?
			`MediaWiki ${ mediawiki } is tested` :
			`MediaWiki ${ mediawiki } is production's: its Codex and Vue are tested (on MediaWiki 1.43's server side, not this branch's)` );
	} else {
		outside = true;
		reasons.push( `MediaWiki ${ mediawiki } is not tested (tested: ${ TESTED.mediawiki.join( ', ' ) })` );
	}

	let codex: string | null = wiki.libraries?.codex ?? null;
	if ( codex !== null ) {
		if ( ( TESTED.codex as readonly string[] ).includes( majorMinor( codex ) ) ) {
			reasons.push( `Codex ${ codex } is tested (${ TESTED.codex.map( ( v ) => `${ v }.x` ).join( ', ' ) })` );
		} else {
			outside = true;
			reasons.push( `Codex ${ codex } is not tested (tested: ${ TESTED.codex.map( ( v ) => `${ v }.x` ).join( ', ' ) })` );
		}
	} else if ( wiki.codexExports ) {
		const has2 = CODEX_2_EXPORTS.filter( ( name ) => wiki.codexExports?.includes( name ) );
		if ( has2.length === CODEX_2_EXPORTS.length ) {
			codex = '2.x';
			unknown = true;
			reasons.push( 'Codex is 2.x (it exports ' + has2.join( ', ' ) + '), exact version not known: tested is 2.6.x' );
		} else if ( has2.length === 0 && wiki.codexExports.includes( 'CdxTable' ) ) {
			codex = '1.x';
			unknown = true;
			reasons.push( 'Codex is 1.x, at least the one with CdxTable (no 2.x export), exact version not known: tested is 1.14.x' );
		} else {
			codex = has2.length ? '2.x?' : '1.x?';
			outside = true;
			reasons.push( `Codex exports are neither 1.14's nor 2.x's (2.x-only exports present: ${ has2.join( ', ' ) || 'none' })` );
		}
	} else {
		unknown = true;
		reasons.push( 'Codex version not known' );
	}

	const vue = wiki.vue ?? wiki.libraries?.vue ?? null;
	if ( vue === null ) {
		unknown = true;
		reasons.push( 'Vue version not known' );
	} else if ( ( TESTED.vue as readonly string[] ).includes( majorMinor( vue ) ) ) {
		reasons.push( `Vue ${ vue } is tested (${ TESTED.vue.map( ( v ) => `${ v }.x` ).join( ', ' ) })` );
	} else {
		outside = true;
		reasons.push( `Vue ${ vue } is not tested (tested: ${ TESTED.vue.map( ( v ) => `${ v }.x` ).join( ', ' ) })` );
	}

	// The tested pairs: 1.43 ships Codex 1.14 with Vue 3.4; 1.45 and later ship Codex 2 with Vue 3.5.
	if ( mediawiki !== null && codex !== null ) {
		const lts = majorMinor( mediawiki ) === '1.43';
		if ( lts && codex.startsWith( '2' ) ) {
			outside = true;
			reasons.push( `MediaWiki ${ mediawiki } with Codex ${ codex }: 1.43 is tested with its own Codex 1.14 only` );
		} else if ( !lts && codex.startsWith( '1' ) ) {
			outside = true;
			reasons.push( `MediaWiki ${ mediawiki } with Codex ${ codex }: 1.45 and later are tested with Codex 2.6 only` );
		}
	}
	if ( codex !== null && vue !== null && ( codex.startsWith( '1' ) !== vue.startsWith( '3.4' ) ) ) {
		outside = true;
		reasons.push( `Codex ${ codex } with Vue ${ vue }: tested are Codex 1.14 with Vue 3.4 and Codex 2.6 with Vue 3.5` );
	}

	return {
		verdict: outside ? 'outside' : unknown ? 'unknown' : 'inside',
		mediawiki,
		codex,
		vue,
		reasons,
	};
}
