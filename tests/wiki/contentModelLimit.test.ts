// Creating records on the gadgets wiki, where record pages are wikitext by default: each
// create is a content-model change, which MediaWiki rate-limits for ordinary accounts and
// then refuses with `cantchangecontentmodel`, the code of a missing right. The repository
// must call it a rate limit. A fresh account is used, so no other test's limit is spent.
import { afterAll, describe, expect, inject, it } from 'vitest';
import { HttpActionApi } from '../../src/shared/api/HttpActionApi';
import { MemoryDraftStore } from '../../src/shared/wiki/drafts';
import { PartnershipRepository, SaveOutcome, draftKey } from '../../src/knowledge/data/partnershipRepository';
import { normalisePartnership } from '../../src/knowledge/domain/partnership';

const wiki = inject( 'wikis' ).gadgets;
const root = { namespace: 4, title: 'Partnerships' };
const RUN = `cm-limit-${ Date.now() }`;
const created: string[] = [];

/**
 * @param name New account name
 * @param password Its password
 * @return A client logged in as that new account
 */
async function newAccount( name: string, password: string ): Promise<HttpActionApi> {
	const api = new HttpActionApi( wiki.api, 'Partnerships-tests/0.1' );
	const token = await api.token( 'createaccount' );
	const answer = await api.post( {
		action: 'createaccount', username: name, password, retype: password, createtoken: token,
		createreturnurl: 'http://127.0.0.1/',
	} );
	expect( answer.createaccount, JSON.stringify( answer ) ).toMatchObject( { status: 'PASS' } );
	const session = new HttpActionApi( wiki.api, 'Partnerships-tests/0.1' );
	await session.clientLogin( name, password );
	return session;
}

afterAll( async () => {
	const admin = new HttpActionApi( wiki.api );
	await admin.login( wiki.accounts.admin.botUsername, wiki.accounts.admin.botPassword );
	for ( const title of created ) {
		await admin.postWithEditToken( { action: 'delete', title, reason: 'Content-model limit test clean-up' } );
	}
} );

describe( 'creating records on the gadgets wiki', () => {
	it( 'calls the content-model rate limit a rate limit, not a missing permission, and keeps the draft', async () => {
		const name = `Limit${ Date.now() }`;
		const api = await newAccount( name, `partnerships-test-${ name }-pw` );
		const rights = await api.get( { action: 'query', meta: 'userinfo', uiprop: 'rights' } );
		expect( rights.query.userinfo.rights ).toContain( 'editcontentmodel' );

		const drafts = new MemoryDraftStore();
		// No retries: the limit lasts a minute.
		const repo = new PartnershipRepository( { api, root, drafts, userName: name, retry: { attempts: 1 } } );
		let refused: Extract<SaveOutcome, { status: 'draft' }> | null = null;
		let id = '';
		for ( let i = 0; i < 30 && !refused; i++ ) {
			id = `${ RUN }-${ i }`;
			const record = normalisePartnership( {
				schema: 'partnership/1', name: `Limit test ${ i }`, partners: [ { label: 'P' } ], type: 'other', status: 'proposed',
			} );
			const outcome = await repo.save( { id, record, base: null } );
			if ( outcome.status === 'saved' ) {
				created.push( outcome.entry.title );
			} else {
				expect( outcome.status ).toBe( 'draft' );
				refused = outcome as Extract<SaveOutcome, { status: 'draft' }>;
			}
		}
		expect( created.length ).toBeGreaterThan( 0 );
		expect( refused ).toMatchObject( { status: 'draft', reason: 'ratelimited', code: 'cantchangecontentmodel' } );
		expect( drafts.get( draftKey( root, id ) ) ).toMatchObject( { id, lastError: 'cantchangecontentmodel' } );
		await expect( api.get( { action: 'query', titles: `Project:Partnerships/Records/${ id }` } ) )
			.resolves.toMatchObject( { query: { pages: [ { missing: true } ] } } );
	} );
} );
