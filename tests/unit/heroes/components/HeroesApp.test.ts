import { afterEach, describe, expect, it } from 'vitest';
import { flushPromises, mount, VueWrapper } from '@vue/test-utils';
import HeroesApp from '../../../../src/heroes/components/HeroesApp.vue';
import { HeroesServicesKey } from '../../../../src/heroes/services';
import { FakeRepository, fakeHeroesServices, fakeRepository, hero, nomination } from '../../../support/fakeHeroes';

const nominations = [
	hero( 'ann', '2025-06-01T00:00:00Z', { nominee: { kind: 'user', user: 'Ann' }, category: 'mentor' } ),
	hero( 'ben', '2026-02-01T00:00:00Z', { nominee: { kind: 'user', user: 'Ben' }, category: 'organiser' } ),
	nomination( 'olga', { nominee: { kind: 'user', user: 'Olga' } }, { status: 'ready' } ),
	nomination( 'pia', { nominee: { kind: 'user', user: 'Pia' } } ),
	{ ...hero( 'gone', '2026-01-01T00:00:00Z', { nominee: { kind: 'user', user: 'Gone' } } ), status: 'declined' as const },
	{ ...nomination( 'gone2', { nominee: { kind: 'user', user: 'Gone2' } } ), status: 'declined' as const },
];

function mountApp( heroes: FakeRepository = fakeRepository( nominations ) ): VueWrapper {
	return mount( HeroesApp, {
		global: { provide: { [ HeroesServicesKey as symbol ]: fakeHeroesServices( { heroes } ) } },
	} );
}

async function go( hash: string ): Promise<void> {
	history.replaceState( null, '', hash || location.pathname );
	window.dispatchEvent( new HashChangeEvent( 'hashchange' ) );
	await flushPromises();
}

afterEach( () => {
	history.replaceState( null, '', location.pathname );
} );

describe( 'HeroesApp', () => {
	it( 'shows progress while loading, then the hall', async () => {
		let resolve: ( v: unknown ) => void = () => undefined;
		const heroes = fakeRepository();
		heroes.load.mockReturnValue( new Promise( ( r ) => {
			resolve = r;
		} ) );
		const wrapper = mountApp( heroes );
		expect( wrapper.attributes( 'data-partnerships-state' ) ).toBe( 'loading' );
		expect( wrapper.find( '.partnerships-heroes__progress' ).text() ).toContain( '(partnerships-heroes-loading)' );
		resolve( { nominations, invalid: [] } );
		await flushPromises();
		expect( wrapper.attributes( 'data-partnerships-state' ) ).toBe( 'ready' );
		expect( wrapper.findAll( '.partnerships-hero-card' ) ).toHaveLength( 2 );
	} );

	it( 'shows an error and tries again', async () => {
		const heroes = fakeRepository( nominations );
		heroes.load.mockRejectedValueOnce( new Error( 'http' ) );
		const wrapper = mountApp( heroes );
		await flushPromises();
		expect( wrapper.find( '.partnerships-heroes__error' ).text() ).toContain( '(partnerships-heroes-load-error: http)' );
		await wrapper.find( '.partnerships-heroes__error button' ).trigger( 'click' );
		await flushPromises();
		expect( wrapper.attributes( 'data-partnerships-state' ) ).toBe( 'ready' );
	} );

	it( 'follows the hash between views, marking the current tab', async () => {
		const wrapper = mountApp();
		await flushPromises();
		const current = (): string => wrapper.find( '[aria-current="page"]' ).text();
		expect( current() ).toBe( '(partnerships-heroes-tab-hall)' );
		expect( wrapper.findAll( '.partnerships-heroes__tab' ).map( ( a ) => a.attributes( 'href' ) ) ).toEqual( [ '#', '#nominations', '#nominate' ] );

		await go( '#nominations' );
		expect( current() ).toBe( '(partnerships-heroes-tab-nominations)' );
		expect( wrapper.findAll( '.partnerships-nominations__item' ).map( ( i ) => i.attributes( 'data-nomination' ) ) ).toEqual( [ 'olga', 'pia' ] );

		await go( '#hero=ben' );
		expect( wrapper.find( '.partnerships-hero__name' ).text() ).toBe( 'Ben' );

		await go( '#nominate' );
		expect( wrapper.find( '.partnerships-nominate__form' ).exists() ).toBe( true );

		await go( '#view=hall&category=mentor' );
		expect( wrapper.findAll( '.partnerships-hero-card__name' ).map( ( c ) => c.text() ) ).toEqual( [ 'Ann' ] );
	} );

	it( 'never shows a declined nomination, not even by its link', async () => {
		const wrapper = mountApp();
		await flushPromises();
		expect( wrapper.text() ).not.toContain( 'Gone' );
		await go( '#nominations' );
		expect( wrapper.text() ).not.toContain( 'Gone' );
		await go( '#hero=gone' );
		expect( wrapper.find( '.partnerships-hero' ).exists() ).toBe( false );
		expect( wrapper.text() ).toContain( '(partnerships-heroes-missing)' );
	} );

	it( 'puts filters into the hash without a new history entry', async () => {
		const wrapper = mountApp();
		await flushPromises();
		const before = history.length;
		wrapper.findComponent( { name: 'HallOfHeroes' } ).vm.$emit( 'update:filters', { year: '2026' } );
		await flushPromises();
		expect( location.hash ).toBe( '#view=hall&year=2026' );
		expect( history.length ).toBe( before );
		expect( wrapper.findAll( '.partnerships-hero-card' ) ).toHaveLength( 1 );
	} );

	it( 'reloads after an action and shows its notice', async () => {
		const heroes = fakeRepository( nominations );
		heroes.endorse.mockResolvedValue( { ok: true } );
		history.replaceState( null, '', '#hero=pia' );
		const wrapper = mount( HeroesApp, {
			global: { provide: { [ HeroesServicesKey as symbol ]: fakeHeroesServices( { heroes, userName: 'Erin' } ) } },
		} );
		await flushPromises();
		await wrapper.find( '.partnerships-hero__endorse-button' ).trigger( 'click' );
		await flushPromises();
		expect( heroes.load ).toHaveBeenCalledTimes( 2 );
		expect( wrapper.find( '.partnerships-heroes__notice' ).text() ).toBe( '(partnerships-heroes-endorsed)' );
	} );
} );

describe( 'HeroesApp after a nomination', () => {
	it( 'opens the new nomination with a notice', async () => {
		const heroes = fakeRepository( nominations );
		history.replaceState( null, '', '#nominate' );
		const wrapper = mountApp( heroes );
		await flushPromises();
		wrapper.findComponent( { name: 'NominationForm' } ).vm.$emit( 'saved', 'olga' );
		await flushPromises();
		expect( location.hash ).toBe( '#hero=olga' );
		expect( wrapper.find( '.partnerships-hero__name' ).text() ).toBe( 'Olga' );
		expect( wrapper.find( '.partnerships-heroes__notice' ).text() ).toBe( '(partnerships-heroes-nominated)' );
	} );
} );
