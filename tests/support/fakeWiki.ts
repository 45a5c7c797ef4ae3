// A small simulated MediaWiki behind the ActionApi interface, for the data-layer tests
// (records, heroes, the shared write path): pages with revisions, recent changes, edits
// with MediaWiki's conflict rules, new talk-page sections, accounts with groups and
// rights, sessions of several accounts, and faults injected per request. Only what the
// data layer uses is simulated. One file (a little over 400 lines) because revisions,
// conflicts, accounts and faults are one model of one wiki that every case shares.
import { ActionApi, ApiError, ApiParams, ApiResponse } from '../../src/shared/api/ActionApi';

interface Revision {
	revid: number;
	timestamp: string;
	user: string;
	content: string;
}

interface Page {
	pageid: number;
	ns: number;
	title: string;
	revisions: Revision[];
}

interface Change {
	rcid: number;
	type: 'edit' | 'new' | 'log';
	ns: number;
	title: string;
	pageid: number;
	revid: number;
	timestamp: string;
	logtype?: string;
	logaction?: string;
	logparams?: Record<string, unknown>;
}

/**
 * Sees each request first; may answer, fail, or pass it on (and then fail: a lost answer).
 */
export type Interceptor = ( params: ApiParams, pass: () => Promise<ApiResponse> ) => Promise<ApiResponse>;

/** A fault for a matching request: 'lose' carries it out and loses the answer. */
export type Fault = 'lose' | ApiError;

/** What the wiki says about an account. */
export interface Account {
	groups: string[];
	rights: string[];
}

/**
 * @param error What the client is told
 * @return An interceptor that lets the request be carried out, then loses the answer
 */
export function lostAnswer( error = new ApiError( 'timeout', 'timeout' ) ): Interceptor {
	return async ( _params, pass ) => {
		await pass();
		throw error;
	};
}

/**
 * @param error What the client is told
 * @return An interceptor that fails the request before it is carried out
 */
export function failing( error: ApiError ): Interceptor {
	return async () => {
		throw error;
	};
}

const START = Date.parse( '2026-11-01T00:00:00Z' );

/** Namespaces by title prefix (everything else is in Project, 4) */
const NAMESPACES: [ string, number ][] = [ [ 'User talk:', 3 ], [ 'User:', 2 ] ];

function namespaceOf( title: string ): number {
	const found = NAMESPACES.find( ( [ prefix ] ) => title.startsWith( prefix ) );
	return found ? found[ 1 ] : 4;
}

/**
 * @param name A user name as typed
 * @return It as MediaWiki stores it (first letter upper case, spaces for underscores)
 */
function canonical( name: string ): string {
	const spaced = name.replace( /_/g, ' ' ).replace( / {2,}/g, ' ' ).trim();
	const first = String.fromCodePoint( spaced.codePointAt( 0 ) ?? 32 ).trim();
	return first.toUpperCase() + spaced.slice( first.length );
}

function iso( ms: number ): string {
	return new Date( ms ).toISOString().replace( /\.\d+Z$/, 'Z' );
}

function list( value: unknown ): string[] {
	return Array.isArray( value ) ? value.map( String ) : String( value ).split( '|' );
}

/**
 * @param base Base text
 * @param ours Our text
 * @param theirs Their text
 * @return A line-by-line three-way merge (texts of equal line counts only, enough for
 *  pretty-printed JSON with changed values), or null on a conflict
 */
function mergeLines( base: string, ours: string, theirs: string ): string | null {
	const [ b, o, t ] = [ base, ours, theirs ].map( ( s ) => s.split( '\n' ) );
	if ( b.length !== o.length || b.length !== t.length ) {
		return null;
	}
	const out: string[] = [];
	for ( let i = 0; i < b.length; i++ ) {
		if ( o[ i ] === b[ i ] || o[ i ] === t[ i ] ) {
			out.push( t[ i ] );
		} else if ( t[ i ] === b[ i ] ) {
			out.push( o[ i ] );
		} else {
			return null;
		}
	}
	return out.join( '\n' );
}

