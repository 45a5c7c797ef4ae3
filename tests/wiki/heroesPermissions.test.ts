// The wiki itself refuses forged and voiding edits of community-hero pages (issue 13,
// item 2), on the extension wiki, through raw API edits as anyone could make them:
// Mallory (an ordinary account), an IP editor and even an administrator are refused
// where the pages say someone else acted, and the legitimate edits still work.
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { createUsers } from '../../scripts/wiki/harness';
import { generateManifest } from '../../scripts/extension-json';
import { ApiError } from '../../src/shared/api/ActionApi';
import { HttpActionApi } from '../../src/shared/api/HttpActionApi';
import type { WikiInfo } from './globalSetup';

const wikis = inject( 'wikis' );
/** Unique per run, so that reruns on the same wiki do not collide */
const RUN = `p${ Date.now().toString( 36 ) }`;
const FOLDER = 'Project:Partnerships/Heroes';
const MALLORY = 'Perm mallory';
const ENDORSER = 'Perm endorser';
const NOMINEE = 'Perm nominee';
const COORDINATOR = 'Perm coordinator';
const password = ( name: string ): string => `partnerships-dev-${ name.replace( / /g, '-' ) }-1`;

type Outcome = { ok: true } | { ok: false; code: string };

/**
 * A raw edit, as anyone could make it with the Action API.
 *
 * @param api Whose session
 * @param title Page
 * @param content JSON content
 * @return Whether the wiki saved it, else the API's error code
 */
async function edit( api: HttpActionApi, title: string, content: unknown ): Promise<Outcome> {
	try {
		const answer = await api.postWithEditToken( {
			action: 'edit', title, text: JSON.stringify( content, null, '\t' ), contentmodel: 'json',
		} );
		expect( answer.edit.result ).toBe( 'Success' );
		return { ok: true };
	} catch ( e ) {
		if ( e instanceof ApiError ) {
			return { ok: false, code: e.code };
		}
		throw e;
	}
}

async function login( wiki: WikiInfo, name: string, pass: string ): Promise<HttpActionApi> {
	const api = new HttpActionApi( wiki.api, 'Partnerships-tests/0.1' );
	await api.clientLogin( name, pass );
	return api;
}

async function revisions( api: HttpActionApi, title: string ): Promise<{ user: string; revid: number }[]> {
	const answer = await api.get( { action: 'query', titles: title, prop: 'revisions', rvprop: [ 'user', 'ids' ], rvlimit: 50 } );
	return answer.query.pages[ 0 ].revisions ?? [];
}

const nomination = ( user: string, nominator: string, citation = 'For years of patient organising, mentoring and welcoming newcomers.' ): unknown => ( {
	schema: 'nomination/1',
	nominee: { kind: 'user', user },
	category: 'volunteer',
	citation,
	partnerships: [],
	regions: [],
	languages: [],
	nominator,
	created: '2026-11-01T00:00:00Z',
} );
const endorsement = ( comment = '' ): unknown => ( { schema: 'endorsement/1', comment, time: '2026-11-02T00:00:00Z' } );
const mark = ( kind: 'celebration' | 'decline' ): unknown => ( { schema: `${ kind }/1`, time: '2026-11-03T00:00:00Z' } );

describe( 'the extension manifest', () => {
	it( 'is committed as generated, with the permission hooks (run `npx tsx scripts/extension-json.ts`)', () => {
		const committed = JSON.parse( readFileSync( 'extension/extension.json', 'utf8' ) );
		expect( committed ).toEqual( generateManifest( JSON.parse( JSON.stringify( committed ) ) ) );
		expect( committed.Hooks.getUserPermissionsErrors ).toBe( 'heroesPermissions' );
		expect( committed.Hooks.getUserPermissionsErrorsExpensive ).toBe( 'heroesPermissions' );
	} );
} );

