import { inject } from 'vue';
import { HeroesServices, HeroesServicesKey } from '../services';

/**
 * @return The services provided by the heroes entry point
 */
export function useHeroesServices(): HeroesServices {
	const services = inject( HeroesServicesKey );
	if ( !services ) {
		throw new Error( 'Partnerships heroes services were not provided' );
	}
	return services;
}
