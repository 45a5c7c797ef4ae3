import type { RecordEntry } from '../data/partnershipRepository';
import type { MessageFunction } from '../../shared/i18n/messages';

/** A record page that could not be read as a record */
export type InvalidEntry = Extract<RecordEntry, { valid: false }>;

/**
 * @param entry A record page that could not be read
 * @param msg The services' message function
 * @return Why, for the person: the kind of problem and the parser's detail, cut short
 */
export function invalidReason(
	entry: InvalidEntry,
	msg: MessageFunction,
): string {
	// Messages used here:
	// * partnerships-invalid-not-json, partnerships-invalid-not-object,
	// * partnerships-invalid-unknown-schema, partnerships-invalid-invalid-field,
	// * partnerships-invalid-too-large
	const reason = msg( `partnerships-invalid-${ entry.reason }` );
	return entry.detail ? msg( 'partnerships-invalid-detail', reason, entry.detail.slice( 0, 200 ) ) : reason;
}
