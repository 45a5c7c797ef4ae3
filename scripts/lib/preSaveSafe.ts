// What MediaWiki's pre-save transform changes in a gadget's .js or .css page when it is
// saved: signatures (three to five tildes become the saving account's signature and the
// date), {{subst:}} and {{safesubst:}} (expanded), and the pipe trick ([[a (b)|]]
// filled in). Built code must hold none of them, or the deployed gadget is not the code
// that was built (seen on MediaWiki 1.43: four tildes in a regular expression became
// "[[User:Admin|Admin]] ([[User talk:Admin|talk]]) 13:28, …").

const HAZARDS: { name: string; pattern: RegExp }[] = [
	{ name: 'signature (~~~)', pattern: /~{3}/g },
	{ name: 'subst', pattern: /\{\{\s*(safe)?subst:/gi },
	{ name: 'pipe trick', pattern: /\[\[[^[\]|\n]+\|\]\]/g },
];

/**
 * @param text The text of a page to be saved as .js or .css
 * @return Each thing the pre-save transform would change, with where it is
 */
export function preSaveHazards( text: string ): string[] {
	const found: string[] = [];
	for ( const { name, pattern } of HAZARDS ) {
		for ( const match of text.matchAll( pattern ) ) {
			const at = match.index ?? 0;
			found.push( `${ name } at ${ at }: …${ text.slice( Math.max( 0, at - 30 ), at + 30 ) }…` );
		}
	}
	return found;
}
