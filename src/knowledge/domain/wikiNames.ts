/**
 * Names of wiki pages as people paste them into the form, and as the record keeps them.
 */

/**
 * @param value A category as typed
 * @return Its name as the record keeps it
 */
export function categoryName( value: string ): string {
	// People paste "Category:Foo" or "Foo_bar"; the record keeps "Foo bar".
	return value.replace( /^category:/i, '' ).replace( /_/g, ' ' ).trim();
}

/**
 * @param value A file as typed
 * @return Its name as the record keeps it
 */
export function fileName( value: string ): string {
	// People paste "File:Logo.svg" or "Logo_of_X.svg"; the record keeps "Logo of X.svg".
	return value.trim().replace( /^(?:file|image)\s*:\s*/i, '' ).replace( /_/g, ' ' );
}
