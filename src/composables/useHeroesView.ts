import { Ref, onBeforeUnmount, ref } from 'vue';
import { HeroesViewState, formatHeroesView, parseHeroesView } from '../domain/heroesView';

export interface UseHeroesViewReturn {
	/** What the heroes page shows, as in the URL's fragment */
	state: Ref<HeroesViewState>;
	/**
	 * Show something else, and put it in the URL so that it can be linked.
	 *
	 * @param next The parts that change
	 * @param options
	 * @param options.replace Change the current history entry (filters) instead of adding one
	 */
	navigate( next: Partial<HeroesViewState>, options?: { replace?: boolean } ): void;
	/**
	 * @param next The parts that change
	 * @return The fragment (with '#') of that view, for links
	 */
	href( next: Partial<HeroesViewState> ): string;
}

/**
 * The heroes page's view, kept in `location.hash`. Links to other views are plain
 * `#…` links, so they work with the keyboard, open in new tabs and are followed here
 * through `hashchange`.
 *
 * @param win The window (a test may pass its own)
 * @return The state and ways to change it
 */
export function useHeroesView( win: Window = window ): UseHeroesViewReturn {
	const read = (): HeroesViewState => parseHeroesView( win.location.hash );
	const state = ref<HeroesViewState>( read() );

	function href( next: Partial<HeroesViewState> ): string {
		return '#' + formatHeroesView( { ...state.value, ...next } );
	}

	function navigate( next: Partial<HeroesViewState>, options: { replace?: boolean } = {} ): void {
		state.value = { ...state.value, ...next };
		const fragment = formatHeroesView( state.value );
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
