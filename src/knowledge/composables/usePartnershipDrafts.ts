import { ComputedRef, MaybeRefOrGetter, Ref, computed, ref, toValue } from 'vue';
import { draftKey } from '../data/partnershipRepository';
import type { Draft, DraftStore } from '../../shared/wiki/drafts';
import type { PageLocation } from '../../shared/wiki/pageLocation';
import { draftTime, newRecordDraft } from '../domain/formDraft';

export interface UsePartnershipDraftsOptions {
	/** Id of the record the form edits; null when it creates one */
	id: MaybeRefOrGetter<string | null>;
	/** Where the repository keeps drafts */
	drafts: DraftStore;
	/** The records root (drafts are kept under `<root>/<id>`) */
	root: PageLocation;
	/** The reader's languages, best first (for the draft's time) */
	languages: string[];
	/**
	 * @param id A record id
	 * @return Whether the record exists
	 */
	exists( id: string ): boolean;
}

export interface UsePartnershipDraftsReturn {
	/** The draft the form offers to restore, if any */
	offer: Ref<Draft | null>;
	/** When the offered draft was written, for people */
	time: ComputedRef<string>;
	/** Look for a draft to offer (once the record to edit is known). */
	look(): void;
	/**
	 * Restore the offered draft: it is no longer offered, and it is removed once the
	 * record is saved, under whatever id it gets.
	 *
	 * @return The draft, if one was offered
	 */
	take(): Draft | null;
	/** Forget the offered draft. */
	discard(): void;
	/**
	 * A record was saved: the repository removed its draft; a restored draft kept
	 * under another id (a new record's name changed) goes too.
	 *
	 * @param id The saved record's id
	 */
	settle( id: string ): void;
}

/**
 * Drafts the partnership form offers. The repository writes them under `<root>/<id>`
 * before each save and removes them when the wiki confirms it.
 *
 * @param options The record, and where drafts are
 * @return The draft offered, and what to do with it
 */
export function usePartnershipDrafts( options: UsePartnershipDraftsOptions ): UsePartnershipDraftsReturn {
	const { drafts, root } = options;
	const offer = ref<Draft | null>( null );
	/** A restored draft, removed once the record is saved under whatever id it gets */
	const restoredKey = ref<string | null>( null );
	const time = computed( () => draftTime( offer.value ? offer.value.savedAt : '', options.languages ) );

	function find(): Draft | null {
		try {
			const id = toValue( options.id );
			if ( id !== null ) {
				return drafts.get( draftKey( root, id ) );
			}
			const isNewRecordDraft = ( d: Draft ): boolean => d.key === draftKey( root, d.id ) &&
				!options.exists( d.id );
			return newRecordDraft( drafts.list(), isNewRecordDraft );
		} catch {
			return null;
		}
	}

	function look(): void {
		offer.value = find();
	}

	function take(): Draft | null {
		const draft = offer.value;
		if ( draft ) {
			restoredKey.value = draft.key;
			offer.value = null;
		}
		return draft;
	}

	function discard(): void {
		if ( offer.value ) {
			drafts.remove( offer.value.key );
		}
		offer.value = null;
	}

	function settle( id: string ): void {
		if ( restoredKey.value !== null && restoredKey.value !== draftKey( root, id ) ) {
			drafts.remove( restoredKey.value );
		}
	}

	return { offer, time, look, take, discard, settle };
}
