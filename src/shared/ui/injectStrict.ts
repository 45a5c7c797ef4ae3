import { InjectionKey, inject } from 'vue';

/**
 * `inject` for what an entry point must provide: a component mounted without it is a
 * programming error, said at once rather than as `undefined` later.
 *
 * @param key The injection key
 * @param what What is missing, for the error
 * @return The provided value
 */
export function injectStrict<T>( key: InjectionKey<T>, what: string ): T {
	const value = inject( key );
	if ( value === undefined ) {
		throw new Error( `Partnerships: ${ what } not provided` );
	}
	return value;
}
