import { MaybeRefOrGetter, Ref, onBeforeUnmount, ref, toValue, watch } from 'vue';
import { canonicalUserName } from '../domain/heroes';
import { isUserName } from '../domain/heroesView';
import { UserStatus, typedUserName } from '../domain/nominationForm';

/** Wait this long after the last keystroke before asking whether an account exists */
export const CHECK_DELAY = 400;

export interface UseUserLookupReturn {
	/** What the lookup found for the name typed */
	status: Ref<UserStatus>;
	/** The account's name as the wiki writes it, once found */
	checkedName: Ref<string>;
	/** Ask now, not when typing pauses (before a save) */
	flush(): Promise<void>;
}

/**
 * Whether the account typed in the user field exists, asked once typing pauses; an
 * answer to an older name is ignored.
 *
 * @param typed The user field as typed
 * @param checkUser Asks the wiki (the store's checkUser)
 * @return The lookup's state
 */
export function useUserLookup(
	typed: MaybeRefOrGetter<string>,
	checkUser: ( name: string ) => Promise<{ exists: boolean; name: string }>,
): UseUserLookupReturn {
	const status = ref<UserStatus>( 'idle' );
	const checkedName = ref( '' );
	let timer: ReturnType<typeof setTimeout> | undefined;
	let sequence = 0;

	function check(): Promise<void> {
		const name = typedUserName( toValue( typed ) );
		const asked = ++sequence;
		if ( !name || !isUserName( name ) ) {
			// Said when typing pauses, not only on saving.
			status.value = name ? 'invalid' : 'idle';
			return Promise.resolve();
		}
		status.value = 'checking';
		return checkUser( name ).then( ( result ) => {
			if ( asked === sequence ) {
				status.value = result.exists ? 'exists' : 'missing';
				checkedName.value = result.name || canonicalUserName( name );
			}
		}, () => {
			if ( asked === sequence ) {
				status.value = 'error';
			}
		} );
	}

	watch( () => toValue( typed ), () => {
		clearTimeout( timer );
		status.value = typedUserName( toValue( typed ) ) ? 'checking' : 'idle';
		timer = setTimeout( check, CHECK_DELAY );
	} );
	onBeforeUnmount( () => clearTimeout( timer ) );

	return {
		status,
		checkedName,
		flush: () => {
			clearTimeout( timer );
			return check();
		},
	};
}
