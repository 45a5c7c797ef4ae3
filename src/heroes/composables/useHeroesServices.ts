import { HeroesServices, HeroesServicesKey } from '../services';
import { injectStrict } from '../../shared/ui/injectStrict';

/**
 * @return The services provided by the heroes entry point
 */
export function useHeroesServices(): HeroesServices {
	return injectStrict( HeroesServicesKey, 'heroes services' );
}
