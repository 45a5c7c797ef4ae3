import { MaybeRefOrGetter, Ref, onBeforeUnmount, onMounted, ref, toValue } from 'vue';

export interface UseLeaveGuardOptions {
	/** Whether leaving now would lose work */
	dirty: MaybeRefOrGetter<boolean>;
	/**
	 * While true, closing or reloading the page is not questioned (a save under way
	 * keeps a draft of the work)
	 */
	busy?: MaybeRefOrGetter<boolean>;
	/** Leave: at once when nothing would be lost, or once the person chose to discard */
	onLeave(): void;
	/** The window (a test may pass its own) */
	win?: Window;
}

export interface UseLeaveGuardReturn {
	/** Whether to ask the person (the "discard unsaved changes?" dialog is open) */
	asking: Ref<boolean>;
	/** The person asked to leave: leave, or ask first when work would be lost. */
	request(): void;
	/** The person chose to discard their work and leave. */
	discard(): void;
	/** The person chose to stay. */
	stay(): void;
}

/**
 * Leaving a view with unsaved work: a dialog of the component's own asks first (the
 * component shows it while `asking` is true), and the browser's prompt asks before the
 * page is closed or reloaded. Call it in a component's setup.
 *
 * @param options What would be lost, and how to leave
 * @return Whether to ask, and what the person chose
 */
export function useLeaveGuard( options: UseLeaveGuardOptions ): UseLeaveGuardReturn {
	const win = options.win ?? window;
	const asking = ref( false );

	function request(): void {
		if ( toValue( options.dirty ) ) {
			asking.value = true;
		} else {
			options.onLeave();
		}
	}

	function discard(): void {
		asking.value = false;
		options.onLeave();
	}

	function stay(): void {
		asking.value = false;
	}

	function onBeforeUnload( event: BeforeUnloadEvent ): void {
		if ( toValue( options.dirty ) && !toValue( options.busy ) ) {
			event.preventDefault();
			// Older browsers need returnValue set to show their own prompt.
			event.returnValue = '';
		}
	}

	onMounted( () => win.addEventListener( 'beforeunload', onBeforeUnload ) );
	onBeforeUnmount( () => win.removeEventListener( 'beforeunload', onBeforeUnload ) );

	return { asking, request, discard, stay };
}
