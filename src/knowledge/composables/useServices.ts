import { inject } from 'vue';
import { AppServices, ServicesKey } from '../services';

/**
 * @return The services provided by the entry point
 */
export function useServices(): AppServices {
	const services = inject( ServicesKey );
	if ( !services ) {
		throw new Error( 'Partnerships services were not provided' );
	}
	return services;
}