describe( 'who may edit community-hero pages, enforced by the extension wiki', () => {
	const wiki = wikis.ext;
	let alice: HttpActionApi;
	let mallory: HttpActionApi;
	let endorser: HttpActionApi;
	let nominee: HttpActionApi;
	let coordinator: HttpActionApi;
	let admin: HttpActionApi;
	let anonymous: HttpActionApi;
	const title = `${ FOLDER }/${ RUN }-nominee`;

	beforeAll( async () => {
		await createUsers( wiki.site, [
			{ username: MALLORY, password: password( MALLORY ) },
			{ username: ENDORSER, password: password( ENDORSER ) },
			{ username: NOMINEE, password: password( NOMINEE ) },
			{ username: COORDINATOR, password: password( COORDINATOR ), groups: [ 'partnership-coordinator' ] },
		] );
		const alicePassword = wiki.accounts.users.find( ( u ) => u.username === 'Alice' )?.password ?? '';
		alice = await login( wiki, 'Alice', alicePassword );
		mallory = await login( wiki, MALLORY, password( MALLORY ) );
		endorser = await login( wiki, ENDORSER, password( ENDORSER ) );
		nominee = await login( wiki, NOMINEE, password( NOMINEE ) );
		coordinator = await login( wiki, COORDINATOR, password( COORDINATOR ) );
		admin = await login( wiki, wiki.accounts.admin.username, wiki.accounts.admin.password );
		anonymous = new HttpActionApi( wiki.api, 'Partnerships-tests/0.1' );
	} );

	it( 'lets only the nominator change a nomination, and nobody once it is endorsed', async () => {
		expect( await edit( alice, title, nomination( NOMINEE, 'Alice' ) ) ).toEqual( { ok: true } );
		// Mallory rewrites the nominee (or the nominator) before anyone endorsed it.
		expect( await edit( mallory, title, nomination( MALLORY, 'Alice' ) ) )
			.toEqual( { ok: false, code: 'partnerships-permission-heroes-nomination-author' } );
		expect( await edit( admin, title, nomination( MALLORY, 'Alice' ) ) )
			.toEqual( { ok: false, code: 'partnerships-permission-heroes-nomination-author' } );
		// The nominator may still correct it.
		expect( await edit( alice, title, nomination( NOMINEE, 'Alice', 'For years of patient organising, mentoring and welcoming many newcomers.' ) ) )
			.toEqual( { ok: true } );

		expect( await edit( endorser, `${ title }/Endorsements/${ ENDORSER }`, endorsement( 'Yes!' ) ) ).toEqual( { ok: true } );
		// After the first endorsement, not even the nominator rewrites it.
		for ( const who of [ alice, mallory, admin ] ) {
			expect( await edit( who, title, nomination( MALLORY, 'Alice' ) ) )
				.toEqual( { ok: false, code: 'partnerships-permission-heroes-nomination-locked' } );
		}
		const history = await revisions( anonymous, title );
		expect( history.map( ( r ) => r.user ) ).toEqual( [ 'Alice', 'Alice' ] );
	} );

	it( 'lets only the named account write an endorsement', async () => {
		// Forging an endorsement in someone's name, and voiding one with a small edit.
		expect( await edit( mallory, `${ title }/Endorsements/Alice`, endorsement( 'forged' ) ) )
			.toEqual( { ok: false, code: 'partnerships-permission-heroes-endorsement' } );
		expect( await edit( mallory, `${ title }/Endorsements/${ ENDORSER }`, endorsement( 'Yes! ' ) ) )
			.toEqual( { ok: false, code: 'partnerships-permission-heroes-endorsement' } );
		expect( await edit( admin, `${ title }/Endorsements/${ ENDORSER }`, endorsement( 'Yes! ' ) ) )
			.toEqual( { ok: false, code: 'partnerships-permission-heroes-endorsement' } );
		// The account itself may, its own page; the first letter as the wiki writes it.
		expect( await edit( endorser, `${ title }/Endorsements/${ ENDORSER }`, endorsement( 'Yes, really.' ) ) ).toEqual( { ok: true } );
		expect( await edit( mallory, `${ title }/Endorsements/${ MALLORY.replace( 'P', 'p' ).replace( / /g, '_' ) }`, endorsement() ) )
			.toEqual( { ok: true } );
		expect( ( await revisions( anonymous, `${ title }/Endorsements/${ ENDORSER }` ) ).map( ( r ) => r.user ) )
			.toEqual( [ ENDORSER, ENDORSER ] );
	} );

	it( 'refuses IP editors everything under the heroes folder', async () => {
		for ( const page of [ `${ title }/Endorsements/127.0.0.1`, `${ FOLDER }/${ RUN }-by-ip`, `${ title }/Decline` ] ) {
			const outcome = await edit( anonymous, page, page.endsWith( 'ip' ) ? nomination( NOMINEE, '127.0.0.1' ) : endorsement() );
			expect( outcome, page ).toEqual( { ok: false, code: 'partnerships-permission-heroes-named' } );
		}
		const answer = await anonymous.get( { action: 'query', titles: [ `${ title }/Endorsements/127.0.0.1`, `${ FOLDER }/${ RUN }-by-ip` ] } );
		expect( answer.query.pages.every( ( p: { missing?: boolean } ) => p.missing ) ).toBe( true );
	} );

	it( 'lets only people who may celebrate write a celebration', async () => {
		expect( await edit( mallory, `${ title }/Celebration`, mark( 'celebration' ) ) )
			.toEqual( { ok: false, code: 'partnerships-permission-heroes-celebration' } );
		expect( await edit( alice, `${ title }/Celebration`, mark( 'celebration' ) ) )
			.toEqual( { ok: false, code: 'partnerships-permission-heroes-celebration' } );
		expect( await edit( coordinator, `${ title }/Celebration`, mark( 'celebration' ) ) ).toEqual( { ok: true } );
		// Nor may anyone else touch it afterwards.
		expect( await edit( mallory, `${ title }/Celebration`, { ...mark( 'celebration' ) as object, time: '2026-11-04T00:00:00Z' } ) )
			.toEqual( { ok: false, code: 'partnerships-permission-heroes-celebration' } );
		// A sysop may (sysop has the right by default).
		expect( await edit( admin, `${ title }/Celebration`, mark( 'celebration' ) ) ).toEqual( { ok: true } );
	} );

	it( 'lets only the nominee or a celebrator decline', async () => {
		expect( await edit( mallory, `${ title }/Decline`, mark( 'decline' ) ) )
			.toEqual( { ok: false, code: 'partnerships-permission-heroes-decline' } );
		expect( await edit( alice, `${ title }/Decline`, mark( 'decline' ) ) )
			.toEqual( { ok: false, code: 'partnerships-permission-heroes-decline' } );
		expect( await edit( nominee, `${ title }/Decline`, mark( 'decline' ) ) ).toEqual( { ok: true } );
		// Voiding the nominee's decline with an edit.
		expect( await edit( mallory, `${ title }/Decline`, { ...mark( 'decline' ) as object, time: '2026-11-05T00:00:00Z' } ) )
			.toEqual( { ok: false, code: 'partnerships-permission-heroes-decline' } );
		// For a group, someone who may celebrate declines on its behalf.
		const group = `${ FOLDER }/${ RUN }-group`;
		expect( await edit( mallory, group, { ...nomination( NOMINEE, MALLORY ) as object, nominee: { kind: 'group', name: `${ RUN } group` } } ) )
			.toEqual( { ok: true } );
		expect( await edit( mallory, `${ group }/Decline`, mark( 'decline' ) ) )
			.toEqual( { ok: false, code: 'partnerships-permission-heroes-decline' } );
		expect( await edit( coordinator, `${ group }/Decline`, mark( 'decline' ) ) ).toEqual( { ok: true } );
	} );

	it( 'refuses other pages under a nomination, pages under none, and moves', async () => {
		expect( await edit( mallory, `${ title }/Endorsements`, endorsement() ) )
			.toEqual( { ok: false, code: 'partnerships-permission-heroes-unknown' } );
		expect( await edit( mallory, `${ title }/Notes`, endorsement() ) )
			.toEqual( { ok: false, code: 'partnerships-permission-heroes-unknown' } );
		expect( await edit( mallory, `${ title }/Endorsements/${ MALLORY }/x`, endorsement() ) )
			.toEqual( { ok: false, code: 'partnerships-permission-heroes-unknown' } );
		// Endorsements made ready before the nomination exists (then Mallory nominates).
		const ahead = `${ FOLDER }/${ RUN }-ahead`;
		expect( await edit( mallory, `${ ahead }/Endorsements/${ MALLORY }`, endorsement() ) )
			.toEqual( { ok: false, code: 'partnerships-permission-heroes-no-nomination' } );

		let moved: Outcome;
		try {
			await admin.postWithEditToken( { action: 'move', from: `${ title }/Endorsements/${ ENDORSER }`, to: `${ title }/Endorsements/${ ENDORSER } 2` } );
			moved = { ok: true };
		} catch ( e ) {
			moved = { ok: false, code: e instanceof ApiError ? e.code : String( e ) };
		}
		expect( moved ).toEqual( { ok: false, code: 'partnerships-permission-heroes-move' } );
	} );
} );
