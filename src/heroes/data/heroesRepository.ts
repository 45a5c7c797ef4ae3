/**
 * Reads and writes the community-heroes pages on one wiki (see
 * ../domain/schema/nominationSchema.ts for the pages): every page under
 * <root>/Heroes/ read in batches, the accounts whose authority matters checked with
 * list=users, and writes that need an account made with assert=user and createonly.
 *
 * Every write creates a page of its own (a nomination, one endorsement page per
 * account, a celebration, a decline): nothing shared is ever edited, so concurrent
 * endorsements cannot lose or double one another. A page that is in the way but does
 * not count (e.g. an endorsement page named after us but made by someone else, or a
 * celebration made by an account without the right) is taken over with an edit based
 * on its current revision, after which we are its last editor.
 *
 * Writes go through the one write path for JSON pages (../../shared/wiki/pageWriter.ts),
 * reads through the batched reader (../../shared/wiki/jsonPages.ts). The file stays whole
 * for now (about 800 lines, much of it documentation) because it is one class behind one
 * service: every write here applies the same trust rule (mark, takeOver) and the same
 * account checks, and splitting them would spread that rule over several files. The
 * history reads (readHistories, readEndorsedTexts, readHistory) are the next part to move
 * out, into a reader of their own beside the batched one.
 */
import { ActionApi, ApiError, ApiResponse } from '../../shared/api/ActionApi';
import { RetryOptions } from '../../shared/api/retry';
import { FailureKind, asApiError, failureKind } from '../../shared/wiki/failures';
import { PageRevision, readPage, readPagesWithPrefix } from '../../shared/wiki/jsonPages';
import { CreateResult, PageWriter } from '../../shared/wiki/pageWriter';
import { Read, apiTime, namespaceName } from '../../shared/wiki/query';
import { PageLocation, folderPrefix } from '../../shared/wiki/pageLocation';
import {
	AccountInfo,
	CELEBRATION_PAGE,
	CELEBRATION_SCHEMA,
	CelebratePolicy,
	DECLINE_PAGE,
	DECLINE_SCHEMA,
	ENDORSEMENTS_FOLDER,
	ENDORSEMENT_SCHEMA,
	HEROES_FOLDER,
	HeroPage,
	HeroesResult,
	NOMINATION_SCHEMA,
	Nomination,
	NominationRecord,
	Nominee,
	Revision,
	accountsToCheck,
	assembleNominations,
	endorsedRevisions,
	canonicalUserName,
	mayCelebrate,
	parseEndorsement,
	parseMark,
	parseNomination,
	serializeNomination,
	validateNomination,
} from '../domain/heroes';
import { ENDORSEMENT_COMMENT_MAX_LENGTH, USERNAME_PATTERN } from '../../shared/schema/constants';
import { recordId } from '../../shared/wiki/slug';
import { SIGNATURE, TalkMessage } from '../domain/talkMessage';

export type { TalkMessage } from '../domain/talkMessage';

/** A nomination as the form fills it in; the repository adds schema, nominator and time. */
export type NominationInput = Omit<NominationRecord, 'schema' | 'nominator' | 'created'>;

export type WriteFailure = {
	ok: false;
	/**
	 * The kinds of FailureKind, and: 'exists' (already endorsed / celebrated / declined),
	 * 'not-ready' (too few endorsements to celebrate), 'not-allowed' (no right to do it),
	 * 'nouser' (the nominee's account does not exist)
	 */
	reason: FailureKind | 'not-ready' | 'not-allowed' | 'nouser';
	/** API error code, or the reason */
	code: string;
	message: string;
};

export interface HeroesRepositoryOptions {
	/** The wiki holding the pages */
	api: ActionApi;
	/** The records root (the heroes folder is <root>/Heroes) */
	root: PageLocation;
	/** Who may celebrate */
	policy: CelebratePolicy;
	/** Endorsements after which a nomination is ready */
	threshold: number;
	/** The logged-in account, or null */
	userName: string | null;
	/** How requests are retried */
	retry?: RetryOptions;
	/** The clock (tests) */
	now?: () => number;
}

