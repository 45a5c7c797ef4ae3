import { ComputedRef, InjectionKey, MaybeRefOrGetter, Ref, computed, reactive, ref, toValue } from 'vue';
import type { NominationInput } from '../data/heroesRepository';
import { Nomination, Nominee, canonicalUserName, validateNomination } from '../domain/heroes';
import { failureText } from '../domain/failures';
import {
	NominationField, NominationFormState, UserStatus, characterCount, duplicateOf, emptyNominationForm,
	nominationErrors, nomineeOf, restoreNominationForm, typedUserName,
} from '../domain/nominationForm';
import { CITATION_MAX_LENGTH } from '../../shared/schema/constants';
import { isolate } from '../../shared/i18n/messages';
import { injectStrict } from '../../shared/ui/injectStrict';
import type { HeroesServices } from '../services';
import type { HeroLabels } from './useHeroLabels';
import type { HeroesStore } from './useHeroesStore';
import { useUserLookup } from './useUserLookup';

/** Where the unsaved nomination is kept (see DraftStore) */
const DRAFT_KEY = 'heroes:nomination';

export interface UseNominationFormOptions {
	store: HeroesStore;
	/** The drafts, the reader and messages */
	services: Pick<HeroesServices, 'drafts' | 'userName' | 'message'>;
	labels: HeroLabels;
	/** Public nominations, for duplicate detection */
	nominations: MaybeRefOrGetter<Nomination[]>;
}

export interface NominationForm {
	/** The values, as typed and chosen */
	state: NominationFormState;
	/** Whether a save was tried (errors show from then on) */
	attempted: Ref<boolean>;
	saving: Ref<boolean>;
	/** Why the last save failed, as plain text, or '' */
	saveError: Ref<string>;
	/** When the draft put back into the form was kept ("YYYY-MM-DD HH:MM"), or '' */
	restoredAt: Ref<string>;
	userStatus: Ref<UserStatus>;
	/** What the account lookup says, as plain text */
	userStatusText: ComputedRef<string>;
	/** Whether the field's error says what the lookup says already (announced, not shown twice) */
	statusRepeatsError: ComputedRef<boolean>;
	/** Whether the nominator names themselves */
	isSelf: ComputedRef<boolean>;
	/** An open nomination of the same nominee */
	duplicate: ComputedRef<Nomination | undefined>;
	citationLength: ComputedRef<number>;
	errorCount: ComputedRef<number>;
	/**
	 * @param field A field
	 * @return Whether its error shows
	 */
	shown( field: NominationField ): boolean;
	/**
	 * @param field A field
	 * @return Its messages for CdxField
	 */
	messagesFor( field: NominationField ): Record<string, string>;
	/** Put the draft back, if there is one, and read the partnerships to offer */
	start(): Promise<void>;
	discardDraft(): void;
	/**
	 * Check and save.
	 *
	 * @return The new nomination's id, or null when it was not saved
	 */
	submit(): Promise<string | null>;
}

export const NominationFormKey: InjectionKey<NominationForm> = Symbol( 'partnerships-nomination-form' );

/**
 * The nomination form: its values, the account lookup, what is wrong, the draft kept in
 * the browser until the wiki confirms the save, and the save.
 *
 * @param options
 * @return The form
 */
