/**
 * Reading the Action API the same way everywhere: retried reads, queries followed
 * through every `continue`, times written as the API takes them, and namespace names.
 */
import { ActionApi, ApiError, ApiParams, ApiResponse } from '../api/ActionApi';
import { RetryOptions, withRetry } from '../api/retry';

/** A read (GET) of the Action API, retried or not as its maker decided. */
export type Read = ( params: ApiParams ) => Promise<ApiResponse>;

/**
 * @param api The wiki
 * @param retry How each read is retried (see withRetry)
 * @param onRequest Told before each request, retries included (to count them)
 * @return A read that retries what may pass when sent again
 */
export function retryingRead( api: ActionApi, retry: RetryOptions, onRequest?: () => void ): Read {
	return ( params ) => withRetry( () => {
		if ( onRequest ) {
			onRequest();
		}
		return api.get( params );
	}, retry );
}

/**
 * @param time Milliseconds since the epoch
 * @return The time as the API writes and takes it (e.g. for rcstart): ISO 8601 in whole seconds
 */
export function apiTime( time: number ): string {
	return new Date( time ).toISOString().replace( /\.\d+Z$/, 'Z' );
}

/**
 * Run a query and each of its continuations, in order.
 *
 * @param read How to read
 * @param params The query
 * @param onAnswer Told each answer
 * @param ahead Ask for the next answer before telling this one, so that what the caller
 *  does with an answer (parsing, validating) overlaps with the network
 * @return The server time of the first answer that gives one (curtimestamp)
 */
export async function queryAll(
	read: Read,
	params: ApiParams,
	onAnswer: ( answer: ApiResponse ) => void,
	ahead = false,
): Promise<string | undefined> {
	let readAt: string | undefined;
	let pending: Promise<ApiResponse> | null = read( params );
	while ( pending ) {
		const answer: ApiResponse = await pending;
		readAt = readAt ?? ( typeof answer.curtimestamp === 'string' ? answer.curtimestamp : undefined );
		const cont: ApiParams = answer.continue ?? {};
		const next = Object.keys( cont ).length ? () => read( { ...params, ...cont } ) : null;
		pending = ahead && next ? next() : null;
		onAnswer( answer );
		if ( !ahead && next ) {
			pending = next();
		}
	}
	return readAt;
}

/**
 * @param read How to read
 * @param namespace A namespace number
 * @return The namespace's name as this wiki writes it ('' for the main namespace)
 */
export async function namespaceName( read: Read, namespace: number ): Promise<string> {
	const answer = await read( { action: 'query', meta: 'siteinfo', siprop: 'namespaces' } );
	const ns = answer.query && answer.query.namespaces && answer.query.namespaces[ namespace ];
	if ( !ns || typeof ns.name !== 'string' ) {
		throw new ApiError( 'invalidtitle', `No namespace ${ namespace }` );
	}
	return ns.name;
}