/** Names per list=users request: the API's limit for ordinary accounts. */
const USERS_BATCH = 50;

/** Revision ids per prop=revisions&revids request (the API's limit for ordinary accounts). */
const REVIDS_BATCH = 50;

/**
 * Steps back through edited pages' histories in batches (one revision of up to 50 pages
 * per request and step); a page with a longer history is then read alone.
 */
const HISTORY_STEPS = 4;

/** Ids tried for one nomination (the first, then -2, -3, …) before giving up. */
const MAX_ID_TRIES = 10;

/** Revisions of a talk page looked at to find a section we may already have posted. */
const TALK_CHECK_REVISIONS = 10;

/**
 * How far before the first attempt a revision of ours on the talk page still counts as
 * that attempt (clocks of the browser and the server differ).
 */
const TALK_CLOCK_SKEW_MS = 5 * 60 * 1000;

const USERNAME = new RegExp( USERNAME_PATTERN );

/**
 * @param reason Why
 * @param code API error code or the reason
 * @param message Detail
 * @return A failure
 */
function failure( reason: WriteFailure[ 'reason' ], code: string = reason, message: string = code ): WriteFailure {
	return { ok: false, reason, code, message };
}

/**
 * @param error An API error
 * @return The failure it means for the person
 */
function failureOf( error: ApiError ): WriteFailure {
	return failure( failureKind( error ), error.code, error.message );
}

/**
 * @param nominee A nominee
 * @return The words a nomination's id is made from
 */
function nomineeLabel( nominee: Nominee ): string {
	switch ( nominee.kind ) {
		case 'user':
			return nominee.user ?? '';
		case 'group':
			return nominee.name ?? '';
		default:
			return nominee.name ?? `${ nominee.language ?? '' } ${ nominee.region ?? '' }`;
	}
}

/**
 * @param page A page as read
 * @return It as the heroes domain takes it
 */
function heroPageOf( page: PageRevision ): HeroPage {
	const out: HeroPage = {
		title: page.title,
		content: page.content,
		// A hidden user (revision deletion) comes without a name: it proves nothing.
		user: page.user ?? '',
		revid: page.revid,
		timestamp: page.timestamp,
	};
	if ( page.parentid === 0 ) {
		out.history = [ { user: out.user, revid: out.revid, timestamp: out.timestamp } ];
	}
	return out;
}

/**
 * @param rev A revision of a formatversion=2 answer
 * @return Who made it and when ('' for a hidden user)
 */
function revisionOf( rev: ApiResponse ): Revision {
	return {
		user: typeof rev.user === 'string' ? rev.user : '',
		revid: Number( rev.revid ),
		timestamp: String( rev.timestamp ),
	};
}

/**
 * @param folder Title of the heroes folder
 * @param pages Every page under it
 * @return The user nominees of its nominations, canonical names (whether they exist is asked)
 */
function nomineesOf( folder: string, pages: HeroPage[] ): string[] {
	const names = new Set<string>();
	for ( const page of pages ) {
		const rest = page.title.startsWith( `${ folder }/` ) ? page.title.slice( folder.length + 1 ) : '/';
		const parsed = rest.includes( '/' ) ? null : parseNomination( page.content );
		if ( parsed && parsed.ok && parsed.record.nominee.kind === 'user' ) {
			names.add( canonicalUserName( parsed.record.nominee.user ?? '' ) );
		}
	}
	return [ ...names ];
}

/**
 * Reads and writes nominations, endorsements, celebrations and declines.
 */
export class HeroesRepository {
	private readonly writer: PageWriter;

	/** Reads, retried */
	private readonly get: Read;

	private readonly now: () => number;

	private folder: Promise<string> | null = null;

	/** The revision before the latest, of pages read with more than one */
	private readonly parents = new WeakMap<HeroPage, number>();