export class FakeWiki implements ActionApi {
	/** Every request, in order (interceptors included) */
	public readonly calls: ApiParams[] = [];

	/** The account requests are made as; null when the session is gone */
	public user: string | null = 'Alice';

	/** What MediaWiki does with an edit from a stale base: 'lines' = its diff3 merge */
	public staleBase: 'lines' | 'conflict' = 'lines';

	/** How much time each edit takes; 0 puts edits in the same second, as fast clients do */
	public tickMs = 1000;

	/** recentchanges answers hold at most this many items (rclimit=max is 500) */
	public rcPageSize = 500;

	/** The rights meta=userinfo reports for an account not in `accounts` */
	public rights: string[] = [ 'read', 'edit', 'createpage', 'editcontentmodel' ];

	/** Accounts that exist (list=users), with their groups and rights (meta=userinfo) */
	public readonly accounts = new Map<string, Account>();

	/** Sees the next requests, one each, in order */
	public readonly interceptors: Interceptor[] = [];

	/** Called with every request before it is answered (e.g. someone else edits meanwhile) */
	public beforeRequest: ( params: ApiParams ) => void = () => undefined;

	private readonly faults: { match: ( params: ApiParams ) => boolean; fault: Fault }[] = [];

	private readonly pages = new Map<string, Page>();

	private readonly changes: Change[] = [];

	private clock = START;

	private nextPageId = 1000;

	private nextRevId = 5000;

	private nextRcId = 1;

	/** Namespace 4 is called "Project" here */
	public static title( text: string ): string {
		return `Project:${ text }`;
	}

	/** @return The current server time */
	public now(): number {
		return this.clock;
	}

	/**
	 * @param ms Let time pass
	 */
	public advance( ms: number ): void {
		this.clock += ms;
	}

	/**
	 * @param prefix A title prefix
	 * @return The titles of the pages that exist with it, sorted
	 */
	public titles( prefix: string ): string[] {
		return [ ...this.pages.keys() ].filter( ( t ) => t.startsWith( prefix ) ).sort();
	}

	/**
	 * @param match Which requests
	 * @param faults What happens to the next ones that match, in order
	 */
	public fail( match: ( params: ApiParams ) => boolean, ...faults: Fault[] ): void {
		for ( const fault of faults ) {
			this.faults.push( { match, fault } );
		}
	}

	/**
	 * @param user An account, or null for a reader who is not logged in
	 * @return The API as that account's session sees it
	 */
	public session( user: string | null ): ActionApi {
		const request = ( params: ApiParams ): Promise<ApiResponse> => this.request( params, user );
		return { get: request, postWithEditToken: request };
	}

	/**
	 * @param title Full title
	 * @return Its revisions, oldest first
	 */
	public history( title: string ): Revision[] {
		return [ ...( this.pages.get( title )?.revisions ?? [] ) ];
	}

	/**
	 * @param title Full title
	 * @return Its current text, or undefined
	 */
	public text( title: string ): string | undefined {
		const page = this.pages.get( title );
		return page ? page.revisions[ page.revisions.length - 1 ].content : undefined;
	}

	/**
	 * An edit made directly (by another person), not through the API.
	 *
	 * @param title Full title
	 * @param content New text (JSON is pretty-printed as MediaWiki does)
	 * @param user Who
	 * @return The new revision
	 */
	public edit( title: string, content: string, user = 'Bob' ): Revision {
		this.clock += this.tickMs;
		let page = this.pages.get( title );
		const isNew = !page;
		if ( !page ) {
			page = { pageid: this.nextPageId++, ns: namespaceOf( title ), title, revisions: [] };
			this.pages.set( title, page );
		}
		const rev = { revid: this.nextRevId++, timestamp: iso( this.clock ), user, content: FakeWiki.pst( content ) };
		page.revisions.push( rev );
		this.changes.push( { rcid: this.nextRcId++, type: isNew ? 'new' : 'edit', ns: page.ns, title, pageid: page.pageid, revid: rev.revid, timestamp: rev.timestamp } );
		return rev;
	}

