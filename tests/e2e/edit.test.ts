// Creating and editing records in the panel, as logged-in people, on the real wiki:
// create → list → edit; another account editing the same record in between (disjoint
// fields merge, the same field goes to the person); and faults injected by a proxy on
// loopback between the browser and the wiki — every save lands exactly once or stays a
// draft with a clear message.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { TestBrowser, axe, screenshot } from './browser';
import { PartnershipsPanel, logIn } from './pages/PartnershipsPanel';
import { HttpActionApi } from '../../src/shared/api/HttpActionApi';
import { FaultProxy, startFaultProxy } from '../../scripts/lib/faultProxy';
import { loggedIn } from '../../scripts/lib/stack';

const wikis = inject( 'wikis' );
const wiki = wikis.ext;
const [ alice, bob ] = wiki.accounts.users;
const browser = new TestBrowser();
const created: string[] = [];
let admin: HttpActionApi;

const titleOf = ( id: string ): string => `Project:Partnerships/Records/${ id }`;

async function content( id: string ): Promise<Record<string, unknown>> {
	const answer = await admin.get( { action: 'query', titles: titleOf( id ), prop: 'revisions', rvprop: 'content', rvslots: 'main' } );
	return JSON.parse( answer.query.pages[ 0 ].revisions[ 0 ].slots.main.content );
}

async function revisions( id: string ): Promise<{ user: string; revid: number }[]> {
	const answer = await admin.get( { action: 'query', titles: titleOf( id ), prop: 'revisions', rvprop: [ 'user', 'ids' ], rvlimit: 'max' } );
	return answer.query.pages[ 0 ].revisions;
}

async function seed( id: string, fields: object = {} ): Promise<void> {
	await admin.postWithEditToken( {
		action: 'edit',
		title: titleOf( id ),
		text: JSON.stringify( { schema: 'partnership/1', name: `Record ${ id }`, partners: [ { label: 'Test museum' } ], type: 'glam', status: 'active', ...fields } ),
		summary: 'test',
		assert: 'user',
	} );
	created.push( titleOf( id ) );
}

/**
 * Open a record's edit form in the panel.
 *
 * @param page A logged-in page
 * @param base Wiki (or proxy) URL
 * @param id Record id
 */
async function openEditor( page: Page, base: string, id: string ): Promise<void> {
	const panel = new PartnershipsPanel( page, base );
	await panel.open( { query: { uselang: 'qqx' }, fragment: `edit=${ encodeURIComponent( id ) }` } );
	await page.getByLabel( '(partnerships-field-name)' ).waitFor();
}

async function save( page: Page ): Promise<void> {
	await page.getByRole( 'button', { name: '(partnerships-form-save)' } ).click();
}

async function savedOrError( page: Page ): Promise<'saved' | 'error'> {
	const saved = page.locator( '.partnerships-record__name' ).waitFor( { timeout: 60000 } ).then( () => 'saved' as const );
	const error = page.locator( '.partnerships-form__save-error' ).waitFor( { timeout: 60000 } ).then( () => 'error' as const );
	return Promise.race( [ saved, error ] );
}

beforeAll( async () => {
	await browser.launch();
	admin = new HttpActionApi( wiki.api );
	await admin.login( wiki.accounts.admin.botUsername, wiki.accounts.admin.botPassword );
} );

afterAll( async () => {
	for ( const title of created ) {
		await admin.postWithEditToken( { action: 'delete', title, reason: 'test clean-up' } ).catch( () => undefined );
	}
	await browser.close();
} );