	/**
	 * @param options Where the pages are, who may celebrate, and who is logged in
	 */
	public constructor( public readonly options: HeroesRepositoryOptions ) {
		this.writer = new PageWriter( { api: options.api, retry: options.retry } );
		this.get = this.writer.read;
		this.now = options.now ?? Date.now;
	}

	/** @return The logged-in account's canonical name, or null */
	private get me(): string | null {
		return this.options.userName ? canonicalUserName( this.options.userName ) : null;
	}

	/** @return Full title of the heroes folder, e.g. "Project:Partnerships/Heroes" (namespace name from the API) */
	public folderTitle(): Promise<string> {
		if ( !this.folder ) {
			this.folder = this.readFolderTitle();
			// A failed read is not kept: the next call asks again.
			this.folder.catch( () => {
				this.folder = null;
			} );
		}
		return this.folder;
	}

	private async readFolderTitle(): Promise<string> {
		const text = folderPrefix( this.options.root, HEROES_FOLDER ).replace( /\/$/, '' );
		const namespace = this.options.root.namespace;
		if ( namespace === 0 ) {
			return text;
		}
		const name = await namespaceName( this.get, namespace );
		return name ? `${ name }:${ text }` : text;
	}

	/** @return Every nomination under the folder, assembled and checked */
	public async load(): Promise<HeroesResult> {
		const folder = await this.folderTitle();
		const pages = await this.readPages();
		await this.readHistories( pages );
		await this.readEndorsedTexts( endorsedRevisions( folder, pages ) );
		const nominees = nomineesOf( folder, pages );
		const names = new Set( [ ...accountsToCheck( folder, pages ), ...nominees ] );
		const accounts = await this.readAccounts( [ ...names ] );
		const missing = new Set( nominees.filter( ( name ) => !accounts.has( name ) ) );
		const { policy, threshold } = this.options;
		return assembleNominations( folder, pages, accounts, policy, threshold, missing );
	}

	/**
	 * Fill in the history of every page that has more than one revision (who made each,
	 * oldest first): the first revision's author is who acted. Pages with one revision
	 * (nearly all) need no request; the others step back together, up to 50 revisions per
	 * request, and a page still not at its first revision after HISTORY_STEPS is read alone.
	 *
	 * @param pages Pages as read, history set where the latest revision is the first
	 */
	private async readHistories( pages: HeroPage[] ): Promise<void> {
		const edited = pages.filter( ( p ) => !p.history );
		const chains = new Map<HeroPage, Revision[]>();
		// The revision to read next, for each page not yet at its first
		let next = new Map<number, HeroPage>();
		for ( const page of edited ) {
			const parent = this.parents.get( page );
			chains.set( page, parent ? [ { user: page.user, revid: page.revid, timestamp: page.timestamp } ] : [] );
			next.set( parent ?? page.revid, page );
		}
		for ( let step = 0; step < HISTORY_STEPS && next.size; step++ ) {
			const ids = [ ...next.keys() ];
			const after = new Map<number, HeroPage>();
			for ( let i = 0; i < ids.length; i += REVIDS_BATCH ) {
				const answer = await this.get( {
					action: 'query',
					prop: 'revisions',
					revids: ids.slice( i, i + REVIDS_BATCH ).map( String ),
					rvprop: [ 'ids', 'timestamp', 'user' ],
				} );
				for ( const raw of ( answer.query && answer.query.pages ) || [] ) {
					for ( const rev of ( raw && Array.isArray( raw.revisions ) ) ? raw.revisions : [] ) {
						const page = next.get( Number( rev.revid ) );
						if ( !page ) {
							continue;
						}
						chains.get( page )?.unshift( revisionOf( rev ) );
						if ( rev.parentid === 0 ) {
							page.history = chains.get( page );
						} else if ( typeof rev.parentid === 'number' ) {
							after.set( rev.parentid, page );
						}
					}
				}
			}
			next = after;
		}
		for ( const page of edited ) {
			if ( !page.history ) {
				page.history = await this.readHistory( page.title );
			}
		}
	}

