import { ActionApi, ApiParams } from './ActionApi';
import { PageLocation, folderPrefix } from '../domain/pageLocation';
import { InvalidReason, Partnership, parsePartnership } from '../domain/partnership';

export const RECORDS_FOLDER = 'Records';

interface PageMeta {
	pageid: number;
	/** Full title, with namespace */
	title: string;
	revid: number;
	timestamp: string;
}

export type RecordEntry =
	( PageMeta & { valid: true; record: Partnership } ) |
	( PageMeta & { valid: false; reason: InvalidReason; detail: string } );

export interface LoadProgress {
	/** Pages read so far */
	loaded: number;
	/** Requests made so far */
	requests: number;
}

/**
 * Read every partnership record under the root, batched (content of up to 50 pages
 * per request, the API's limit for content) and following `continue`.
 *
 * @param api The wiki holding the records
 * @param root The records root
 * @param onProgress Told after each batch
 * @return Every record page, valid or not, sorted by title
 */
export async function loadPartnerships(
	api: ActionApi,
	root: PageLocation,
	onProgress?: ( progress: LoadProgress ) => void,
): Promise<RecordEntry[]> {
	type Revision = { revid: number; timestamp: string; content: string };
	const pages = new Map<number, { title: string; revision?: Revision }>();
	let cont: ApiParams = {};
	let requests = 0;
	do {
		const answer = await api.get( {
			action: 'query',
			generator: 'allpages',
			gapnamespace: root.namespace,
			gapprefix: folderPrefix( root, RECORDS_FOLDER ),
			gaplimit: 50,
			prop: 'revisions',
			rvprop: [ 'ids', 'timestamp', 'content' ],
			rvslots: 'main',
			...cont,
		} );
		requests++;
		for ( const page of ( answer.query && answer.query.pages ) || [] ) {
			const entry = pages.get( page.pageid ) ?? { title: String( page.title ) };
			const rev = page.revisions && page.revisions[ 0 ];
			if ( rev && rev.slots && rev.slots.main && typeof rev.slots.main.content === 'string' ) {
				entry.revision = { revid: rev.revid, timestamp: rev.timestamp, content: rev.slots.main.content };
			}
			pages.set( page.pageid, entry );
		}
		cont = answer.continue ?? {};
		if ( onProgress ) {
			onProgress( { loaded: pages.size, requests } );
		}
	} while ( Object.keys( cont ).length );

	const entries: RecordEntry[] = [];
	for ( const [ pageid, page ] of pages ) {
		if ( !page.revision ) {
			continue;
		}
		const meta = { pageid, title: page.title, revid: page.revision.revid, timestamp: page.revision.timestamp };
		const parsed = parsePartnership( page.revision.content );
		entries.push( parsed.ok ?
			{ ...meta, valid: true, record: parsed.record } :
			{ ...meta, valid: false, reason: parsed.reason, detail: parsed.detail } );
	}
	return entries.sort( ( a, b ) => a.title.localeCompare( b.title ) );
}
