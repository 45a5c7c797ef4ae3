/**
 * Saving one record so that nobody is overwritten silently: up to three edit rounds, each
 * from a base revision. An edit conflict is merged by field (mergePartnerships) and saved
 * again, or handed to the person when the same field changed on both sides. A line merge
 * that MediaWiki made on its own, or an overwrite it let through, is detected after the
 * save and corrected with a follow-up edit.
 */
import { ApiError } from '../../shared/api/ActionApi';
import { FailureKind, failureKind } from '../../shared/wiki/failures';
import { PageRevision, readPage, readRevisions } from '../../shared/wiki/jsonPages';
import { PageWriter } from '../../shared/wiki/pageWriter';
import { ParseResult, Partnership, parsePartnership, serializePartnership } from '../domain/partnership';
import { FieldConflict, mergePartnerships } from '../domain/merge';
import { RecordEntry, RecordSync } from './recordSync';
import { RecordTitles, isValidRecordId } from './recordTitles';

/** Edit rounds in one save: the first, and re-saves after merges. */
const MAX_EDIT_ROUNDS = 3;

/** A revision of a record, as a save starts from it or finds it. */
export interface RecordRevision {
	revid: number;
	timestamp: string;
	user?: string;
	record: Partnership;
}

export interface SaveRequest {
	/** Record id (page name after Records/) */
	id: string;
	/** The record to write */
	record: Partnership;
	/** The revision the edit started from; null to create a new record */
	base: { revid: number; timestamp: string; record: Partnership } | null;
	/** Edit summary */
	summary?: string;
}

export type SaveOutcome =
	{ status: 'saved'; entry: RecordEntry; merged: boolean; attempts: number } |
	{ status: 'conflict'; conflicts: FieldConflict[]; merged: Partnership; theirs: RecordRevision } |
	{ status: 'draft'; reason: FailureKind; code: string; message: string };

/**
 * @param error Why a save failed
 * @param reason Its kind, when known better than from the error alone
 * @return The outcome that keeps the draft
 */
export function draft( error: ApiError, reason: FailureKind = failureKind( error ) ): SaveOutcome {
	return { status: 'draft', reason, code: error.code, message: error.message };
}

function sameRecord( a: Partnership, b: Partnership ): boolean {
	return serializePartnership( a ) === serializePartnership( b );
}

function revisionOf( page: PageRevision ): Omit<RecordRevision, 'record'> {
	return page.user === undefined ?
		{ revid: page.revid, timestamp: page.timestamp } :
		{ revid: page.revid, timestamp: page.timestamp, user: page.user };
}

/** The current revision of a page as a save reads it. */
interface Current {
	page: PageRevision;
	parsed: ParseResult;
	/** Server time of the read (curtimestamp) */
	readAt: string | undefined;
}

export interface RecordSaverOptions {
	writer: PageWriter;
	titles: RecordTitles;
	/** Where saved pages are remembered */
	sync: RecordSync;
}

/**
 * Saves records through the one write path for JSON pages.
 */
export class RecordSaver {
	private readonly writer: PageWriter;

	private readonly titles: RecordTitles;

	private readonly sync: RecordSync;

	/**
	 * @param options The writer, the record titles, and the snapshot to keep up to date
	 */
	public constructor( options: RecordSaverOptions ) {
		this.writer = options.writer;
		this.titles = options.titles;
		this.sync = options.sync;
	}

