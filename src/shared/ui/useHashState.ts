import { Ref, onBeforeUnmount, ref } from 'vue';

export interface UseHashStateReturn<T extends object> {
	/** What the page shows, as in the URL's fragment */
	state: Ref<T>;
	/**
	 * Show something else, and put it in the URL so that it can be linked.
	 *
	 * @param next The parts that change
	 * @param options
	 * @param options.replace Change the current history entry (typing, filters, paging)
	 *  instead of adding one (moving between views)
	 */
	navigate( next: Partial<T>, options?: { replace?: boolean } ): void;
	/**
	 * @param next The parts that change
	 * @return The fragment (with '#') of that view, for links
	 */
	href( next: Partial<T> ): string;
}

/**
 * A view kept in `location.hash` (a fragment needs no server and leaves the wiki page's
 * own URL alone), changed by navigate() or by the reader (links, back and forward).
 *
 * @param parse Reads a fragment (without '#'), ignoring what it does not understand
 * @param format Writes a view as a fragment (without '#'); '' for the default view
 * @param win The window (a test may pass its own)
 * @return The state and ways to change it
 */
export function useHashState<T extends object>(
	parse: ( fragment: string ) => T,
	format: ( state: T ) => string,
	win: Window = window,
): UseHashStateReturn<T> {
	const read = (): T => parse( win.location.hash.replace( /^#/, '' ) );
	const state = ref( read() ) as Ref<T>;

	function href( next: Partial<T> ): string {
		return '#' + format( { ...state.value, ...next } );
	}

	function navigate( next: Partial<T>, options: { replace?: boolean } = {} ): void {
		state.value = { ...state.value, ...next };
		const fragment = format( state.value );
		const url = `${ win.location.pathname }${ win.location.search }${ fragment ? '#' + fragment : '' }`;
		if ( options.replace ) {
			win.history.replaceState( win.history.state, '', url );
		} else {
			win.history.pushState( win.history.state, '', url );
		}
	}

	const onChange = (): void => {
		state.value = read();
	};
	win.addEventListener( 'hashchange', onChange );
	win.addEventListener( 'popstate', onChange );
	onBeforeUnmount( () => {
		win.removeEventListener( 'hashchange', onChange );
		win.removeEventListener( 'popstate', onChange );
	} );
	return { state, navigate, href };
}
