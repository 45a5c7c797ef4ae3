import type { WriteFailure } from '../data/heroesRepository';

/** A link to a view of one nomination, by its id */
export type HrefOf = ( id: string ) => string;

/** Reasons with a heroes message of their own; the others share the knowledge base's. */
const OWN = [ 'exists', 'not-ready', 'not-allowed', 'nouser', 'permission' ];

/**
 * @param failure Why a write failed
 * @param message The services' message function
 * @return What to tell the person, as plain text
 */
export function failureText(
	failure: Pick<WriteFailure, 'reason'>,
	message: ( key: string, ...params: ( string | number )[] ) => string,
): string {
	// Messages used here: partnerships-heroes-error-exists, partnerships-heroes-error-not-ready,
	// partnerships-heroes-error-not-allowed, partnerships-heroes-error-nouser,
	// partnerships-heroes-error-permission, and partnerships-save-error-* (session, network,
	// readonly, ratelimited, maxlag, server, invalid, unknown)
	return OWN.includes( failure.reason ) ?
		message( `partnerships-heroes-error-${ failure.reason }` ) :
		message( `partnerships-save-error-${ failure.reason }` );
}
