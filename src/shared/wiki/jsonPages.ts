/**
 * Reading JSON pages in batches: the latest revision's content of up to 50 pages per
 * request (the API's limit for page content), formatversion=2, the main slot only,
 * following `continue` (one batch can be split over several answers when the pages are
 * large).
 */
import type { ApiResponse } from '../api/ActionApi';
import { Read, queryAll } from './query';

/** One revision of a page, with its content. */
export interface PageRevision {
	pageid: number;
	/** Full title, with namespace */
	title: string;
	revid: number;
	timestamp: string;
	/** Its author, where known (hidden by revision deletion, or not asked for) */
	user?: string;
	/** The revision before it (0: it is the page's first), where the answer says */
	parentid?: number;
	/** Page text (untrusted) */
	content: string;
}

/** What a batched read found. */
export interface PagesRead {
	/** The pages that exist and whose content could be read */
	pages: PageRevision[];
	/** Server time of the first answer (curtimestamp) */
	readAt: string | undefined;
}

/** Content of at most 50 pages per request: the API's limit for page content. */
export const CONTENT_BATCH = 50;

const REVISIONS = {
	action: 'query',
	prop: 'revisions',
	rvprop: [ 'ids', 'timestamp', 'user', 'content' ],
	rvslots: 'main',
	curtimestamp: true,
};

/**
 * @param page A page object of a formatversion=2 query answer
 * @return Its first revision with content, if the answer has one
 */
export function pageRevisionOf( page: ApiResponse ): PageRevision | null {
	const rev = page && Array.isArray( page.revisions ) ? page.revisions[ 0 ] : undefined;
	const main = rev && rev.slots && rev.slots.main;
	if ( !main || typeof main.content !== 'string' || typeof page.pageid !== 'number' ) {
		return null;
	}
	const out: PageRevision = {
		pageid: page.pageid,
		title: String( page.title ),
		revid: Number( rev.revid ),
		timestamp: String( rev.timestamp ),
		content: main.content,
	};
	if ( typeof rev.user === 'string' ) {
		out.user = rev.user;
	}
	if ( typeof rev.parentid === 'number' ) {
		out.parentid = rev.parentid;
	}
	return out;
}

/**
 * @param answer A query answer
 * @return Every page in it that comes with its content. With continuation inside one
 *  batch, a page can come without its revision first: it comes again later.
 */
function pagesOf( answer: ApiResponse ): PageRevision[] {
	const out: PageRevision[] = [];
	for ( const raw of ( answer.query && answer.query.pages ) || [] ) {
		const page = pageRevisionOf( raw );
		if ( page ) {
			out.push( page );
		}
	}
	return out;
}

/**
 * Every page whose title starts with a prefix, 50 per request. The next batch is asked
 * for before the caller is told about this one.
 *
 * @param read How to read
 * @param namespace Namespace number
 * @param prefix Title prefix, without the namespace
 * @param onBatch Told each batch, with the count of pages read so far
 * @return The pages, one per page id
 */
export async function readPagesWithPrefix(
	read: Read,
	namespace: number,
	prefix: string,
	onBatch?: ( batch: PageRevision[], loaded: number ) => void,
): Promise<PagesRead> {
	const byId = new Map<number, PageRevision>();
	const readAt = await queryAll( read, {
		...REVISIONS,
		generator: 'allpages',
		gapnamespace: namespace,
		gapprefix: prefix,
		gaplimit: CONTENT_BATCH,
	}, ( answer ) => {
		const batch = pagesOf( answer );
		for ( const page of batch ) {
			byId.set( page.pageid, page );
		}
		if ( onBatch ) {
			onBatch( batch, byId.size );
		}
	}, true );
	return { pages: [ ...byId.values() ], readAt };
}

/**
 * Pages by title, 50 per request.
 *
 * @param read How to read
 * @param titles Full titles
 * @param onBatch Told after each batch of 50 titles, with the pages found among them
 * @return The pages found (missing pages and pages without readable content are left out)
 */
export async function readPagesByTitle(
	read: Read,
	titles: string[],
	onBatch?: ( found: PageRevision[], titles: string[] ) => void,
): Promise<PagesRead> {
	const pages: PageRevision[] = [];
	let readAt: string | undefined;
	for ( let i = 0; i < titles.length; i += CONTENT_BATCH ) {
		const batch = titles.slice( i, i + CONTENT_BATCH );
		const found: PageRevision[] = [];
		const at = await queryAll( read, { ...REVISIONS, titles: batch }, ( answer ) => {
			found.push( ...pagesOf( answer ) );
		} );
		readAt = readAt ?? at;
		pages.push( ...found );
		if ( onBatch ) {
			onBatch( found, batch );
		}
	}
	return { pages, readAt };
}

/**
 * @param read How to read
 * @param title A full title
 * @return The page's latest revision (null when there is none), and when it was read
 */
export async function readPage(
	read: Read,
	title: string,
): Promise<{ page: PageRevision | null; readAt: string | undefined }> {
	const { pages, readAt } = await readPagesByTitle( read, [ title ] );
	return { page: pages[ 0 ] ?? null, readAt };
}

/**
 * @param read How to read
 * @param revids Revision ids (at most 50)
 * @return Those revisions that could be read, with their content
 */
export async function readRevisions( read: Read, revids: number[] ): Promise<PageRevision[]> {
	const out: PageRevision[] = [];
	await queryAll( read, { ...REVISIONS, revids: revids.map( String ) }, ( answer ) => {
		for ( const page of ( answer.query && answer.query.pages ) || [] ) {
			for ( const rev of page.revisions || [] ) {
				const one = pageRevisionOf( { ...page, revisions: [ rev ] } );
				if ( one ) {
					out.push( one );
				}
			}
		}
	} );
	return out;
}
