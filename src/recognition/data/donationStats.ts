/**
 * What a content donation achieved, counted from the wiki where its files live:
 * files in its categories, how many are used and where, and since when. Every number
 * carries the queries that give it and the time the wiki counted it, so that a reader
 * can check it.
 */
import { ActionApi, ApiParams, ApiResponse } from '../../shared/api/ActionApi';

/** A query that gives (part of) a number, for a "source" link */
export interface StatSource {
	/** What the query is about (a category name), or '' when it covers everything */
	label: string;
	/** The query's parameters (action=query implied) */
	params: ApiParams;
}

/** One counted number (or numbers), with its sources and the time it was counted */
export interface Counted<T> {
	value: T;
	sources: StatSource[];
	/** The wiki's `curtimestamp` of the last answer that contributed (ISO 8601) */
	countedAt: string;
}

export interface UsageStats {
	/** Files looked at (at most the cap, plus the last batch) */
	scannedFiles: number;
	/** Files used on at least one page */
	usedFiles: number;
	/** Distinct pages (per wiki) using them */
	pages: number;
	/** Distinct wikis using them */
	wikis: number;
	/** GlobalUsage (every wiki) or local file usage (this wiki only) */
	kind: 'global' | 'local';
	/** True when there were more files than the cap: the numbers are "at least" */
	capped: boolean;
}

export interface SinceStats {
	/** The earliest time a file was added to one of the categories (ISO 8601) */
	timestamp: string;
	/** That file's title */
	file: string;
}

/** Default number of files whose usage is counted before saying "at least" */
export const DEFAULT_USAGE_CAP = 5000;
/** The Action API's limit for titles in one request */
export const TITLES_PER_REQUEST = 50;
// A safety net: continuation on fileusage repeats a generator batch, so the number of
// requests is not bounded by the file cap alone.
const MAX_REQUESTS_PER_CATEGORY = 200;

function categoryTitle( name: string ): string {
	return `Category:${ name }`;
}

function timestampOf( response: ApiResponse ): string {
	return typeof response.curtimestamp === 'string' ? response.curtimestamp : '';
}

function pagesOf( response: ApiResponse ): ApiResponse[] {
	const pages = response && response.query && response.query.pages;
	return Array.isArray( pages ) ? pages.filter( ( p ) => p && typeof p === 'object' ) : [];
}

function continueOf( response: ApiResponse ): Record<string, string> | null {
	const next = response && response.continue;
	if ( !next || typeof next !== 'object' ) {
		return null;
	}
	const out: Record<string, string> = {};
	for ( const [ key, value ] of Object.entries( next ) ) {
		if ( typeof value === 'string' || typeof value === 'number' ) {
			out[ key ] = String( value );
		}
	}
	return out;
}

/**
 * @param api The wiki's API
 * @return Whether the wiki has GlobalUsage (prop=globalusage)
 */
export async function hasGlobalUsage( api: ActionApi ): Promise<boolean> {
	const response = await api.get( { action: 'query', meta: 'siteinfo', siprop: 'extensions' } );
	const extensions = response && response.query && response.query.extensions;
	return Array.isArray( extensions ) &&
		extensions.some( ( e ) => e && ( e.name === 'Global Usage' || e.name === 'GlobalUsage' ) );
}

/**
 * Files in each category, from `prop=categoryinfo`: one request per 50 categories.
 *
 * @param api The wiki's API
 * @param categories Category names (spaces, no "Category:")
 * @return Files by category name (0 for a category that does not exist), with sources
 */
export async function countCategoryFiles(
	api: ActionApi,
	categories: string[],
): Promise<Counted<Map<string, number>>> {
	const names = [ ...new Set( categories ) ];
	const byTitle = new Map<string, number>();
	const sources: StatSource[] = [];
	let countedAt = '';
	for ( let i = 0; i < names.length; i += TITLES_PER_REQUEST ) {
		const params: ApiParams = {
			action: 'query',
			prop: 'categoryinfo',
			titles: names.slice( i, i + TITLES_PER_REQUEST ).map( categoryTitle ),
			curtimestamp: true,
		};
		const response = await api.get( params );
		sources.push( { label: '', params } );
		countedAt = timestampOf( response ) || countedAt;
		// The API normalises titles ("Category:a_b" → "Category:A b"); map them back.
		const normalized = new Map<string, string>();
		const list = response && response.query && response.query.normalized;
		if ( Array.isArray( list ) ) {
			for ( const n of list ) {
				if ( n && typeof n.from === 'string' && typeof n.to === 'string' ) {
					normalized.set( n.to, n.from );
				}
			}
		}
		for ( const page of pagesOf( response ) ) {
			const files = page.categoryinfo && page.categoryinfo.files;
			if ( typeof page.title === 'string' ) {
				const title = normalized.get( page.title ) ?? page.title;
				byTitle.set( title, typeof files === 'number' && files >= 0 ? files : 0 );
			}
		}
	}
	const value = new Map<string, number>();
	for ( const name of names ) {
		value.set( name, byTitle.get( categoryTitle( name ) ) ?? 0 );
	}
	return { value, sources, countedAt };
}

