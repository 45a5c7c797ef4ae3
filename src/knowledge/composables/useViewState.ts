import { ViewState, formatViewState, parseViewState } from '../domain/viewState';
import { UseHashStateReturn, useHashState } from '../../shared/ui/useHashState';

export type UseViewStateReturn = UseHashStateReturn<ViewState>;

/**
 * The panel's view, kept in `location.hash` (a fragment needs no server and leaves the
 * wiki page's own URL alone).
 *
 * @param win The window (a test may pass its own)
 * @return The state and a way to change it
 */
export function useViewState( win: Window = window ): UseViewStateReturn {
	return useHashState( parseViewState, formatViewState, win );
}