	/**
	 * @param request What to save, and from which revision
	 * @return What happened (throws only when a read fails)
	 */
	public async save( request: SaveRequest ): Promise<SaveOutcome> {
		if ( !isValidRecordId( request.id ) ) {
			return { status: 'draft', reason: 'invalid', code: 'invalid-id', message: request.id };
		}
		const checked = parsePartnership( serializePartnership( request.record ) );
		if ( !checked.ok ) {
			return { status: 'draft', reason: 'invalid', code: 'invalid-record', message: checked.detail };
		}
		const title = await this.titles.titleOf( request.id, this.writer.read );
		let ours = checked.record;
		let base: RecordRevision | null = request.base;
		let start = request.base ? this.sync.readTime( title, request.base ) : undefined;
		let merged = false;
		const count = { attempts: 0 };
		const holdsOurs = ( page: PageRevision ): boolean => {
			const parsed = parsePartnership( page.content );
			return parsed.ok && sameRecord( parsed.record, ours );
		};

		for ( let round = 0; round < MAX_EDIT_ROUNDS; round++ ) {
			const write = { title, text: serializePartnership( ours ), summary: request.summary };
			// Safe to send again: a create that landed comes back as articleexists and an
			// update that landed as a no-change edit, both recognised below.
			const result = base ?
				await this.writer.edit( write, base, start ) :
				await this.writer.create( write, { ours: holdsOurs } );
			count.attempts += result.attempts;

			if ( result.status === 'exists' ) {
				// Someone else's page, or ours from an earlier save whose answer was lost (a
				// lost answer of this save the writer has settled already: result.page).
				const current = result.page ? null : await this.readCurrent( title );
				if ( current && current.parsed.ok && sameRecord( current.parsed.record, ours ) ) {
					return this.saved( current.page, merged, count.attempts );
				}
				return draft( result.error );
			}
			if ( result.status === 'failed' ) {
				const e = result.error;
				// invalid-json-data for a valid record of ours: MediaWiki's line merge made
				// JSON that does not parse; merge by field instead.
				if ( base && ( e.code === 'editconflict' || e.code === 'invalid-json-data' ) ) {
					const current = await this.readCurrent( title );
					if ( !current ) {
						return { status: 'draft', reason: 'unknown', code: 'missingtitle', message: title };
					}
					if ( !current.parsed.ok ) {
						return { status: 'draft', reason: 'invalid', code: 'invalid-current', message: current.parsed.detail };
					}
					const theirs = { ...revisionOf( current.page ), record: current.parsed.record };
					const byField = mergePartnerships( base.record, theirs.record, ours );
					if ( byField.conflicts.length ) {
						return { status: 'conflict', conflicts: byField.conflicts, merged: byField.merged, theirs };
					}
					ours = byField.merged;
					base = theirs;
					start = current.readAt;
					merged = true;
					continue;
				}
				return draft( e, await this.writer.failureKind( e ) );
			}
			if ( result.status === 'nochange' ) {
				// The page already holds exactly our record: typically our own earlier
				// attempt, whose answer was lost before the retry. Still one revision.
				const current = await this.readCurrent( title );
				if ( current && current.parsed.ok && sameRecord( current.parsed.record, ours ) ) {
					return this.saved( current.page, merged, count.attempts );
				}
				return { status: 'draft', reason: 'unknown', code: 'nochange', message: title };
			}
			const saved = result.page;
			if ( !base || result.oldrevid === undefined || result.oldrevid === base.revid ) {
				return this.saved( saved, merged, count.attempts );
			}

			// The page changed after our base and MediaWiki saved anyway. Seen on 1.43 with
			// JSON pages: when the changes are on different lines it merges the texts itself
			// (diff3 on the tab-indented JSON) and answers Success; when every revision since
			// the base is by this same account, or was made in the same second as the base
			// revision (EditPage asks RevisionStore::userWasLastToEdit, which only looks at
			// revisions with rev_timestamp > basetimestamp), it sees no conflict at all and
			// simply overwrites them. Neither is our field merge, so what was saved is
			// checked against mergePartnerships( base, theirs, ours ), theirs being the
			// revision our edit replaced (oldrevid):
			// - equal: saved, merged.
			// - no field conflicts, but different: the field merge is saved as a follow-up
			//   edit on top (one more revision; an overwritten change comes back).
			// - field conflicts: the field merge, which holds their value on every
			//   conflicting field, is put back as a follow-up edit, so the page holds what an
			//   edit conflict would have left rather than our one-sided choice; then the
			//   conflicts go to the person, with that revision as "theirs".
			const revisions = await readRevisions( this.writer.read, [ result.oldrevid, saved.revid ] );
			const check = {
				theirs: revisions.find( ( r ) => r.revid === result.oldrevid ) ?? null,
				saved: revisions.find( ( r ) => r.revid === saved.revid ) ?? null,
			};
			const theirsParsed = check.theirs ? parsePartnership( check.theirs.content ) : null;
			const savedPage = check.saved ?? saved;
			const savedParsed = parsePartnership( savedPage.content );
			if ( !theirsParsed || !theirsParsed.ok ) {
				if ( savedParsed.ok && sameRecord( savedParsed.record, ours ) ) {
					return this.saved( savedPage, merged, count.attempts );
				}
				return { status: 'draft', reason: 'invalid', code: 'invalid-current', message: title };
			}
			const fieldMerge = mergePartnerships( base.record, theirsParsed.record, ours );
			const savedIsMerge = savedParsed.ok && sameRecord( savedParsed.record, fieldMerge.merged );
			if ( !fieldMerge.conflicts.length && savedIsMerge ) {
				return this.saved( savedPage, true, count.attempts );
			}
			const savedRevision: RecordRevision = {
				...revisionOf( savedPage ),
				record: savedParsed.ok ? savedParsed.record : fieldMerge.merged,
			};
			this.sync.remember( savedPage );
			if ( fieldMerge.conflicts.length ) {
				const theirs = savedIsMerge ?
					savedRevision :
					await this.putBack( title, fieldMerge.merged, savedRevision, request.summary, count );
				await this.sync.persist();
				// The revision to build on is the put-back one (ours), but "their" values are
				// those of the edit MediaWiki replaced: name its author.
				const author = check.theirs && check.theirs.user;
				return {
					status: 'conflict',
					conflicts: fieldMerge.conflicts,
					merged: fieldMerge.merged,
					theirs: author ? { ...theirs, user: author } : theirs,
				};
			}
			ours = fieldMerge.merged;
			base = savedRevision;
			start = savedPage.timestamp;
			merged = true;
		}
		return { status: 'draft', reason: 'unknown', code: 'editconflict', message: title };
	}