/**
 * @param counts Files by category
 * @return Their total
 */
export function totalFiles( counts: Map<string, number> ): number {
	let total = 0;
	for ( const n of counts.values() ) {
		total += n;
	}
	return total;
}

/**
 * The earliest time a file was added to one of the categories: one request per category.
 *
 * @param api The wiki's API
 * @param categories Category names
 * @return The earliest, or a null value when the categories hold no file
 */
export async function countSince( api: ActionApi, categories: string[] ): Promise<Counted<SinceStats | null>> {
	let best: SinceStats | null = null;
	const sources: StatSource[] = [];
	let countedAt = '';
	for ( const name of [ ...new Set( categories ) ] ) {
		const params: ApiParams = {
			action: 'query',
			list: 'categorymembers',
			cmtitle: categoryTitle( name ),
			cmtype: 'file',
			cmsort: 'timestamp',
			cmdir: 'asc',
			cmlimit: 1,
			cmprop: 'timestamp|title',
			curtimestamp: true,
		};
		const response = await api.get( params );
		sources.push( { label: name, params } );
		countedAt = timestampOf( response ) || countedAt;
		const members = response && response.query && response.query.categorymembers;
		const first = Array.isArray( members ) ? members[ 0 ] : null;
		if (
			first && typeof first.timestamp === 'string' && typeof first.title === 'string' &&
			!Number.isNaN( Date.parse( first.timestamp ) ) &&
			( !best || Date.parse( first.timestamp ) < Date.parse( best.timestamp ) )
		) {
			best = { timestamp: first.timestamp, file: first.title };
		}
	}
	return { value: best, sources, countedAt };
}

export interface UsageOptions {
	/** Count GlobalUsage (true) or local file usage (false) */
	global: boolean;
	/** Files to look at before saying "at least" */
	cap?: number;
}

/**
 * How many files of the categories are used, on how many pages and wikis: batched
 * `generator=categorymembers` queries with `prop=globalusage` or `prop=fileusage`,
 * following `continue` until every file is seen or the cap is reached.
 *
 * @param api The wiki's API
 * @param categories Category names
 * @param options Which usage to count, and the cap
 * @return The usage
 */
export async function countUsage(
	api: ActionApi,
	categories: string[],
	options: UsageOptions,
): Promise<Counted<UsageStats>> {
	const cap = options.cap ?? DEFAULT_USAGE_CAP;
	const prop = options.global ? 'globalusage' : 'fileusage';
	// File title → set of "wiki|page" using it
	const usage = new Map<string, Set<string>>();
	const wikis = new Set<string>();
	const sources: StatSource[] = [];
	let countedAt = '';
	let capped = false;
	for ( const name of [ ...new Set( categories ) ] ) {
		const base: ApiParams = {
			action: 'query',
			generator: 'categorymembers',
			gcmtitle: categoryTitle( name ),
			gcmtype: 'file',
			gcmlimit: 'max',
			prop,
			...( options.global ?
				{ gulimit: 'max', guprop: 'url' } :
				{ fulimit: 'max', fuprop: 'title' } ),
			curtimestamp: true,
		};
		sources.push( { label: name, params: base } );
		let next: Record<string, string> | null = {};
		for ( let requests = 0; next; requests++ ) {
			if ( usage.size >= cap || requests >= MAX_REQUESTS_PER_CATEGORY ) {
				capped = true;
				break;
			}
			const response: ApiResponse = await api.get( { ...base, ...next } );
			countedAt = timestampOf( response ) || countedAt;
			for ( const page of pagesOf( response ) ) {
				if ( typeof page.title !== 'string' ) {
					continue;
				}
				const used = usage.get( page.title ) ?? new Set<string>();
				usage.set( page.title, used );
				const entries = page[ prop ];
				if ( !Array.isArray( entries ) ) {
					continue;
				}
				for ( const entry of entries ) {
					if ( !entry || typeof entry.title !== 'string' ) {
						continue;
					}
					const wiki = options.global ? String( entry.wiki ?? '' ) : '';
					used.add( `${ wiki }|${ entry.title }` );
					wikis.add( wiki );
				}
			}
			next = continueOf( response );
		}
		if ( capped ) {
			break;
		}
	}
	const pages = new Set<string>();
	let usedFiles = 0;
	for ( const used of usage.values() ) {
		if ( used.size ) {
			usedFiles++;
		}
		used.forEach( ( p ) => pages.add( p ) );
	}
	return {
		value: {
			scannedFiles: usage.size,
			usedFiles,
			pages: pages.size,
			wikis: wikis.size,
			kind: options.global ? 'global' : 'local',
			capped,
		},
		sources,
		countedAt,
	};
}