describe( 'creating and editing', () => {
	it( 'creates a record with the form and the Wikidata lookup, lists it, and edits it', async () => {
		const { page, context, errors } = await browser.newPage();
		await logIn( page, wiki.url, alice.username, alice.password );
		const panel = new PartnershipsPanel( page, wiki.url );
		await panel.open( { query: { uselang: 'qqx' } } );
		await page.getByRole( 'button', { name: '(partnerships-new)' } ).click();
		const name = `Rijksmuseum Wikidata sprint ${ Date.now() }`;
		await page.getByLabel( '(partnerships-field-name)' ).fill( name );
		const partner = page.getByLabel( '(partnerships-form-partner: 1)' );
		await partner.fill( 'rijks' );
		await page.getByRole( 'option', { name: /Rijksmuseum/ } ).first().click();
		await page.getByLabel( '(partnerships-field-type)' ).click();
		await page.getByRole( 'option', { name: '(partnerships-type-glam)' } ).click();
		await page.getByLabel( '(partnerships-field-status)' ).click();
		await page.getByRole( 'option', { name: '(partnerships-status-proposed)' } ).click();
		const violations = await axe( page, '.partnerships-form' );
		expect( violations, JSON.stringify( violations, null, 1 ) ).toEqual( [] );
		await screenshot( page, 'form-create' );
		await save( page );
		expect( await savedOrError( page ) ).toBe( 'saved' );
		expect( await page.locator( '.partnerships-record__name' ).textContent() ).toContain( name );
		const id = decodeURIComponent( ( await panel.fragment() ).replace( /^record=/, '' ) );
		created.push( titleOf( id ) );
		const stored = await content( id );
		expect( stored ).toMatchObject( { name, type: 'glam', status: 'proposed', partners: [ { label: 'Rijksmuseum', wikidata: 'Q190804' } ] } );

		// Listed.
		await page.getByText( '(partnerships-back-to-list)' ).click();
		await panel.search( name );
		await expect.poll( () => panel.names() ).toEqual( [ name ] );

		// Edited.
		await panel.openRecord( name );
		await page.getByRole( 'button', { name: '(partnerships-edit)' } ).click();
		await page.getByLabel( '(partnerships-field-lessons-advice)' ).fill( 'Start with a small pilot.' );
		await save( page );
		expect( await savedOrError( page ) ).toBe( 'saved' );
		expect( await content( id ) ).toMatchObject( { name, lessons: { advice: 'Start with a small pilot.' } } );
		expect( ( await revisions( id ) ).map( ( r ) => r.user ) ).toEqual( [ alice.username, alice.username ] );
		expect( errors ).toEqual( [] );
		await context.close();
	} );

	it( 'creates a record with the gadgets too, as a JSON page', async () => {
		const gw = wikis.gadgets;
		const [ carol ] = gw.accounts.users.slice( 2 );
		const { page, context, errors } = await browser.newPage();
		await logIn( page, gw.url, carol.username, carol.password );
		const panel = new PartnershipsPanel( page, gw.url, 'Project:Partnerships' );
		await panel.open( { query: { uselang: 'qqx' }, fragment: 'new' } );
		const name = `Gadget-made partnership ${ Date.now() }`;
		await page.getByLabel( '(partnerships-field-name)' ).fill( name );
		await page.getByLabel( '(partnerships-form-partner: 1)' ).fill( 'Národní knihovna' );
		await page.getByLabel( '(partnerships-field-type)' ).click();
		await page.getByRole( 'option', { name: '(partnerships-type-library-data)' } ).click();
		await page.getByLabel( '(partnerships-field-status)' ).click();
		await page.getByRole( 'option', { name: '(partnerships-status-discussion)' } ).click();
		await save( page );
		expect( await savedOrError( page ) ).toBe( 'saved' );
		const id = decodeURIComponent( ( await panel.fragment() ).replace( /^record=/, '' ) );
		const gadgetAdmin = new HttpActionApi( gw.api );
		await gadgetAdmin.login( gw.accounts.admin.botUsername, gw.accounts.admin.botPassword );
		const answer = await gadgetAdmin.get( { action: 'query', titles: titleOf( id ), prop: 'revisions', rvprop: [ 'content', 'contentmodel', 'user' ], rvslots: 'main' } );
		const rev = answer.query.pages[ 0 ].revisions[ 0 ];
		expect( rev.user ).toBe( carol.username );
		expect( rev.slots.main.contentmodel ).toBe( 'json' );
		expect( JSON.parse( rev.slots.main.content ) ).toMatchObject( { name, partners: [ { label: 'Národní knihovna' } ], type: 'library-data' } );
		await gadgetAdmin.postWithEditToken( { action: 'delete', title: titleOf( id ), reason: 'test clean-up' } );
		expect( errors ).toEqual( [] );
		await context.close();
	} );

	it( 'shows what is missing, inline, and saves nothing until it is fixed', async () => {
		const { page, context } = await browser.newPage();
		await logIn( page, wiki.url, alice.username, alice.password );
		const panel = new PartnershipsPanel( page, wiki.url );
		await panel.open( { query: { uselang: 'qqx' }, fragment: 'new' } );
		await page.getByLabel( '(partnerships-field-name)' ).waitFor();
		const edits: string[] = [];
		page.on( 'request', ( r ) => {
			if ( r.method() === 'POST' && ( r.postData() ?? '' ).includes( 'action=edit' ) ) {
				edits.push( r.url() );
			}
		} );
		await save( page );
		await page.locator( '.partnerships-form__summary' ).waitFor();
		// Each invalid field says why, beside it.
		expect( await page.locator( '.cdx-field__validation-message' ).count() ).toBeGreaterThan( 0 );
		expect( await page.locator( '.cdx-field__validation-message' ).first().textContent() ).toContain( '(partnerships-validation-' );
		await screenshot( page, 'form-invalid' );
		expect( edits ).toEqual( [] );
		await context.close();
	} );

	it( 'lays out fields side by side without overlap, their labels level', async () => {
		const { page, context } = await browser.newPage();
		await logIn( page, wiki.url, alice.username, alice.password );
		const panel = new PartnershipsPanel( page, wiki.url );
		await panel.open( { fragment: 'new' } );
		await page.getByLabel( 'Licence (optional)', { exact: true } ).waitFor();
		const rows = await page.locator( '.partnerships-form__columns' ).evaluateAll( ( all ) => all.map( ( row ) => {
			const box = row.getBoundingClientRect();
			return {
				right: box.right,
				fields: [ ...row.children ].map( ( field ) => {
					const f = field.getBoundingClientRect();
					const input = field.querySelector( 'input, .cdx-select-vue__handle, .cdx-select__handle' );
					const i = input ? input.getBoundingClientRect() : f;
					const label = field.querySelector( 'label, .cdx-label' );
					return { top: f.top, left: f.left, right: f.right, labelTop: label ? label.getBoundingClientRect().top : f.top, inputLeft: i.left, inputRight: i.right };
				} ),
			};
		} ) );
		expect( rows.length ).toBeGreaterThan( 0 );
		for ( const row of rows ) {
			const line = row.fields.filter( ( f ) => f.top === row.fields[ 0 ].top );
			expect( line.length, JSON.stringify( row ) ).toBeGreaterThan( 1 );
			for ( const f of row.fields ) {
				// Each input stays inside its own field, and the row inside the form.
				expect( f.inputLeft, JSON.stringify( row ) ).toBeGreaterThanOrEqual( f.left - 0.5 );
				expect( f.inputRight, JSON.stringify( row ) ).toBeLessThanOrEqual( f.right + 0.5 );
				expect( f.right ).toBeLessThanOrEqual( row.right + 0.5 );
			}
			expect( new Set( line.map( ( f ) => Math.round( f.labelTop ) ) ).size, JSON.stringify( row ) ).toBe( 1 );
		}
		await page.locator( '.partnerships-form__columns' ).last().scrollIntoViewIfNeeded();
		await screenshot( page, 'form-columns' );
		await context.close();
	} );
} );