	/**
	 * Read the endorsed texts of nominations changed after their first endorsement, 50
	 * revisions per request (none in the common case).
	 *
	 * @param wanted Revision ids to read, and the nomination page each belongs to
	 */
	private async readEndorsedTexts( wanted: Map<number, HeroPage> ): Promise<void> {
		const ids = [ ...wanted.keys() ];
		for ( let i = 0; i < ids.length; i += REVIDS_BATCH ) {
			const answer = await this.get( {
				action: 'query',
				prop: 'revisions',
				revids: ids.slice( i, i + REVIDS_BATCH ).map( String ),
				rvprop: [ 'ids', 'content' ],
				rvslots: 'main',
			} );
			for ( const raw of ( answer.query && answer.query.pages ) || [] ) {
				for ( const rev of ( raw && Array.isArray( raw.revisions ) ) ? raw.revisions : [] ) {
					const page = wanted.get( Number( rev.revid ) );
					const content = rev.slots && rev.slots.main && rev.slots.main.content;
					if ( page && typeof content === 'string' ) {
						page.endorsed = { revid: Number( rev.revid ), content };
					}
				}
			}
		}
	}

	/**
	 * @param title A page with a long history
	 * @return Its revisions, oldest first (the first 500); a first revision whose author
	 *  is unknown when the wiki gives none
	 */
	private async readHistory( title: string ): Promise<Revision[]> {
		const answer = await this.get( {
			action: 'query',
			prop: 'revisions',
			titles: title,
			rvdir: 'newer',
			rvlimit: 'max',
			rvprop: [ 'ids', 'timestamp', 'user' ],
		} );
		const page = answer.query && answer.query.pages && answer.query.pages[ 0 ];
		const raw: ApiResponse[] = page && Array.isArray( page.revisions ) ? page.revisions : [];
		const revisions = raw.map( revisionOf );
		return revisions.length ? revisions : [ { user: '', revid: 0, timestamp: '' } ];
	}

	/**
	 * @return Every page under the folder, latest revisions, following `continue`
	 */
	private async readPages(): Promise<HeroPage[]> {
		const root = this.options.root;
		const { pages } = await readPagesWithPrefix( this.get, root.namespace, folderPrefix( root, HEROES_FOLDER ) );
		return pages.map( ( read ) => {
			const page = heroPageOf( read );
			if ( read.parentid ) {
				this.parents.set( page, read.parentid );
			}
			return page;
		} );
	}

	/**
	 * @param names Canonical user names
	 * @return What the wiki says about those that exist, by canonical name
	 */
	private async readAccounts( names: string[] ): Promise<Map<string, AccountInfo>> {
		const accounts = new Map<string, AccountInfo>();
		// A name the API would split ("|") or refuse is no account.
		const asked = names.filter( ( n ) => USERNAME.test( n ) );
		for ( let i = 0; i < asked.length; i += USERS_BATCH ) {
			const answer = await this.get( {
				action: 'query',
				list: 'users',
				ususers: asked.slice( i, i + USERS_BATCH ),
				usprop: [ 'groups', 'rights' ],
			} );
			for ( const user of ( answer.query && answer.query.users ) || [] ) {
				if ( user && !user.missing && !user.invalid && typeof user.name === 'string' ) {
					accounts.set( canonicalUserName( user.name ), {
						groups: Array.isArray( user.groups ) ? user.groups.map( String ) : [],
						rights: Array.isArray( user.rights ) ? user.rights.map( String ) : [],
					} );
				}
			}
		}
		return accounts;
	}

	/**
	 * @param name A user name as typed
	 * @return Whether the account exists, and its canonical name
	 */
	public async checkUser( name: string ): Promise<{ exists: boolean; name: string }> {
		const canonical = canonicalUserName( name );
		if ( !USERNAME.test( canonical ) ) {
			return { exists: false, name: canonical };
		}
		const answer = await this.get( { action: 'query', list: 'users', ususers: canonical } );
		const user = answer.query && Array.isArray( answer.query.users ) ? answer.query.users[ 0 ] : undefined;
		if ( !user || user.missing || user.invalid ) {
			return { exists: false, name: user && typeof user.name === 'string' ? user.name : canonical };
		}
		return { exists: true, name: String( user.name ) };
	}

