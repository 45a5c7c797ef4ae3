import { ComputedRef, InjectionKey, Ref, computed, onScopeDispose, ref, watch } from 'vue';
import type { ValidationMessages, ValidationStatusType } from '@wikimedia/codex';
import { Partnership, emptyPartnership } from '../domain/partnership';
import type { MessageFunction } from '../../shared/i18n/messages';
import { FormError, PartnershipFormState, buildForm, formStateFromRecord, newRow } from '../domain/formModel';
import { errorMessage, formErrors } from '../domain/formErrors';
import { jsonEqual } from '../../shared/schema/validate';
import { injectStrict } from '../../shared/ui/injectStrict';

/** Props and listeners for a CdxField of the form */
export interface FieldBinding {
	status: ValidationStatusType;
	messages: ValidationMessages;
	'data-invalid'?: 'true';
	onFocusout: () => void;
}

export interface UsePartnershipFormOptions {
	/** The record being edited, or a new one (null: an empty record) */
	initial?: Partnership | null;
	/** Messages as plain text (services.message) */
	message: MessageFunction;
	/** Milliseconds of quiet after a change before validating again */
	delay?: number;
	/** Language of the summary row a new record starts with */
	language?: string;
}

export interface UsePartnershipFormReturn {
	/** What the form shows and edits */
	state: Ref<PartnershipFormState>;
	/** The record the form holds now */
	record: ComputedRef<Partnership>;
	/** Whether the record differs from the one the form started from (or last saved) */
	dirty: ComputedRef<boolean>;
	/** Every problem found at the last validation, touched or not */
	errors: Ref<FormError[]>;
	/** Whether saving was tried: then every error shows */
	submitted: Ref<boolean>;
	/**
	 * Errors show for a field once it was touched (left after focusing it).
	 *
	 * @param field A field name, e.g. "name", "partners/0", "goals/1/target"
	 */
	touch( field: string ): void;
	/**
	 * @param field A field name
	 * @param exact Only errors on the field itself, not on its parts (for groups of rows)
	 * @return The message for its first error, if it has one that should show
	 */
	errorFor( field: string, exact?: boolean ): string | null;
	/**
	 * Bindings for a CdxField: its error (once touched or after a save attempt), a marker
	 * to find the first invalid field, and touching it when focus leaves it.
	 *
	 * @param field Field name: a record path, rows counted as in the form
	 * @param exact Only errors on the field itself (a group of rows), not on its parts
	 * @return Props and listeners for the CdxField
	 */
	fieldProps( field: string, exact?: boolean ): FieldBinding;
	/**
	 * Validate at once (saving does, rather than waiting for the delay).
	 *
	 * @return The errors
	 */
	validateNow(): FormError[];
	/**
	 * Show another record: a draft being restored, or the record after a conflict was
	 * resolved. The form stays dirty against what it started from.
	 *
	 * @param data The record (untrusted)
	 */
	replace( data: unknown ): void;
	/**
	 * Start again from a record (the record to edit, once it is loaded): not dirty.
	 *
	 * @param data The record
	 */
	reset( data: Partnership ): void;
	/** The record was saved: it is what the form now starts from. */
	markSaved(): void;
}

/**
 * State, dirty tracking and validation for the partnership form.
 *
 * @param options The record and the messages
 * @return The form's state and what to do with it
 */
export function usePartnershipForm( options: UsePartnershipFormOptions ): UsePartnershipFormReturn {
	const delay = options.delay ?? 200;
	const initialState = formStateFromRecord( options.initial ?? emptyPartnership() );
	if ( !options.initial ) {
		initialState.partners = [ newRow.partner() ];
		initialState.summaries = [ newRow.summary( options.language ?? '' ) ];
	}
	const state = ref<PartnershipFormState>( initialState );
	const built = computed( () => buildForm( state.value ) );
	const record = computed( () => built.value.record );
	const baseline = ref<Partnership>( record.value );
	const dirty = computed( () => !jsonEqual( record.value, baseline.value ) );

	const errors = ref<FormError[]>( [] );
	const submitted = ref( false );
	const touched = ref( new Set<string>() );

	function validateNow(): FormError[] {
		errors.value = formErrors( built.value );
		return errors.value;
	}

	let timer: ReturnType<typeof setTimeout> | undefined;
	watch( state, () => {
		clearTimeout( timer );
		timer = setTimeout( validateNow, delay );
	}, { deep: true } );
	onScopeDispose( () => clearTimeout( timer ) );
	validateNow();

	function touch( field: string ): void {
		if ( !touched.value.has( field ) ) {
			touched.value = new Set( touched.value ).add( field );
		}
	}

	function errorFor( field: string, exact = false ): string | null {
		if ( !submitted.value && !touched.value.has( field ) ) {
			return null;
		}
		const error = errors.value.find( ( e ) => e.field === field ||
			( !exact && e.field.startsWith( field + '/' ) ) );
		if ( !error ) {
			return null;
		}
		return errorMessage( error, options.message );
	}

	function fieldProps( field: string, exact = false ): FieldBinding {
		const error = errorFor( field, exact );
		const onFocusout = (): void => touch( field );
		return error ?
			{ status: 'error', messages: { error }, 'data-invalid': 'true', onFocusout } :
			{ status: 'default', messages: {}, onFocusout };
	}

	function replace( data: unknown ): void {
		state.value = formStateFromRecord( data );
		if ( !state.value.partners.length ) {
			state.value.partners.push( newRow.partner() );
		}
	}

	function reset( data: Partnership ): void {
		replace( data );
		baseline.value = record.value;
	}

	function markSaved(): void {
		baseline.value = record.value;
	}

	return {
		state, record, dirty, errors, submitted,
		touch, errorFor, fieldProps, validateNow, replace, reset, markSaved,
	};
}

/** The form the sections of PartnershipForm edit, provided by it */
export const PartnershipFormKey: InjectionKey<UsePartnershipFormReturn> = Symbol( 'partnerships-form' );

/**
 * @return The form provided by PartnershipForm, for its sections
 */
export function usePartnershipFormContext(): UsePartnershipFormReturn {
	return injectStrict( PartnershipFormKey, 'partnership form' );
}