export function useNominationForm( options: UseNominationFormOptions ): NominationForm {
	const { store, services, labels } = options;
	const msg = services.message;
	const state = reactive<NominationFormState>( emptyNominationForm() );
	const attempted = ref( false );
	const saving = ref( false );
	const saveError = ref( '' );
	const restoredAt = ref( '' );
	const lookup = useUserLookup( () => state.user, store.checkUser );
	const userStatus = lookup.status;

	const userStatusText = computed( () => {
		switch ( userStatus.value ) {
			case 'checking':
				return msg( 'partnerships-heroes-user-checking' );
			case 'exists':
				return msg( 'partnerships-heroes-user-exists', isolate( lookup.checkedName.value ) );
			case 'missing':
				return msg( 'partnerships-heroes-user-missing', isolate( typedUserName( state.user ) ) );
			case 'invalid':
				return msg( 'partnerships-heroes-user-invalid' );
			case 'error':
				return msg( 'partnerships-heroes-user-check-failed' );
			default:
				return '';
		}
	} );

	const nominee = computed<Nominee>( () => nomineeOf( state ) );
	const isSelf = computed( () => state.kind === 'user' && services.userName !== null && typedUserName( state.user ) !== '' &&
		canonicalUserName( typedUserName( state.user ) ) === canonicalUserName( services.userName ) );
	const duplicate = computed( () => duplicateOf( toValue( options.nominations ), nominee.value ) );
	const citationLength = computed( () => characterCount( state.citation.trim() ) );

	const errors = computed( () => nominationErrors( state, {
		userStatus: userStatus.value,
		duplicateName: duplicate.value && labels.nominee( duplicate.value.record.nominee ),
	}, msg ) );
	const errorCount = computed( () => Object.keys( errors.value ).length );

	// Errors show once a save was tried; the citation's bounds also while typing past them.
	function shown( field: NominationField ): boolean {
		return !!errors.value[ field ] && ( attempted.value ||
			field === 'citation' && citationLength.value > CITATION_MAX_LENGTH ||
			field === 'user' && ( userStatus.value === 'missing' || userStatus.value === 'invalid' ) );
	}

	function messagesFor( field: NominationField ): Record<string, string> {
		return shown( field ) ? { error: errors.value[ field ] as string } : {};
	}

	const statusRepeatsError = computed( () => shown( 'user' ) && errors.value.user === userStatusText.value );

	function input(): NominationInput {
		return {
			nominee: nominee.value,
			category: state.category as NominationInput[ 'category' ],
			citation: state.citation.trim(),
			partnerships: [ ...state.partnerships ],
			regions: [ ...state.regions ] as NominationInput[ 'regions' ],
			languages: [ ...state.languages ],
		};
	}

	function keepDraft( lastError?: string ): void {
		services.drafts.put( {
			key: DRAFT_KEY,
			id: 'nomination',
			record: JSON.parse( JSON.stringify( state ) ),
			base: null,
			savedAt: new Date().toISOString(),
			...( lastError ? { lastError } : {} ),
		} );
	}

	function discardDraft(): void {
		services.drafts.remove( DRAFT_KEY );
		restoredAt.value = '';
	}

	async function start(): Promise<void> {
		const draft = services.drafts.get( DRAFT_KEY );
		if ( draft ) {
			restoreNominationForm( state, draft.record );
			restoredAt.value = draft.savedAt.slice( 0, 16 ).replace( 'T', ' ' );
			if ( draft.lastError ) {
				saveError.value = failureText( { reason: draft.lastError }, msg );
			}
		}
		await store.loadPartnerships();
	}

	async function submit(): Promise<string | null> {
		if ( saving.value ) {
			return null;
		}
		attempted.value = true;
		saveError.value = '';
		if ( state.kind === 'user' && userStatus.value === 'checking' ) {
			await lookup.flush();
		}
		const record = { schema: 'nomination/1', ...input(), nominator: services.userName, created: '2000-01-01T00:00:00Z' };
		if ( errorCount.value || validateNomination( record ).length ) {
			if ( !errorCount.value ) {
				saveError.value = msg( 'partnerships-save-error-invalid' );
			}
			return null;
		}
		saving.value = true;
		keepDraft();
		try {
			const result = await store.nominate( input() );
			if ( result.ok ) {
				services.drafts.remove( DRAFT_KEY );
				return result.id;
			}
			// Something that threw is kept as 'unknown': its text means nothing later.
			keepDraft( result.reason === 'unexpected' ? 'unknown' : result.reason );
			saveError.value = failureText( result, msg );
			return null;
		} finally {
			saving.value = false;
		}
	}

	return {
		state,
		attempted,
		saving,
		saveError,
		restoredAt,
		userStatus,
		userStatusText,
		statusRepeatsError,
		isSelf,
		duplicate,
		citationLength,
		errorCount,
		shown,
		messagesFor,
		start,
		discardDraft,
		submit,
	};
}

/**
 * @return The form provided by NominationForm, for its sections
 */
export function useNominationFormContext(): NominationForm {
	return injectStrict( NominationFormKey, 'nomination form' );
}