	/**
	 * Create a nomination page, <folder>/<id>, the id made from the nominee and the year
	 * (-2, -3, … when taken).
	 *
	 * @param input The nomination
	 * @return Its id and title once created
	 */
	public async nominate( input: NominationInput ): Promise<{ ok: true; id: string; title: string } | WriteFailure> {
		const me = this.me;
		if ( !me ) {
			return failure( 'session', 'notloggedin', 'Log in to nominate' );
		}
		const now = this.now();
		let record = {
			...input,
			schema: NOMINATION_SCHEMA,
			nominator: me,
			created: apiTime( now ),
		} as NominationRecord;
		const errors = validateNomination( record );
		if ( errors.length ) {
			return failure( 'invalid', 'invalid-record',
				errors.slice( 0, 3 ).map( ( e ) => `${ e.path || '/' }: ${ e.code }` ).join( '; ' ) );
		}
		try {
			if ( record.nominee.kind === 'user' ) {
				const user = await this.checkUser( record.nominee.user ?? '' );
				if ( !user.exists ) {
					return failure( 'nouser', 'nouser', user.name );
				}
				record = { ...record, nominee: { ...record.nominee, user: user.name } };
			}
			const folder = await this.folderTitle();
			const text = serializeNomination( record );
			const ours = ( page: HeroPage ): boolean => {
				const parsed = parseNomination( page.content );
				return !!page.user && canonicalUserName( page.user ) === me && parsed.ok &&
					serializeNomination( parsed.record ) === text;
			};
			const base = `${ nomineeLabel( record.nominee ) } ${ new Date( now ).getUTCFullYear() }`;
			const taken: string[] = [];
			for ( let i = 0; i < MAX_ID_TRIES; i++ ) {
				const id = recordId( base, taken );
				const title = `${ folder }/${ id }`;
				const outcome = await this.create( title, text, ours );
				if ( outcome.status === 'saved' ) {
					return { ok: true, id, title };
				}
				if ( outcome.status === 'failed' ) {
					return await this.createFailure( outcome.error );
				}
				taken.push( id );
			}
			return failure( 'exists', 'articleexists', `No free id for ${ base }` );
		} catch ( e ) {
			return failureOf( asApiError( e ) );
		}
	}

	/**
	 * Endorse a nomination: create <nomination>/Endorsements/<our name>.
	 *
	 * @param nomination The nomination
	 * @param comment Optional comment (plain text, at most ENDORSEMENT_COMMENT_MAX_LENGTH characters)
	 * @return ok, or why not ('exists' when we have endorsed it already)
	 */
	public async endorse( nomination: Nomination, comment: string ): Promise<{ ok: true } | WriteFailure> {
		const me = this.me;
		if ( !me ) {
			return failure( 'session', 'notloggedin', 'Log in to endorse' );
		}
		const nominee = nomination.record.nominee.kind === 'user' ? canonicalUserName( nomination.record.nominee.user ?? '' ) : null;
		if ( me === nominee || me === canonicalUserName( nomination.record.nominator ) ) {
			return failure( 'not-allowed', 'not-allowed', 'Nominees and nominators do not endorse their own nomination' );
		}
		if ( [ ...comment ].length > ENDORSEMENT_COMMENT_MAX_LENGTH ) {
			return failure( 'invalid', 'invalid-record', `comment: maxLength ${ ENDORSEMENT_COMMENT_MAX_LENGTH }` );
		}
		const text = JSON.stringify( { schema: ENDORSEMENT_SCHEMA, comment, time: apiTime( this.now() ) }, null, '\t' );
		const title = `${ nomination.title }/${ ENDORSEMENTS_FOLDER }/${ me }`;
		// Ours: the page that bears our name and that we last edited (the trust rule).
		const counts = async ( page: HeroPage ): Promise<boolean> => !!page.user &&
			canonicalUserName( page.user ) === me && parseEndorsement( page.content ) !== null;
		return this.mark( title, text, counts );
	}

