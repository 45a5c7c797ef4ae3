/**
 * What to tell a person when a heroes action failed: pure, so that the store, the
 * form and the views say it the same way.
 */
import type { MessageFunction } from '../../shared/wikiContext';

/**
 * Why an action failed: a write failure's reason (see WriteFailure in
 * ../data/heroesRepository.ts), or 'unexpected' (something threw) with its message.
 */
export interface FailureReason {
	reason: string;
	/** Detail; shown only for 'unexpected' */
	message?: string;
}

/** Reasons with a heroes message of their own; the others share the knowledge base's. */
const OWN = [ 'exists', 'not-ready', 'not-allowed', 'nouser', 'permission' ];

/**
 * @param failure Why an action failed
 * @param message The services' message function
 * @return What to tell the person, as plain text
 */
export function failureText( failure: FailureReason, message: MessageFunction ): string {
	if ( failure.reason === 'unexpected' ) {
		return message( 'partnerships-heroes-error-unexpected', failure.message ?? '' );
	}
	// Messages used here: partnerships-heroes-error-exists, partnerships-heroes-error-not-ready,
	// partnerships-heroes-error-not-allowed, partnerships-heroes-error-nouser,
	// partnerships-heroes-error-permission, and partnerships-save-error-* (session, network,
	// readonly, ratelimited, maxlag, server, invalid, unknown)
	return OWN.includes( failure.reason ) ?
		message( `partnerships-heroes-error-${ failure.reason }` ) :
		message( `partnerships-save-error-${ failure.reason }` );
}
