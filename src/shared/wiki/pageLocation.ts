/**
 * Where records live on a wiki, worked out from a configured title such as
 * "Project:Partnerships" without asking the wiki (the page-view loader must not
 * make a request just to find out whether it is on the records page).
 */
export interface PageLocation {
	/** Namespace number, e.g. 4 for Project. */
	namespace: number;
	/** Title text without the namespace, with spaces, e.g. "Partnerships". */
	title: string;
}

/**
 * Namespace ids keyed by lower-case name with underscores, as in the
 * `wgNamespaceIds` configuration variable (aliases included).
 */
export type NamespaceIds = Record<string, number>;

function normaliseText( text: string ): string {
	const spaced = text.replace( /_/g, ' ' ).replace( /\s+/g, ' ' ).trim();
	// First-letter case is the default on Wikimedia wikis ($wgCapitalLinks).
	return spaced.charAt( 0 ).toUpperCase() + spaced.slice( 1 );
}

/**
 * @param fullTitle Configured title, e.g. "Project:Partnerships"
 * @param namespaceIds Known namespace names and aliases
 * @return The namespace and title text
 */
export function parsePageLocation( fullTitle: string, namespaceIds: NamespaceIds ): PageLocation {
	const colon = fullTitle.indexOf( ':' );
	if ( colon > 0 ) {
		const prefix = fullTitle.slice( 0, colon ).trim().toLowerCase().replace( /[\s_]+/g, '_' );
		if ( Object.prototype.hasOwnProperty.call( namespaceIds, prefix ) ) {
			return { namespace: namespaceIds[ prefix ], title: normaliseText( fullTitle.slice( colon + 1 ) ) };
		}
	}
	return { namespace: 0, title: normaliseText( fullTitle ) };
}

/**
 * @param location The records root
 * @param kind The record folder, e.g. "Records"
 * @return The title prefix (without namespace) of every page of that kind
 */
export function folderPrefix( location: PageLocation, kind: string ): string {
	return `${ location.title }/${ kind }/`;
}

/**
 * @param location A page location
 * @param namespace Namespace number of the page being viewed (`wgNamespaceNumber`)
 * @param title Title text of the page being viewed (`wgTitle`)
 * @return Whether they are the same page
 */
export function isLocation( location: PageLocation, namespace: number, title: string ): boolean {
	return location.namespace === namespace && location.title === normaliseText( title );
}
