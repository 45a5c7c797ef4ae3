/**
 * Drafts as the partnership form offers them, with no Vue: which draft to offer, when it
 * was written, and the revision a restored draft builds on.
 */
import { Partnership, normalisePartnership, validatePartnership } from './partnership';
import type { Draft } from '../../shared/wiki/drafts';

/** A revision a save builds on (SaveRequest's base, which domain/ cannot import) */
export interface DraftBase {
	revid: number;
	timestamp: string;
	record: Partnership;
}

/**
 * Editing a record offers that record's draft. Creating one offers the newest draft of
 * a record that does not exist yet (base null), as the id of a new record is only known
 * once its name is typed.
 *
 * @param drafts Every draft, oldest first
 * @param isNewRecordDraft Whether a draft is kept under the key of a record this form
 *  could create (in the records root, and not a record that exists)
 * @return The draft to offer to a form creating a record, if any
 */
export function newRecordDraft( drafts: Draft[], isNewRecordDraft: ( draft: Draft ) => boolean ): Draft | null {
	const found = drafts.filter( ( d ) => d.base === null && isNewRecordDraft( d ) );
	return found.length ? found[ found.length - 1 ] : null;
}

/**
 * @param savedAt When a draft was written (untrusted: read back from the browser)
 * @param languages The reader's languages, best first
 * @return The time for people, or the text as it is when it is not a time
 */
export function draftTime( savedAt: string, languages: string[] ): string {
	const date = new Date( savedAt );
	if ( Number.isNaN( date.getTime() ) ) {
		return savedAt;
	}
	try {
		return new Intl.DateTimeFormat( languages, { dateStyle: 'medium', timeStyle: 'short' } ).format( date );
	} catch {
		return date.toISOString();
	}
}

/**
 * @param base A draft's base (untrusted: read back from the browser)
 * @return It as a save base, or undefined when it is not usable
 */
export function draftBase( base: Draft[ 'base' ] ): DraftBase | undefined {
	if ( !base || validatePartnership( base.record ).length ) {
		return undefined;
	}
	return { revid: base.revid, timestamp: base.timestamp, record: normalisePartnership( base.record ) };
}
