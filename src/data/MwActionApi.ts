import type { UnknownApiParams } from 'types-mediawiki-api';
import { ActionApi, ApiError, ApiParams, ApiResponse } from './ActionApi';

/**
 * ActionApi over an mw.Api (or mw.ForeignApi) instance: jQuery promises become
 * native ones here, at the edge, and errors become ApiError.
 */
export class MwActionApi implements ActionApi {
	private readonly api: mw.Api;

	/**
	 * @param api A configured mw.Api or mw.ForeignApi
	 */
	public constructor( api: mw.Api ) {
		this.api = api;
	}

	public get( params: ApiParams ): Promise<ApiResponse> {
		return this.wrap( this.api.get( { formatversion: 2, ...params } as UnknownApiParams ) );
	}

	public postWithEditToken( params: ApiParams ): Promise<ApiResponse> {
		return this.wrap( this.api.postWithEditToken( { formatversion: 2, ...params } as UnknownApiParams ) );
	}

	private wrap( promise: JQuery.Promise<ApiResponse> ): Promise<ApiResponse> {
		return new Promise( ( resolve, reject ) => {
			promise.then(
				( data: ApiResponse ) => resolve( data ),
				// mw.Api rejects with ( code, result ); for HTTP failures code is 'http'
				( code: string, result: ApiResponse ) => {
					const xhr = result && result.xhr;
					reject( new ApiError(
						String( code ),
						String( result?.error?.info || result?.textStatus || code ),
						xhr && typeof xhr.status === 'number' ? xhr.status : undefined,
						result,
					) );
				},
			);
		} );
	}
}
