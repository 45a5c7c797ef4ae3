import { MaybeRefOrGetter, Ref, ref, toValue } from 'vue';
import type { RecordEntry, SaveOutcome, SaveRequest } from '../data/partnershipRepository';
import type { PartnershipStore } from './usePartnershipStore';
import type { UsePartnershipFormReturn } from './usePartnershipForm';
import type { UsePartnershipDraftsReturn } from './usePartnershipDrafts';
import type { MessageFunction } from '../../shared/wikiContext';
import type { Partnership } from '../domain/partnership';
import { ConflictChoice, resolveConflicts } from '../domain/merge';
import { draftBase } from '../domain/formDraft';
import { recordId } from '../../shared/wiki/slug';

type Base = SaveRequest[ 'base' ];

/** A save the wiki could not merge: the fields for the person to choose */
export type SaveConflict = Extract<SaveOutcome, { status: 'conflict' }>;

/** Why a save ended as a draft, for the person (the API's text is untrusted: shown as text) */
export interface SaveError {
	text: string;
	detail: string;
}

export interface UsePartnershipSaveOptions {
	/** Id of the record the form edits; null when it creates one */
	id: MaybeRefOrGetter<string | null>;
	/** The record being edited, as loaded */
	entry: MaybeRefOrGetter<RecordEntry | undefined>;
	/** The form */
	form: UsePartnershipFormReturn;
	/** The drafts the form offers */
	drafts: UsePartnershipDraftsReturn;
	/** Where records are saved */
	store: PartnershipStore;
	/** Messages as plain text */
	message: MessageFunction;
	/** The edit summary as typed */
	summary: MaybeRefOrGetter<string>;
	/**
	 * The record was saved.
	 *
	 * @param id Its id
	 */
	onSaved( id: string ): void;
}

export interface UsePartnershipSaveReturn {
	/** Whether a save is under way */
	saving: Ref<boolean>;
	/** Why the last save ended as a draft */
	error: Ref<SaveError | null>;
	/** The conflict the person has to resolve, if the last save met one */
	conflict: Ref<SaveConflict | null>;
	/** Save the record the form holds (validated by the caller). */
	save(): Promise<void>;
	/**
	 * Save the record the person chose in a conflict, on the revision that conflicted.
	 *
	 * @param choices The side taken for each conflicting field
	 */
	resolve( choices: Record<string, ConflictChoice> ): Promise<void>;
	/** Show the offered draft in the form, to be saved on the revision it started from. */
	restoreDraft(): void;
}

/**
 * Saving the partnership form: the id of a new record, the revision the save builds on,
 * and what the outcome means for the form (saved, a conflict, or a draft kept and why).
 *
 * @param options The form, the record and where it is saved
 * @return The save's state, and what to do
 */
export function usePartnershipSave( options: UsePartnershipSaveOptions ): UsePartnershipSaveReturn {
	const { form, drafts, store, message } = options;
	const saving = ref( false );
	const error = ref<SaveError | null>( null );
	const conflict = ref<SaveConflict | null>( null );
	/** The revision the next save builds on, when it is not the loaded one */
	const baseOverride = ref<Base | undefined>( undefined );
	/** Ids the wiki said were taken by pages this browser has not seen yet */
	const takenIds: string[] = [];

	function loadedBase(): Base {
		const current = toValue( options.entry );
		return current && current.valid ?
			{ revid: current.revid, timestamp: current.timestamp, record: current.record } :
			null;
	}

	function errorText( reason: string ): string {
		// Messages used here:
		// * partnerships-save-error-session, partnerships-save-error-network,
		// * partnerships-save-error-readonly, partnerships-save-error-ratelimited,
		// * partnerships-save-error-maxlag, partnerships-save-error-server,
		// * partnerships-save-error-exists, partnerships-save-error-permission,
		// * partnerships-save-error-invalid, partnerships-save-error-unknown
		return message( `partnerships-save-error-${ reason }` );
	}

	async function send( record: Partnership, base: Base ): Promise<void> {
		const editing = toValue( options.id );
		const id = editing ?? recordId( record.name, [ ...store.entries.value.map( ( e ) => e.id ), ...takenIds ] );
		const summary = toValue( options.summary ).trim();
		const request: SaveRequest = summary ? { id, record, base, summary } : { id, record, base };
		saving.value = true;
		error.value = null;
		let outcome: SaveOutcome;
		try {
			outcome = await store.save( request );
		} catch ( e ) {
			outcome = {
				status: 'draft',
				reason: 'unknown',
				code: 'exception',
				message: e instanceof Error ? e.message : String( e ),
			};
		} finally {
			saving.value = false;
		}
		if ( outcome.status === 'saved' ) {
			form.markSaved();
			drafts.settle( outcome.entry.id );
			options.onSaved( outcome.entry.id );
		} else if ( outcome.status === 'conflict' ) {
			conflict.value = outcome;
		} else {
			if ( outcome.reason === 'exists' && editing === null ) {
				// Someone created a record under this id meanwhile: the next try takes another.
				takenIds.push( id );
			}
			if ( outcome.reason === 'ratelimited' && outcome.code === 'cantchangecontentmodel' ) {
				// The wiki's own text speaks of a missing permission, which is not the case:
				// the account made too many content-model changes (new records) in a minute.
				error.value = { text: message( 'partnerships-save-error-ratelimited-create' ), detail: '' };
			} else {
				error.value = { text: errorText( outcome.reason ), detail: outcome.message };
			}
		}
	}

	function save(): Promise<void> {
		return send( form.record.value, baseOverride.value !== undefined ? baseOverride.value : loadedBase() );
	}

	async function resolve( choices: Record<string, ConflictChoice> ): Promise<void> {
		const current = conflict.value;
		if ( !current ) {
			return;
		}
		const record = resolveConflicts( { merged: current.merged, conflicts: current.conflicts }, choices );
		const { revid, timestamp } = current.theirs;
		const base: Base = { revid, timestamp, record: current.theirs.record };
		// What is sent is what the form shows, should this save fail too.
		form.replace( record );
		baseOverride.value = base;
		conflict.value = null;
		await send( record, base );
	}

	function restoreDraft(): void {
		const draft = drafts.take();
		if ( !draft ) {
			return;
		}
		form.replace( draft.record );
		if ( toValue( options.id ) !== null ) {
			// The draft's changes were made on the revision it started from; saving against
			// that revision lets the wiki's newer changes merge in instead of being lost.
			baseOverride.value = draftBase( draft.base );
		}
	}

	return { saving, error, conflict, save, resolve, restoreDraft };
}