	/**
	 * Celebrate a ready nomination: create <nomination>/Celebration, then post the
	 * message on the nominee's talk page. A talk page that cannot be written does not
	 * undo the celebration (talk: 'failed'; postTalk() tries again).
	 *
	 * @param nomination A ready nomination
	 * @param talk The message for the nominee's talk page (user nominees), or null
	 * @return ok and what became of the talk message, or why not
	 */
	public async celebrate( nomination: Nomination, talk: TalkMessage | null ):
	Promise<{ ok: true; talk: 'posted' | 'none' | 'failed' } | WriteFailure> {
		if ( !this.me ) {
			return failure( 'session', 'notloggedin', 'Log in to celebrate' );
		}
		if ( nomination.status === 'celebrated' ) {
			return failure( 'exists', 'exists', 'Already celebrated' );
		}
		if ( nomination.status !== 'ready' ) {
			return failure( 'not-ready', 'not-ready', `Nomination is ${ nomination.status }` );
		}
		let allowed: boolean;
		try {
			allowed = mayCelebrate( await this.myAccount(), this.options.policy );
		} catch ( e ) {
			return failureOf( asApiError( e ) );
		}
		if ( !allowed ) {
			return failure( 'not-allowed', 'not-allowed', 'Celebrating needs a right this account does not have' );
		}
		const text = JSON.stringify( { schema: CELEBRATION_SCHEMA, time: apiTime( this.now() ) }, null, '\t' );
		const marked = await this.mark( `${ nomination.title }/${ CELEBRATION_PAGE }`, text, async ( page ) => {
			const editor = canonicalUserName( page.user );
			return !!page.user && parseMark( page.content, 'celebration' ) !== null &&
				mayCelebrate( ( await this.readAccounts( [ editor ] ) ).get( editor ), this.options.policy );
		} );
		if ( !marked.ok ) {
			return marked;
		}
		if ( !talk ) {
			return { ok: true, talk: 'none' };
		}
		return { ok: true, talk: await this.postTalk( talk ) };
	}

	/**
	 * Post a message as a new section of a talk page, with bounded retries. Before
	 * sending again after a lost answer, the page's latest revisions are read: a
	 * revision of ours holding the message means it was posted, so it is never posted
	 * twice. Used by celebrate(); call it again when celebrate() answered talk: 'failed'.
	 *
	 * @param talk The message
	 * @return 'posted', or 'failed' (nothing more to know for the person: try later)
	 */
	public async postTalk( talk: TalkMessage ): Promise<'posted' | 'failed'> {
		const me = this.me;
		if ( !me ) {
			return 'failed';
		}
		const started = this.now();
		const sent = await this.writer.send( {
			action: 'edit',
			title: talk.title,
			section: 'new',
			sectiontitle: talk.sectionTitle,
			text: talk.text,
			assert: 'user',
		}, () => this.talkPosted( talk, me, started ) );
		return sent.ok ? 'posted' : 'failed';
	}

	/**
	 * @param talk A message
	 * @param me Our canonical name
	 * @param started When we started posting it
	 * @return Whether one of the talk page's latest revisions is ours and holds it
	 */
	private async talkPosted( talk: TalkMessage, me: string, started: number ): Promise<boolean> {
		const answer = await this.get( {
			action: 'query',
			titles: talk.title,
			prop: 'revisions',
			rvprop: [ 'ids', 'user', 'timestamp', 'content' ],
			rvslots: 'main',
			rvlimit: TALK_CHECK_REVISIONS,
		} );
		const page = answer.query && answer.query.pages && answer.query.pages[ 0 ];
		// The text as saved: the signature is expanded, the rest is kept as sent.
		const body = talk.text.endsWith( SIGNATURE ) ? talk.text.slice( 0, -SIGNATURE.length ).trimEnd() : talk.text;
		const heading = new RegExp( `^==\\s*${ talk.sectionTitle.replace( /[.*+?^${}()|[\]\\]/g, '\\$&' ) }\\s*==\\s*$`, 'm' );
		return ( ( page && page.revisions ) || [] ).some( ( rev: ApiResponse ) => {
			const content = rev.slots && rev.slots.main && rev.slots.main.content;
			return typeof rev.user === 'string' && canonicalUserName( rev.user ) === me &&
				Date.parse( String( rev.timestamp ) ) >= started - TALK_CLOCK_SKEW_MS &&
				typeof content === 'string' && content.includes( body ) && heading.test( content );
		} );
	}

