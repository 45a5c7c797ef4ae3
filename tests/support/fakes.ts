import { ActionApi, ApiParams, ApiResponse } from '../../src/shared/api/ActionApi';
import { AppServices } from '../../src/knowledge/services';
import { qqx } from './setup';
import { MemoryDraftStore } from '../../src/shared/wiki/drafts';
import { PartnershipRepository } from '../../src/knowledge/data/partnershipRepository';

/**
 * An ActionApi whose every call rejects unless the test says what to answer.
 */
export class ScriptedApi implements ActionApi {
	public readonly calls: ApiParams[] = [];

	private readonly answers: ( ( params: ApiParams ) => ApiResponse | Promise<ApiResponse> )[];

	public constructor( ...answers: ( ( params: ApiParams ) => ApiResponse | Promise<ApiResponse> )[] ) {
		this.answers = answers;
	}

	public async get( params: ApiParams ): Promise<ApiResponse> {
		this.calls.push( params );
		const next = this.answers.shift();
		if ( !next ) {
			throw new Error( `Unexpected API call: ${ JSON.stringify( params ) }` );
		}
		return next( params );
	}

	public postWithEditToken( params: ApiParams ): Promise<ApiResponse> {
		return this.get( params );
	}
}

/**
 * @param overrides Services to replace
 * @return Services for a component test
 */
export function fakeServices( overrides: Partial<AppServices> = {} ): AppServices {
	const api = overrides.api ?? new ScriptedApi();
	const recordsRoot = overrides.recordsRoot ?? { namespace: 4, title: 'Partnerships' };
	const drafts = overrides.drafts ?? new MemoryDraftStore();
	return {
		api,
		repository: new PartnershipRepository( { api, root: recordsRoot, drafts } ),
		drafts,
		wikidata: { search: () => Promise.reject( new Error( 'Unexpected Wikidata search' ) ) },
		userName: 'Alice',
		recordsRoot,
		languages: [ 'en' ],
		pageUrl: ( title, query ) => `/wiki/${ encodeURIComponent( title ) }${ query ? '?' + new URLSearchParams( query ) : '' }`,
		message: qqx,
		...overrides,
	};
}

/**
 * @param pages Pages as [ title, content ]
 * @return One formatversion=2 answer holding them
 */
export function pagesAnswer( pages: [ string, string ][], cont?: Record<string, string> ): ApiResponse {
	return {
		batchcomplete: !cont,
		...( cont ? { continue: cont } : {} ),
		query: {
			pages: pages.map( ( [ title, content ], i ) => ( {
				pageid: [ ...title ].reduce( ( h, c ) => ( h * 31 + c.charCodeAt( 0 ) ) % 1000000007, 7 ),
				ns: 4,
				title,
				revisions: [ { revid: 500 + i, timestamp: '2026-11-01T00:00:00Z', slots: { main: { contentmodel: 'json', content } } } ],
			} ) ),
		},
	};
}
