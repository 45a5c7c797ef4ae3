import { Ref, onBeforeUnmount, ref } from 'vue';
import { ViewState, formatViewState, parseViewState } from '../domain/viewState';

export interface UseViewStateReturn {
	/** What the panel shows, as in the URL's fragment */
	state: Ref<ViewState>;
	/**
	 * Show something else, and put it in the URL so that it can be linked.
	 *
	 * @param next The parts that change
	 * @param options
	 * @param options.replace Change the current history entry (typing, paging) instead
	 *  of adding one (moving between list, record and form)
	 */
	navigate( next: Partial<ViewState>, options?: { replace?: boolean } ): void;
}

/**
 * The panel's view, kept in `location.hash` (a fragment needs no server and leaves the
 * wiki page's own URL alone).
 *
 * @param win The window (a test may pass its own)
 * @return The state and a way to change it
 */
export function useViewState( win: Window = window ): UseViewStateReturn {
	const read = (): ViewState => parseViewState( win.location.hash.replace( /^#/, '' ) );
	const state = ref<ViewState>( read() );

	function navigate( next: Partial<ViewState>, options: { replace?: boolean } = {} ): void {
		state.value = { ...state.value, ...next };
		const fragment = formatViewState( state.value );
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
	return { state, navigate };
}
