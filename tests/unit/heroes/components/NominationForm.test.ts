import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { flushPromises, mount, VueWrapper } from '@vue/test-utils';
import { CdxSelect } from '@wikimedia/codex';
import NominationForm from '../../../../src/heroes/components/NominationForm.vue';
import { MemoryDraftStore } from '../../../../src/shared/wiki/drafts';
import { Nomination } from '../../../../src/heroes/domain/heroes';
import { FakeRepository, ServiceOverrides, fakeRepository, provideHeroes, nomination } from '../../../support/fakeHeroes';

const CITATION = 'Bob has mentored dozens of new editors over the years.';

function mountForm(
	services: ServiceOverrides = {},
	nominations: Nomination[] = [],
): VueWrapper {
	return mount( NominationForm, {
		props: { nominations, heroHref: ( id: string ) => `#hero=${ id }` },
		global: { provide: provideHeroes( services ).provide },
		attachTo: document.body,
	} );
}

function existing( ...names: string[] ): FakeRepository {
	const heroes = fakeRepository();
	heroes.checkUser.mockImplementation( ( name: string ) => Promise.resolve( {
		exists: names.includes( name.charAt( 0 ).toUpperCase() + name.slice( 1 ) ),
		name: name.charAt( 0 ).toUpperCase() + name.slice( 1 ),
	} ) );
	return heroes;
}

async function typeUser( wrapper: VueWrapper, name: string ): Promise<void> {
	await wrapper.find( '.partnerships-nominate__user input' ).setValue( name );
	await vi.advanceTimersByTimeAsync( 400 );
	await flushPromises();
}

async function fill( wrapper: VueWrapper, citation = CITATION ): Promise<void> {
	await typeUser( wrapper, 'bob' );
	wrapper.findComponent( CdxSelect ).vm.$emit( 'update:selected', 'mentor' );
	await wrapper.find( '.partnerships-nominate__citation textarea' ).setValue( citation );
}

const status = ( w: VueWrapper ): string => w.find( '.partnerships-nominate__user' ).text();

beforeEach( () => {
	vi.useFakeTimers();
} );
afterEach( () => {
	vi.useRealTimers();
	document.body.innerHTML = '';
} );