describe( 'two people editing the same record', () => {
	it( 'merges disjoint fields, and gives the same field to the person, never overwriting', async () => {
		const id = `conflict-${ Date.now() }`;
		await seed( id, { lessons: { worked: '', didNotWork: '', advice: '' } } );
		const bobApi = await loggedIn( wiki, bob );
		const { page, context, errors } = await browser.newPage();
		await logIn( page, wiki.url, alice.username, alice.password );

		// Disjoint: Bob changes the status while Alice writes a lesson.
		await openEditor( page, wiki.url, id );
		const bobRecord = { ...( await content( id ) ), status: 'paused' };
		await bobApi.postWithEditToken( { action: 'edit', title: titleOf( id ), text: JSON.stringify( bobRecord ), summary: 'Bob', assert: 'user' } );
		await page.getByLabel( '(partnerships-field-lessons-worked)' ).fill( 'Weekly calls.' );
		await save( page );
		expect( await savedOrError( page ) ).toBe( 'saved' );
		expect( await content( id ) ).toMatchObject( { status: 'paused', lessons: { worked: 'Weekly calls.' } } );

		// Same field: both rename it. Alice is asked; she keeps hers; Bob's stays in history.
		await openEditor( page, wiki.url, id );
		const bobRenamed = { ...( await content( id ) ), name: 'Renamed by Bob' };
		await bobApi.postWithEditToken( { action: 'edit', title: titleOf( id ), text: JSON.stringify( bobRenamed ), summary: 'Bob renames', assert: 'user' } );
		await page.getByLabel( '(partnerships-field-name)' ).fill( 'Renamed by Alice' );
		await save( page );
		const conflicts = page.locator( '.partnerships-conflicts' );
		await conflicts.waitFor( { timeout: 60000 } );
		const text = await conflicts.textContent();
		expect( text ).toContain( 'Renamed by Bob' );
		expect( text ).toContain( 'Renamed by Alice' );
		// Their version is Bob's, and says so.
		expect( text ).toContain( `(partnerships-conflict-theirs-by: ${ bob.username })` );
		// The notice of the earlier save is gone.
		expect( await page.locator( '.partnerships-app__notice' ).count() ).toBe( 0 );
		expect( ( await content( id ) ).name ).toBe( 'Renamed by Bob' );
		const violations = await axe( page, '.partnerships-conflicts' );
		expect( violations, JSON.stringify( violations, null, 1 ) ).toEqual( [] );
		await screenshot( page, 'conflict' );
		await page.locator( '.partnerships-conflict' ).first().getByText( '(partnerships-conflict-ours)' ).click();
		await page.getByRole( 'button', { name: '(partnerships-conflict-resolve)' } ).click();
		expect( await savedOrError( page ) ).toBe( 'saved' );
		expect( await content( id ) ).toMatchObject( { name: 'Renamed by Alice', status: 'paused', lessons: { worked: 'Weekly calls.' } } );
		const users = ( await revisions( id ) ).map( ( r ) => r.user );
		expect( users.filter( ( u ) => u === bob.username ) ).toHaveLength( 2 );
		expect( errors ).toEqual( [] );
		await context.close();
	} );
} );

