/**
 * Reads and writes the community-heroes pages on one wiki (see
 * ../domain/schema/nominationSchema.ts for the pages): every page under
 * <root>/Heroes/ read in batches, the accounts whose authority matters checked with
 * list=users, and writes that need an account made with assert=user and createonly.
 *
 * SKELETON: the signatures are the contract the components code against; the bodies
 * are written next (issue 6).
 */
import { ActionApi } from './ActionApi';
import { RetryOptions } from './retry';
import { DraftReason } from './partnershipRepository';
import { PageLocation } from '../domain/pageLocation';
import { CelebratePolicy, HeroesResult, Nomination, NominationRecord } from '../domain/heroes';

/** A nomination as the form fills it in; the repository adds schema, nominator and time. */
export type NominationInput = Omit<NominationRecord, 'schema' | 'nominator' | 'created'>;

/** A message for a nominee's talk page, built from escaped parts (../domain/talkMessage.ts). */
export interface TalkMessage {
	/** e.g. "User talk:Alice" */
	title: string;
	sectionTitle: string;
	text: string;
}

export type WriteFailure = {
	ok: false;
	/**
	 * The kinds of DraftReason, and: 'exists' (already endorsed / celebrated / declined),
	 * 'not-ready' (too few endorsements to celebrate), 'not-allowed' (no right to do it),
	 * 'nouser' (the nominee's account does not exist)
	 */
	reason: DraftReason | 'not-ready' | 'not-allowed' | 'nouser';
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

export class HeroesRepository {
	public constructor( public readonly options: HeroesRepositoryOptions ) {}

	/** @return Full title of the heroes folder, e.g. "Project:Partnerships/Heroes" (namespace name from the API) */
	public folderTitle(): Promise<string> {
		throw new Error( 'not implemented' );
	}

	/** @return Every nomination under the folder, assembled and checked */
	public load(): Promise<HeroesResult> {
		throw new Error( 'not implemented' );
	}

	/**
	 * @param _name A user name as typed
	 * @return Whether the account exists, and its canonical name
	 */
	public checkUser( _name: string ): Promise<{ exists: boolean; name: string }> {
		throw new Error( 'not implemented' );
	}

	/**
	 * @param _input The nomination
	 * @return Its id and title once created
	 */
	public nominate( _input: NominationInput ): Promise<{ ok: true; id: string; title: string } | WriteFailure> {
		throw new Error( 'not implemented' );
	}

	/**
	 * @param _nomination The nomination
	 * @param _comment Optional comment
	 */
	public endorse( _nomination: Nomination, _comment: string ): Promise<{ ok: true } | WriteFailure> {
		throw new Error( 'not implemented' );
	}

	/**
	 * @param _nomination A ready nomination
	 * @param _talk The message for the nominee's talk page (user nominees), or null
	 */
	public celebrate( _nomination: Nomination, _talk: TalkMessage | null ):
	Promise<{ ok: true; talk: 'posted' | 'none' | 'failed' } | WriteFailure> {
		throw new Error( 'not implemented' );
	}

	/** @param _nomination A nomination of the logged-in user (or, for a group or community, by a coordinator) */
	public decline( _nomination: Nomination ): Promise<{ ok: true } | WriteFailure> {
		throw new Error( 'not implemented' );
	}

	/**
	 * @param _nomination A nomination
	 * @return The account that created its page (the nominator as the wiki records it)
	 */
	public creatorOf( _nomination: Nomination ): Promise<string | null> {
		throw new Error( 'not implemented' );
	}
}