	/**
	 * Decline a nomination: create <nomination>/Decline. The nominee may, and anyone who
	 * may celebrate (on behalf of a group or community, or to take down a nomination).
	 *
	 * @param nomination A nomination of the logged-in user (or, for a group or community, by a coordinator)
	 * @return ok, or why not
	 */
	public async decline( nomination: Nomination ): Promise<{ ok: true } | WriteFailure> {
		const me = this.me;
		if ( !me ) {
			return failure( 'session', 'notloggedin', 'Log in to decline' );
		}
		if ( nomination.status === 'declined' ) {
			return failure( 'exists', 'exists', 'Already declined' );
		}
		const nominee = nomination.record.nominee.kind === 'user' ? canonicalUserName( nomination.record.nominee.user ?? '' ) : null;
		const policy = this.options.policy;
		if ( me !== nominee ) {
			try {
				if ( !mayCelebrate( await this.myAccount(), policy ) ) {
					return failure( 'not-allowed', 'not-allowed', 'Only the nominee or a coordinator may decline' );
				}
			} catch ( e ) {
				return failureOf( asApiError( e ) );
			}
		}
		const text = JSON.stringify( { schema: DECLINE_SCHEMA, time: apiTime( this.now() ) }, null, '\t' );
		return this.mark( `${ nomination.title }/${ DECLINE_PAGE }`, text, async ( page ) => {
			const editor = canonicalUserName( page.user );
			return !!page.user && parseMark( page.content, 'decline' ) !== null && ( editor === nominee ||
				mayCelebrate( ( await this.readAccounts( [ editor ] ) ).get( editor ), policy ) );
		} );
	}

	/**
	 * @param nomination A nomination
	 * @return The account that created its page (the nominator as the wiki records it)
	 */
	public async creatorOf( nomination: Nomination ): Promise<string | null> {
		const answer = await this.get( {
			action: 'query',
			titles: nomination.title,
			prop: 'revisions',
			rvdir: 'newer',
			rvlimit: 1,
			rvprop: 'user',
		} );
		const page = answer.query && answer.query.pages && answer.query.pages[ 0 ];
		const rev = page && Array.isArray( page.revisions ) ? page.revisions[ 0 ] : undefined;
		return rev && typeof rev.user === 'string' ? rev.user : null;
	}

	/**
	 * Why creating a page failed: a content-model rate limit is told from a missing
	 * right (see writeFailureReason).
	 *
	 * @param error Why the create failed
	 * @return The failure for the person
	 */
	private async createFailure( error: ApiError ): Promise<WriteFailure> {
		return failure( await this.writer.failureKind( error ), error.code, error.message );
	}

	/** @return What the wiki says about the logged-in account (rights of this session) */
	private async myAccount(): Promise<AccountInfo | undefined> {
		const answer = await this.get( { action: 'query', meta: 'userinfo', uiprop: [ 'groups', 'rights' ] } );
		const info = answer.query && answer.query.userinfo;
		if ( !info || info.anon ) {
			return undefined;
		}
		return {
			groups: Array.isArray( info.groups ) ? info.groups.map( String ) : [],
			rights: Array.isArray( info.rights ) ? info.rights.map( String ) : [],
		};
	}

