/**
 * Element ids for headings and labels, unique on the page however many instances a
 * component has (Vue 3.4, which MediaWiki 1.43 ships, has no `useId`).
 */
let counter = 0;

/**
 * @param name What the element is, e.g. "record-heading"
 * @return A new id, "partnerships-<name>-<n>"
 */
export function uniqueId( name: string ): string {
	counter += 1;
	return `partnerships-${ name }-${ counter }`;
}
