// Where a deploy may send a bot password: over https, or over http only to this machine.

/**
 * @param hostname A URL's hostname
 * @return Whether it is this machine (127.0.0.0/8, ::1, localhost)
 */
export function isLoopback( hostname: string ): boolean {
	const host = hostname.replace( /^\[|\]$/g, '' ).toLowerCase();
	if ( host === 'localhost' || host.endsWith( '.localhost' ) || host === '::1' ) {
		return true;
	}
	const parts = host.split( '.' );
	return parts.length === 4 && parts[ 0 ] === '127' &&
		parts.every( ( p ) => /^\d{1,3}$/.test( p ) && Number( p ) <= 255 );
}

/**
 * @param wiki The --wiki argument (an api.php URL)
 * @return Why a deploy must not go there, or null when it may
 */
export function deployUrlProblem( wiki: string ): string | null {
	let url: URL;
	try {
		url = new URL( wiki );
	} catch {
		return `${ wiki } is not a URL`;
	}
	if ( url.protocol === 'https:' ) {
		return null;
	}
	if ( url.protocol === 'http:' && isLoopback( url.hostname ) ) {
		return null;
	}
	return url.protocol === 'http:' ?
		`${ wiki } is plain http: on another machine, and the bot password would be sent in clear (use https:)` :
		`${ wiki } is neither https: nor http: on this machine`;
}