	/**
	 * @param title Full title
	 */
	public delete( title: string ): void {
		this.clock += 1000;
		this.pages.delete( title );
		// As in MediaWiki: the log entry of a deletion has no page id any more.
		this.log( title, 0, 'delete', 'delete', {} );
	}

	/**
	 * @param from Full title
	 * @param to Full title
	 */
	public move( from: string, to: string ): void {
		this.clock += 1000;
		const page = this.pages.get( from );
		if ( !page ) {
			throw new Error( `No page ${ from }` );
		}
		this.pages.delete( from );
		page.title = to;
		this.pages.set( to, page );
		// eslint-disable-next-line camelcase
		this.log( from, page.pageid, 'move', 'move', { target_ns: 4, target_title: to } );
	}

	private log( title: string, pageid: number, logtype: string, logaction: string, logparams: Record<string, unknown> ): void {
		this.changes.push( {
			rcid: this.nextRcId++, type: 'log', ns: 4, title, pageid, revid: 0, timestamp: iso( this.clock ), logtype, logaction, logparams,
		} );
	}

	/** JSON is stored re-serialised with tabs, as MediaWiki's JsonContentHandler does. */
	private static pst( content: string ): string {
		try {
			return JSON.stringify( JSON.parse( content ), null, '\t' );
		} catch {
			return content;
		}
	}

	public get( params: ApiParams ): Promise<ApiResponse> {
		return this.request( params );
	}

	public postWithEditToken( params: ApiParams ): Promise<ApiResponse> {
		return this.request( params );
	}

	private async request( params: ApiParams, user: string | null = this.user ): Promise<ApiResponse> {
		this.calls.push( params );
		this.beforeRequest( params );
		const i = this.faults.findIndex( ( f ) => f.match( params ) );
		const fault = i === -1 ? undefined : this.faults.splice( i, 1 )[ 0 ].fault;
		if ( fault instanceof ApiError ) {
			throw fault;
		}
		const pass = async (): Promise<ApiResponse> => this.answer( params, user );
		const interceptor = this.interceptors.shift();
		const answer = await ( interceptor ? interceptor( params, pass ) : pass() );
		if ( fault === 'lose' ) {
			throw new ApiError( 'timeout', 'timeout of 30000ms exceeded (the request was carried out)' );
		}
		return answer;
	}