	/**
	 * Create a page that marks something (endorsement, celebration, decline). When the
	 * page exists: 'exists' if it counts as ours already (see `counts`), else it is in
	 * the way without counting (made by someone else, or not valid) and is taken over
	 * by an edit based on its current revision.
	 *
	 * @param title Full title
	 * @param text Page content
	 * @param counts Whether an existing page already counts as what we want to mark
	 * @return ok, or why not
	 */
	private async mark(
		title: string,
		text: string,
		counts: ( page: HeroPage ) => Promise<boolean>,
	): Promise<{ ok: true } | WriteFailure> {
		try {
			const outcome = await this.create( title, text, ( page ) => this.byMe( page ) );
			if ( outcome.status === 'saved' ) {
				return { ok: true };
			}
			if ( outcome.status === 'failed' ) {
				return await this.createFailure( outcome.error );
			}
			const page = outcome.page ? heroPageOf( outcome.page ) : await this.readPage( title );
			if ( !page || await counts( page ) ) {
				return failure( 'exists', 'articleexists', title );
			}
			return await this.takeOver( title, text, page, counts );
		} catch ( e ) {
			return failureOf( asApiError( e ) );
		}
	}

	/**
	 * @param page A page
	 * @param page.user The author of its latest revision, where known
	 * @return Whether its latest revision is by the logged-in account
	 */
	private byMe( page: { user?: string } ): boolean {
		return !!page.user && canonicalUserName( page.user ) === this.me;
	}

	/**
	 * Replace a page that is in the way (see mark()), from its current revision: if
	 * someone changes it meanwhile, this is an edit conflict, never an overwrite. After a
	 * conflict the page is read again: if it now counts, 'exists'; if it is still in the
	 * way, it is taken over once more from the new revision (once: a page that keeps
	 * changing is reported, not fought over). A lost answer is settled by the writer: a
	 * newer revision of ours is the takeover.
	 *
	 * @param title Full title
	 * @param text Our content
	 * @param page The page as read
	 * @param counts Whether a page counts as what we want to mark (see mark())
	 * @param retries Takeovers still allowed after an edit conflict
	 * @return ok, or why not
	 */
	private async takeOver(
		title: string,
		text: string,
		page: HeroPage,
		counts: ( page: HeroPage ) => Promise<boolean>,
		retries = 1,
	): Promise<{ ok: true } | WriteFailure> {
		const result = await this.writer.edit( { title, text }, page, page.timestamp, {
			ours: ( found ) => this.byMe( found ),
			settleLastFailure: true,
		} );
		if ( result.status !== 'failed' ) {
			return { ok: true };
		}
		const error = result.error;
		if ( error.code !== 'editconflict' ) {
			return failureOf( error );
		}
		const now = await this.readPage( title ).catch( () => null );
		if ( now && this.byMe( now ) && now.revid !== page.revid ) {
			return { ok: true };
		}
		if ( !now ) {
			return failure( 'unknown', 'editconflict', title );
		}
		if ( await counts( now ) ) {
			return failure( 'exists', 'editconflict', title );
		}
		if ( retries > 0 && now.revid !== page.revid ) {
			return this.takeOver( title, text, now, counts, retries - 1 );
		}
		return failure( 'unknown', 'editconflict', title );
	}

	/**
	 * Create a page through the one write path: createonly, retried when that is safe, a
	 * lost answer settled by reading the page (ours, see `ours`, is a success; anyone
	 * else's is 'exists'). Never creates two pages, never overwrites.
	 *
	 * @param title Full title
	 * @param text Page content (JSON)
	 * @param ours Whether a page found there is the one we made
	 * @return What happened
	 */
	private create( title: string, text: string, ours: ( page: HeroPage ) => boolean ): Promise<CreateResult> {
		return this.writer.create( { title, text }, {
			ours: ( page ) => ours( heroPageOf( page ) ),
			settleLastFailure: true,
		} );
	}

	/**
	 * @param title Full title
	 * @return The page's latest revision, or null when there is none
	 */
	private async readPage( title: string ): Promise<HeroPage | null> {
		const { page } = await readPage( this.get, title );
		return page && heroPageOf( page );
	}
}
