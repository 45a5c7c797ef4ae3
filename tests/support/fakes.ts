import { ActionApi, ApiParams, ApiResponse } from '../../src/shared/api/ActionApi';
import { AppServices } from '../../src/knowledge/services';
import { qqx } from './setup';
import { MemoryDraftStore } from '../../src/shared/wiki/drafts';
import { PartnershipRepository } from '../../src/knowledge/data/partnershipRepository';
import { MemoryRecordCache } from '../../src/shared/wiki/recordCache';
import { Partnership, normalisePartnership, serializePartnership } from '../../src/knowledge/domain/partnership';
import { FakeWiki } from './fakeWiki';

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

// A FakeWiki holding records, and PartnershipRepository instances over it, for the
// repository tests (tests/unit/knowledge/data).

/** The records root of the repository tests */
export const root = { namespace: 4, title: 'Partnerships' };
/** @return A valid record's JSON text */
export const recordText = ( name: string ): string => JSON.stringify( { schema: 'partnership/1', name, type: 'glam', status: 'active', partners: [ { label: 'P' } ] } );
/** @return The full title of a record on FakeWiki */
export const titleOf = ( id: string ): string => `Project:Partnerships/Records/${ id }`;

/**
 * @param overrides Fields to set
 * @return A valid record
 */
export function record( overrides: Partial<Partnership> = {} ): Partnership {
	return normalisePartnership( {
		schema: 'partnership/1',
		name: 'Test partnership',
		partners: [ { label: 'Test partner' } ],
		type: 'other',
		status: 'active',
		...overrides,
	} );
}

/**
 * @param text A page text
 * @return The record in it, normalised
 */
export function parsed( text: string | undefined ): Partnership {
	return normalisePartnership( JSON.parse( text ?? 'null' ) );
}

export interface Setup {
	wiki: FakeWiki;
	cache: MemoryRecordCache;
	drafts: MemoryDraftStore;
	delays: number[];
	repo: () => PartnershipRepository;
}

/**
 * @param n Records to start with, r000 … r(n-1)
 * @return A wiki holding them, and a factory of repositories over it sharing one cache
 */
export function setup( n = 0 ): Setup {
	const wiki = new FakeWiki();
	for ( let i = 0; i < n; i++ ) {
		const id = `r${ String( i ).padStart( 3, '0' ) }`;
		wiki.edit( titleOf( id ), serializePartnership( record( { name: `Record ${ id }` } ) ), 'Seeder' );
	}
	wiki.edit( 'Project:Partnerships', 'The root page, not a record', 'Seeder' );
	wiki.advance( 24 * 3600 * 1000 );
	const cache = new MemoryRecordCache( 'test-wiki' );
	const drafts = new MemoryDraftStore();
	const delays: number[] = [];
	const repo = (): PartnershipRepository => new PartnershipRepository( {
		api: wiki,
		root,
		cache,
		drafts,
		userName: 'Alice',
		now: () => wiki.now(),
		retry: {
			random: () => 0.5,
			sleep: async ( ms ) => {
				delays.push( ms );
			},
		},
	} );
	return { wiki, cache, drafts, delays, repo };
}

/**
 * @param s A setup
 * @param id A record id
 * @return The record's base for an update, as the app holds it after an open
 */
export async function baseOf( s: Setup, id: string ): Promise<{ revid: number; timestamp: string; record: Partnership }> {
	const history = s.wiki.history( titleOf( id ) );
	const last = history[ history.length - 1 ];
	return { revid: last.revid, timestamp: last.timestamp, record: parsed( last.content ) };
}