	private answer( params: ApiParams, user: string | null ): ApiResponse {
		if ( params.action === 'edit' ) {
			return params.section === 'new' ? this.answerNewSection( params, user ) : this.answerEdit( params, user );
		}
		if ( params.action !== 'query' ) {
			throw new ApiError( 'badvalue', `Unsupported action ${ params.action }` );
		}
		const out: ApiResponse = { batchcomplete: true };
		if ( params.curtimestamp ) {
			out.curtimestamp = iso( this.clock );
		}
		if ( params.meta === 'userinfo' ) {
			const account = user ? this.accounts.get( user ) ?? { groups: [ '*', 'user' ], rights: this.rights } : null;
			return {
				...out,
				query: { userinfo: user && account ? { id: 1, name: user, groups: [ ...account.groups ], rights: [ ...account.rights ] } : { id: 0, name: '127.0.0.1', anon: true } },
			};
		}
		if ( params.meta === 'siteinfo' ) {
			return { ...out, query: { namespaces: { 0: { id: 0, name: '' }, 2: { id: 2, name: 'User' }, 3: { id: 3, name: 'User talk' }, 4: { id: 4, name: 'Project' } } } };
		}
		if ( params.list === 'users' ) {
			return { ...out, query: { users: list( params.ususers ).map( ( raw ) => this.userAnswer( raw, params ) ) } };
		}
		if ( params.list === 'recentchanges' ) {
			return { ...out, ...this.answerRecentChanges( params ) };
		}
		if ( params.generator === 'allpages' ) {
			const limit = Number( params.gaplimit );
			const all = [ ...this.pages.values() ]
				.filter( ( p ) => p.ns === Number( params.gapnamespace ) && p.title.slice( 'Project:'.length ).startsWith( String( params.gapprefix ) ) )
				.sort( ( a, b ) => a.title < b.title ? -1 : 1 );
			const from = params.gapcontinue ? all.findIndex( ( p ) => p.title.slice( 8 ) >= String( params.gapcontinue ) ) : 0;
			const batch = all.slice( from, from + limit );
			const next = all[ from + limit ];
			return {
				...out,
				...( next ? { continue: { gapcontinue: next.title.slice( 8 ), continue: 'gapcontinue||' } } : {} ),
				query: { pages: batch.map( ( p ) => this.pageAnswer( p, params ) ) },
			};
		}
		if ( params.titles !== undefined ) {
			return {
				...out,
				query: {
					pages: list( params.titles ).map( ( title ) => {
						const page = this.pages.get( title );
						return page ? this.pageAnswer( page, params ) : { ns: namespaceOf( title ), title, missing: true };
					} ),
				},
			};
		}
		if ( params.revids !== undefined ) {
			const wanted = new Set( list( params.revids ).map( Number ) );
			const pages: ApiResponse[] = [];
			for ( const page of this.pages.values() ) {
				const revs = page.revisions.filter( ( r ) => wanted.has( r.revid ) );
				if ( revs.length ) {
					pages.push( { pageid: page.pageid, ns: page.ns, title: page.title, revisions: revs.map( ( r ) => this.revAnswer( r, params, page ) ) } );
				}
			}
			return { ...out, query: { pages } };
		}
		throw new ApiError( 'badvalue', `Unsupported query ${ JSON.stringify( params ) }` );
	}

	private pageAnswer( page: Page, params: ApiParams ): ApiResponse {
		// The latest revision, or with rvlimit the latest few (newest first; oldest first with rvdir=newer).
		const ordered = params.rvdir === 'newer' ? page.revisions : [ ...page.revisions ].reverse();
		return {
			pageid: page.pageid,
			ns: page.ns,
			title: page.title,
			revisions: ordered.slice( 0, params.rvlimit === 'max' ? undefined : Number( params.rvlimit ?? 1 ) ).map( ( r ) => this.revAnswer( r, params, page ) ),
		};
	}

	private userAnswer( raw: string, params: ApiParams ): ApiResponse {
		const name = canonical( raw );
		const account = this.accounts.get( name );
		if ( !account ) {
			return { name, missing: true };
		}
		const props = params.usprop ? list( params.usprop ) : [];
		return {
			userid: 1,
			name,
			...( props.includes( 'groups' ) ? { groups: account.groups } : {} ),
			...( props.includes( 'rights' ) ? { rights: account.rights } : {} ),
		};
	}

	/** A new section on a (wikitext) talk page, its signature expanded */
	private answerNewSection( params: ApiParams, user: string | null ): ApiResponse {
		if ( params.assert === 'user' && user === null ) {
			throw new ApiError( 'assertuserfailed', 'You are no longer logged in.' );
		}
		const title = String( params.title );
		const previous = this.text( title ) ?? '';
		const text = String( params.text ).replace( /~~~~/g, `[[User:${ user }|${ user }]] 00:00, 1 November 2026 (UTC)` );
		const rev = this.edit( title, `${ previous }${ previous ? '\n\n' : '' }== ${ params.sectiontitle } ==\n\n${ text }`, String( user ) );
		return { edit: { result: 'Success', title, newrevid: rev.revid } };
	}

	private revAnswer( rev: Revision, params: ApiParams, page: Page ): ApiResponse {
		const props = list( params.rvprop );
		const index = page.revisions.indexOf( rev );
		return {
			revid: rev.revid,
			// As MediaWiki: rvprop=ids gives the revision before it (0 for the first)
			...( props.includes( 'ids' ) ? { parentid: index > 0 ? page.revisions[ index - 1 ].revid : 0 } : {} ),
			timestamp: rev.timestamp,
			...( props.includes( 'user' ) ? { user: rev.user } : {} ),
			...( props.includes( 'content' ) ? { slots: { main: { contentmodel: 'json', content: rev.content } } } : {} ),
		};
	}

