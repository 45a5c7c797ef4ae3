import { AppServices, ServicesKey } from '../services';
import { injectStrict } from '../../shared/ui/injectStrict';

/**
 * @return The services provided by the knowledge base's entry point
 */
export function useServices(): AppServices {
	return injectStrict( ServicesKey, 'knowledge base services' );
}