describe( 'faults between the browser and the wiki', () => {
	let proxy: FaultProxy;
	let page: Page;
	let closeContext: () => Promise<void>;
	const id = `faults-${ Date.now() }`;

	beforeAll( async () => {
		await seed( id );
		proxy = await startFaultProxy( { target: wiki.url } );
		const watched = await browser.newPage();
		page = watched.page;
		closeContext = () => watched.context.close();
		await logIn( page, proxy.url, alice.username, alice.password );
	} );

	afterAll( async () => {
		await closeContext();
		await proxy.close();
	} );

	const cases = [
		{ name: 'HTTP 503 twice', rule: { kind: 'http', status: 503 }, times: 2, lands: true },
		{ name: 'HTTP 429 with Retry-After', rule: { kind: 'http', status: 429, retryAfter: 1 }, times: 1, lands: true },
		{ name: 'a dropped connection', rule: { kind: 'drop' }, times: 1, lands: true },
		{ name: 'a lost answer after the edit landed', rule: { kind: 'drop-after-forward' }, times: 1, lands: true },
		{ name: 'a timeout', rule: { kind: 'timeout', ms: 1500 }, times: 1, lands: true },
		{ name: 'maxlag', rule: { kind: 'api-error', code: 'maxlag', retryAfter: 1 }, times: 1, lands: true },
		{ name: 'badtoken', rule: { kind: 'api-error', code: 'badtoken' }, times: 1, lands: true },
		{ name: 'ratelimited, more often than the retries', rule: { kind: 'api-error', code: 'ratelimited' }, times: 20, lands: false, reason: 'ratelimited' },
		{ name: 'a lost session', rule: { kind: 'api-error', code: 'assertuserfailed' }, times: 1, lands: false, reason: 'session' },
	] as const;

	it.each( cases )( '$name', async ( c ) => {
		const before = ( await revisions( id ) ).length;
		await openEditor( page, proxy.url, id );
		const advice = `Advice under ${ c.name }`;
		await page.getByLabel( '(partnerships-field-lessons-advice)' ).fill( advice );
		proxy.inject( { match: { method: 'POST', action: 'edit' }, times: c.times, fault: c.rule as never } );
		await save( page );
		const outcome = await savedOrError( page );
		proxy.clear();
		const after = await revisions( id );
		if ( c.lands ) {
			expect( outcome ).toBe( 'saved' );
			expect( after.length ).toBe( before + 1 );
			expect( ( await content( id ) ).lessons ).toMatchObject( { advice } );
		} else {
			expect( outcome ).toBe( 'error' );
			expect( await page.locator( '.partnerships-form__save-error' ).textContent() ).toContain( `(partnerships-save-error-${ c.reason })` );
			expect( after.length ).toBe( before );
			// The draft is kept in this browser, and the form still holds the text.
			const drafts = await page.evaluate( () => Object.keys( localStorage ).filter( ( k ) => k.startsWith( 'partnerships-draft:' ) ) );
			expect( drafts.length ).toBeGreaterThan( 0 );
			expect( await page.getByLabel( '(partnerships-field-lessons-advice)' ).inputValue() ).toBe( advice );
			await screenshot( page, `fault-${ c.reason }` );
			// The draft survives a reload of the page: the form offers it back.
			await page.reload();
			await page.getByLabel( '(partnerships-field-name)' ).waitFor();
			await page.locator( '.partnerships-form__draft' ).waitFor();
			await page.getByRole( 'button', { name: '(partnerships-form-draft-restore)' } ).click();
			expect( await page.getByLabel( '(partnerships-field-lessons-advice)' ).inputValue() ).toBe( advice );
			// Once the fault is gone, the same save lands, once.
			await save( page );
			expect( await savedOrError( page ) ).toBe( 'saved' );
			expect( ( await revisions( id ) ).length ).toBe( before + 1 );
			const left = await page.evaluate( () => Object.keys( localStorage ).filter( ( k ) => k.startsWith( 'partnerships-draft:' ) ) );
			expect( left ).toEqual( [] );
		}
	} );
} );
