import { ActionApi, ApiParams, ApiResponse } from '../../src/shared/api/ActionApi';
import { RecognitionServices } from '../../src/recognition/services';
import { domParserText } from '../../src/recognition/domain/attribution';
import { qqx } from './setup';

/**
 * An ActionApi answering each request from a route chosen by its parameters (the
 * dialog asks several things at once, so answers cannot be scripted by order).
 * Unrouted requests reject.
 */
export class RoutedApi implements ActionApi {
	public readonly calls: ApiParams[] = [];

	public constructor( private readonly route: ( params: ApiParams ) => ApiResponse | Promise<ApiResponse> | undefined ) {}

	public async get( params: ApiParams ): Promise<ApiResponse> {
		this.calls.push( params );
		const answer = await this.route( params );
		if ( !answer ) {
			throw new Error( `Unexpected API call: ${ JSON.stringify( params ) }` );
		}
		return answer;
	}

	public postWithEditToken( params: ApiParams ): Promise<ApiResponse> {
		return Promise.reject( new Error( `Unexpected write: ${ JSON.stringify( params ) }` ) );
	}
}

/**
 * @param overrides Services to replace
 * @return Services for a recognition component test
 */
export function fakeRecognitionServices( overrides: Partial<RecognitionServices> = {} ): RecognitionServices {
	return {
		api: new RoutedApi( () => undefined ),
		apiUrl: 'https://wiki.example/w/api.php',
		wikiName: 'Example Wiki',
		languages: [ 'en' ],
		userName: null,
		pageUrl: ( title, query ) => `/wiki/${ encodeURIComponent( title ) }${ query ? '?' + new URLSearchParams( query ) : '' }`,
		message: qqx,
		htmlToText: domParserText,
		...overrides,
	};
}