	/**
	 * After MediaWiki saved a revision that settles a field conflict one-sidedly: save
	 * the field merge (their value on every conflicting field) on top of it.
	 *
	 * @param title Full title
	 * @param record The field merge
	 * @param saved The revision MediaWiki made
	 * @param summary Edit summary
	 * @param count Edit requests made, updated
	 * @param count.attempts The count
	 * @return The revision the person's resolution is to be based on
	 */
	private async putBack(
		title: string,
		record: Partnership,
		saved: RecordRevision,
		summary: string | undefined,
		count: { attempts: number },
	): Promise<RecordRevision> {
		const text = serializePartnership( record );
		const result = await this.writer.edit( { title, text, summary }, saved, saved.timestamp );
		count.attempts += result.attempts;
		if ( result.status === 'saved' && result.oldrevid === saved.revid ) {
			this.sync.remember( result.page );
			return { ...revisionOf( result.page ), record };
		}
		// Someone else was quicker still: whatever is there now is "theirs".
		const current = await this.readCurrent( title );
		if ( current && current.parsed.ok ) {
			this.sync.remember( current.page );
			return { ...revisionOf( current.page ), record: current.parsed.record };
		}
		return saved;
	}

	private async saved( page: PageRevision, merged: boolean, attempts: number ): Promise<SaveOutcome> {
		// The page may have been read to settle a lost answer: it names the namespace.
		this.titles.learnNamespace( page.title );
		this.sync.remember( page );
		await this.sync.persist();
		return { status: 'saved', entry: this.sync.entryOf( page ), merged, attempts };
	}

	private async readCurrent( title: string ): Promise<Current | null> {
		const { page, readAt } = await readPage( this.writer.read, title );
		if ( !page ) {
			return null;
		}
		this.titles.learnNamespace( page.title );
		return { page, parsed: parsePartnership( page.content ), readAt };
	}
}