describe( 'NominationForm', () => {
	it( 'asks a logged-out reader to log in instead of showing the form', () => {
		const wrapper = mountForm( { userName: null } );
		expect( wrapper.find( 'form' ).exists() ).toBe( false );
		expect( wrapper.find( '.partnerships-nominate__logged-out a' ).attributes( 'href' ) )
			.toBe( '/wiki/Special:UserLogin?returnto=Heroes&returntoquery=heroesview%3Dnominate' );
	} );

	it( 'checks, once typing pauses, that the account exists', async () => {
		const heroes = existing( 'Bob' );
		const wrapper = mountForm( { heroes } );
		await wrapper.find( '.partnerships-nominate__user input' ).setValue( 'b' );
		await wrapper.find( '.partnerships-nominate__user input' ).setValue( 'bo' );
		expect( status( wrapper ) ).toContain( '(partnerships-heroes-user-checking)' );
		await typeUser( wrapper, 'bob' );
		expect( heroes.checkUser ).toHaveBeenCalledTimes( 1 );
		expect( status( wrapper ) ).toContain( '(partnerships-heroes-user-exists: \u2068Bob\u2069)' );
		await typeUser( wrapper, 'Nobody Here 12345' );
		expect( status( wrapper ) ).toContain( '(partnerships-heroes-user-missing: \u2068Nobody Here 12345\u2069)' );
		// Said once where it is seen (the field's error), the lookup's status only announced.
		const seen = wrapper.findAll( '.partnerships-nominate__user .cdx-message, .partnerships-nominate__user-status:not(.partnerships-nominate__user-status--repeated)' )
			.filter( ( el ) => el.text().includes( '(partnerships-heroes-user-missing: \u2068Nobody Here 12345\u2069)' ) );
		expect( seen ).toHaveLength( 1 );
		expect( wrapper.find( '.partnerships-nominate__user-status' ).text() ).toBe( '(partnerships-heroes-user-missing: \u2068Nobody Here 12345\u2069)' );
		await typeUser( wrapper, 'bob' );
		expect( wrapper.find( '.partnerships-nominate__user-status--repeated' ).exists() ).toBe( false );
	} );

	it( 'refuses to save a nomination of a missing account', async () => {
		const heroes = existing( 'Bob' );
		const wrapper = mountForm( { heroes } );
		await fill( wrapper );
		await typeUser( wrapper, 'Ghost' );
		await wrapper.find( 'form' ).trigger( 'submit' );
		await flushPromises();
		expect( heroes.nominate ).not.toHaveBeenCalled();
		expect( wrapper.find( '.partnerships-nominate__summary' ).text() ).toBe( '(partnerships-form-error-summary: 1)' );
	} );

	it.each( [
		[ 'too short', 'Too short.', '(partnerships-heroes-citation-bounds: 10, 30, 2000)' ],
		[ 'too long', 'x'.repeat( 2001 ), '(partnerships-heroes-citation-bounds: 2001, 30, 2000)' ],
		[ 'blank', ' '.repeat( 40 ), '(partnerships-heroes-citation-bounds: 0, 30, 2000)' ],
	] )( 'keeps the citation within its bounds: %s', async ( _, citation, error ) => {
		const heroes = existing( 'Bob' );
		const wrapper = mountForm( { heroes } );
		await fill( wrapper, citation );
		await wrapper.find( 'form' ).trigger( 'submit' );
		await flushPromises();
		expect( wrapper.find( '.partnerships-nominate__citation' ).text() ).toContain( error );
		expect( heroes.nominate ).not.toHaveBeenCalled();
	} );

	it( 'counts the citation\'s characters', async () => {
		const wrapper = mountForm( { heroes: existing() } );
		await wrapper.find( '.partnerships-nominate__citation textarea' ).setValue( 'Ünïcödé 😀' );
		expect( wrapper.find( '.partnerships-nominate__count' ).text() ).toBe( '(partnerships-heroes-characters: 9, 2000)' );
	} );

	it( 'shows every missing field after a save is tried', async () => {
		const wrapper = mountForm( { heroes: existing() } );
		await wrapper.find( 'form' ).trigger( 'submit' );
		await flushPromises();
		expect( wrapper.find( '.partnerships-nominate__summary' ).text() ).toBe( '(partnerships-form-error-summary: 3)' );
		expect( document.activeElement ).toBe( wrapper.find( '.partnerships-nominate__summary' ).element );
	} );

	it( 'offers to endorse an open nomination of the same nominee instead', async () => {
		const heroes = existing( 'Bob' );
		const wrapper = mountForm( { heroes }, [ nomination( 'bob-2026' ) ] );
		await fill( wrapper );
		const offer = wrapper.find( '.partnerships-nominate__duplicate' );
		expect( offer.text() ).toContain( '(partnerships-heroes-duplicate: \u2068Bob\u2069)' );
		expect( offer.find( 'a' ).attributes( 'href' ) ).toBe( '#hero=bob-2026' );
		await wrapper.find( 'form' ).trigger( 'submit' );
		await flushPromises();
		expect( heroes.nominate ).not.toHaveBeenCalled();
	} );

	it( 'does not offer a celebrated or declined nomination as a duplicate', async () => {
		const done = nomination( 'bob-2025', {}, { status: 'celebrated' } );
		const wrapper = mountForm( { heroes: existing( 'Bob' ) }, [ done ] );
		await fill( wrapper );
		expect( wrapper.find( '.partnerships-nominate__duplicate' ).exists() ).toBe( false );
	} );

	it( 'says so when the nominator nominates themselves', async () => {
		const wrapper = mountForm( { heroes: existing( 'Alice' ) } );
		await typeUser( wrapper, 'alice' );
		expect( wrapper.find( '.partnerships-nominate__self' ).text() ).toBe( '(partnerships-heroes-self-notice)' );
		await typeUser( wrapper, 'Bob' );
		expect( wrapper.find( '.partnerships-nominate__self' ).exists() ).toBe( false );
	} );

	it( 'takes a name pasted with "User:", and says at once when a name cannot be an account', async () => {
		const heroes = existing( 'Bob' );
		heroes.nominate.mockResolvedValue( { ok: true, id: 'bob-2026', title: 'x' } );
		const wrapper = mountForm( { heroes } );
		await typeUser( wrapper, 'User: bob' );
		expect( heroes.checkUser ).toHaveBeenLastCalledWith( 'bob' );
		expect( status( wrapper ) ).toContain( '(partnerships-heroes-user-exists: \u2068Bob\u2069)' );
		for ( const invalid of [ 'Bob#x', 'Admin@deploy', 'a'.repeat( 86 ) ] ) {
			heroes.checkUser.mockClear();
			await typeUser( wrapper, invalid );
			// Before any save was tried: the field says why, once.
			expect( heroes.checkUser ).not.toHaveBeenCalled();
			expect( wrapper.find( '.partnerships-nominate__user .cdx-message' ).text() ).toBe( '(partnerships-heroes-user-invalid)' );
			expect( wrapper.find( '.partnerships-nominate__user-status--repeated' ).exists() ).toBe( true );
		}
		await typeUser( wrapper, 'user:Bob' );
		wrapper.findComponent( CdxSelect ).vm.$emit( 'update:selected', 'mentor' );
		await wrapper.find( '.partnerships-nominate__citation textarea' ).setValue( CITATION );
		await wrapper.find( 'form' ).trigger( 'submit' );
		await flushPromises();
		expect( heroes.nominate ).toHaveBeenCalledWith( expect.objectContaining( { nominee: { kind: 'user', user: 'Bob' } } ) );
	} );

	it( 'saves a valid nomination and forgets its draft', async () => {
		const heroes = existing( 'Bob' );
		heroes.nominate.mockResolvedValue( { ok: true, id: 'bob-2026', title: 'Project:Partnerships/Heroes/bob-2026' } );
		const drafts = new MemoryDraftStore();
		const wrapper = mountForm( { heroes, drafts } );
		await fill( wrapper );
		await wrapper.find( 'input[type="checkbox"][value="002"]' ).setValue( true );
		await wrapper.find( 'form' ).trigger( 'submit' );
		await flushPromises();
		expect( heroes.nominate ).toHaveBeenCalledWith( {
			nominee: { kind: 'user', user: 'Bob' },
			category: 'mentor',
			citation: CITATION,
			partnerships: [],
			regions: [ '002' ],
			languages: [],
		} );
		expect( wrapper.emitted( 'saved' )?.[ 0 ] ).toEqual( [ 'bob-2026' ] );
		expect( drafts.list() ).toEqual( [] );
	} );

	it( 'nominates a community by language and region', async () => {
		const heroes = fakeRepository();
		heroes.nominate.mockResolvedValue( { ok: true, id: 'dag', title: 'x' } );
		const wrapper = mountForm( { heroes } );
		await wrapper.find( 'input[type="radio"][value="community"]' ).setValue( true );
		await wrapper.find( 'input' ).exists();
		const inputs = wrapper.findAll( 'input[type="text"], input:not([type])' );
		await inputs[ 0 ].setValue( 'DAG' );
		const selects = wrapper.findAllComponents( CdxSelect );
		selects[ 0 ].vm.$emit( 'update:selected', '002' );
		selects[ 1 ].vm.$emit( 'update:selected', 'emerging-community' );
		await wrapper.find( '.partnerships-nominate__citation textarea' ).setValue( CITATION );
		await wrapper.find( 'form' ).trigger( 'submit' );
		await flushPromises();
		expect( heroes.nominate.mock.calls[ 0 ][ 0 ].nominee ).toEqual( { kind: 'community', language: 'dag', region: '002' } );
		expect( heroes.checkUser ).not.toHaveBeenCalled();
	} );

	it( 'keeps the draft and shows the reason when the save fails, and brings it back later', async () => {
		const heroes = existing( 'Bob' );
		heroes.nominate.mockResolvedValue( { ok: false, reason: 'network', code: 'http', message: '' } );
		const drafts = new MemoryDraftStore();
		const wrapper = mountForm( { heroes, drafts } );
		await fill( wrapper );
		await wrapper.find( 'form' ).trigger( 'submit' );
		await flushPromises();
		expect( wrapper.find( '.partnerships-nominate__save-error' ).text() ).toContain( '(partnerships-save-error-network)' );
		expect( drafts.list() ).toHaveLength( 1 );
		wrapper.unmount();

		const again = mountForm( { heroes: existing( 'Bob' ), drafts } );
		await flushPromises();
		expect( again.find( '.partnerships-nominate__draft' ).text() ).toContain( '(partnerships-heroes-draft-restored:' );
		expect( ( again.find( '.partnerships-nominate__citation textarea' ).element as HTMLTextAreaElement ).value ).toBe( CITATION );
		expect( ( again.find( '.partnerships-nominate__user input' ).element as HTMLInputElement ).value ).toBe( 'bob' );
		expect( again.find( '.partnerships-nominate__save-error' ).text() ).toContain( '(partnerships-save-error-network)' );
	} );

	it( 'offers related partnerships by name', async () => {
		const heroes = existing( 'Bob' );
		heroes.nominate.mockResolvedValue( { ok: true, id: 'b', title: 'x' } );
		const wrapper = mountForm( { heroes } );
		await flushPromises();
		await wrapper.find( '.partnerships-nominate__partnerships input[type="search"]' ).setValue( 'rijks' );
		const box = wrapper.find( '.partnerships-nominate__partnerships input[type="checkbox"]' );
		expect( wrapper.find( '.partnerships-nominate__partnerships' ).text() ).toContain( 'Rijksmuseum open collection' );
		await box.setValue( true );
		await fill( wrapper );
		await wrapper.find( 'form' ).trigger( 'submit' );
		await flushPromises();
		expect( heroes.nominate.mock.calls[ 0 ][ 0 ].partnerships ).toEqual( [ 'rijksmuseum' ] );
	} );
} );
