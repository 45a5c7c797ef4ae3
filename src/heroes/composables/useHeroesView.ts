import { HeroesViewState, formatHeroesView, parseHeroesView } from '../domain/heroesView';
import { UseHashStateReturn, useHashState } from '../../shared/ui/useHashState';

export type UseHeroesViewReturn = UseHashStateReturn<HeroesViewState>;

/**
 * The heroes page's view, kept in `location.hash`. Links to other views are plain
 * `#…` links, so they work with the keyboard, open in new tabs and are followed here
 * through `hashchange`.
 *
 * @param win The window (a test may pass its own)
 * @return The state and ways to change it
 */
export function useHeroesView( win: Window = window ): UseHeroesViewReturn {
	return useHashState( parseHeroesView, formatHeroesView, win );
}