	private answerRecentChanges( params: ApiParams ): ApiResponse {
		const start = Date.parse( String( params.rcstart ) );
		const [ fromTime, fromId ] = params.rccontinue ? String( params.rccontinue ).split( '|' ) : [ '', '0' ];
		const types = list( params.rctype );
		const matching = this.changes.filter( ( c ) => Date.parse( c.timestamp ) >= start &&
			c.ns === Number( params.rcnamespace ) && types.includes( c.type ) &&
			( !params.rccontinue || ( c.timestamp > fromTime || ( c.timestamp === fromTime && c.rcid >= Number( fromId ) ) ) ) );
		const page = matching.slice( 0, this.rcPageSize );
		const next = matching[ this.rcPageSize ];
		return {
			...( next ? { continue: { rccontinue: `${ next.timestamp }|${ next.rcid }`, continue: '-||' } } : {} ),
			query: {
				recentchanges: page.map( ( c ) => ( {
					type: c.type,
					ns: c.ns,
					title: c.title,
					pageid: c.pageid,
					revid: c.revid,
					rcid: c.rcid,
					timestamp: c.timestamp,
					...( c.type === 'log' ? { logid: c.rcid, logtype: c.logtype, logaction: c.logaction, logparams: c.logparams } : {} ),
				} ) ),
			},
		};
	}

	private answerEdit( params: ApiParams, session: string | null ): ApiResponse {
		if ( params.assert === 'user' && session === null ) {
			throw new ApiError( 'assertuserfailed', 'You are no longer logged in.' );
		}
		const user = session ?? '127.0.0.1';
		const title = String( params.title );
		try {
			JSON.parse( String( params.text ) );
		} catch {
			throw new ApiError( 'invalid-json-data', 'Invalid JSON' );
		}
		const page = this.pages.get( title );
		if ( !page ) {
			if ( params.nocreate ) {
				throw new ApiError( 'missingtitle', 'The page you specified does not exist.' );
			}
			const created = this.edit( title, String( params.text ), user );
			return { edit: { result: 'Success', pageid: this.pages.get( title )?.pageid, title, contentmodel: 'json', oldrevid: 0, newrevid: created.revid, newtimestamp: created.timestamp, new: true } };
		}
		if ( params.createonly ) {
			throw new ApiError( 'articleexists', 'The article you tried to create has been created already.' );
		}
		const latest = page.revisions[ page.revisions.length - 1 ];
		let text = FakeWiki.pst( String( params.text ) );
		const baseId = params.baserevid === undefined ? latest.revid : Number( params.baserevid );
		if ( baseId !== latest.revid ) {
			const base = page.revisions.find( ( r ) => r.revid === baseId );
			// MediaWiki: no conflict with yourself, and "since" means a later second than
			// basetimestamp (RevisionStore::userWasLastToEdit); the edit simply replaces the page.
			const since = page.revisions.filter( ( r ) => r.timestamp > String( params.basetimestamp ) );
			if ( !since.every( ( r ) => r.user === user ) ) {
				const merged = this.staleBase === 'lines' && base ? mergeLines( base.content, text, latest.content ) : null;
				if ( merged === null ) {
					throw new ApiError( 'editconflict', 'Edit conflict.' );
				}
				text = merged;
			}
		}
		if ( text === latest.content ) {
			return { edit: { result: 'Success', pageid: page.pageid, title, contentmodel: 'json', nochange: true } };
		}
		const rev = this.edit( title, text, user );
		return { edit: { result: 'Success', pageid: page.pageid, title, contentmodel: 'json', oldrevid: latest.revid, newrevid: rev.revid, newtimestamp: rev.timestamp } };
	}
}
