import { describe, expect, it, vi } from 'vitest';
import { createHeroesStore } from '../../../../src/heroes/composables/useHeroesStore';
import { fakeHeroesServices, fakeRepository, hero, nomination } from '../../../support/fakeHeroes';

const olga = nomination( 'olga', { nominee: { kind: 'user', user: 'Olga' } } );
const declined = { ...nomination( 'gone', { nominee: { kind: 'user', user: 'Gone' } } ), status: 'declined' as const };
const group = nomination( 'wug', { nominee: { kind: 'group', name: 'Wikimedians of G' } }, { status: 'ready' } );

describe( 'createHeroesStore: loading', () => {
	it( 'loads the public nominations, leaving declined ones out', async () => {
		const heroes = fakeRepository( [ hero( 'ann', '2025-06-01T00:00:00Z' ), olga, declined ] );
		const store = createHeroesStore( fakeHeroesServices( { heroes } ) );
		expect( store.state.value ).toBe( 'idle' );
		const loading = store.load();
		expect( store.state.value ).toBe( 'loading' );
		expect( await loading ).toBe( true );
		expect( store.state.value ).toBe( 'ready' );
		expect( store.nominations.value.map( ( n ) => n.id ) ).toEqual( [ 'ann', 'olga' ] );
		expect( store.find( 'olga' ) ).toBe( olga );
		expect( store.find( 'gone' ) ).toBeUndefined();
	} );

	it( 'keeps a page shown while it reloads', async () => {
		const heroes = fakeRepository( [ olga ] );
		const store = createHeroesStore( fakeHeroesServices( { heroes } ) );
		await store.load();
		const reloading = store.load();
		expect( store.state.value ).toBe( 'ready' );
		await reloading;
		expect( heroes.load ).toHaveBeenCalledTimes( 2 );
	} );

	it( 'says why a load failed, and loads again', async () => {
		const heroes = fakeRepository( [ olga ] );
		heroes.load.mockRejectedValueOnce( new Error( 'http' ) );
		const store = createHeroesStore( fakeHeroesServices( { heroes } ) );
		expect( await store.load() ).toBe( false );
		expect( store.state.value ).toBe( 'error' );
		expect( store.error.value ).toBe( 'http' );
		expect( await store.load() ).toBe( true );
		expect( store.state.value ).toBe( 'ready' );
	} );

	it( 'reads the partnerships\' names, and keeps what it had when that fails', async () => {
		const partnerships = vi.fn()
			.mockResolvedValueOnce( [ { id: 'who', name: 'WHO infographics' } ] )
			.mockRejectedValueOnce( new Error( 'http' ) );
		const store = createHeroesStore( fakeHeroesServices( { partnerships } ) );
		await store.loadPartnerships();
		await store.loadPartnerships();
		expect( store.partnerships.value ).toEqual( [ { id: 'who', name: 'WHO infographics' } ] );
	} );
} );

describe( 'createHeroesStore: actions', () => {
	it( 'passes writes to the repository and does not reload by itself', async () => {
		const heroes = fakeRepository( [ olga ] );
		heroes.endorse.mockResolvedValue( { ok: true } );
		heroes.decline.mockResolvedValue( { ok: true } );
		heroes.nominate.mockResolvedValue( { ok: true, id: 'x', title: 'Project:Partnerships/Heroes/x' } );
		const store = createHeroesStore( fakeHeroesServices( { heroes } ) );
		expect( await store.endorse( olga, 'Yes' ) ).toEqual( { ok: true } );
		expect( heroes.endorse ).toHaveBeenCalledWith( olga, 'Yes' );
		expect( await store.decline( olga ) ).toEqual( { ok: true } );
		expect( await store.nominate( { nominee: { kind: 'user', user: 'X' }, category: 'mentor', citation: 'c', partnerships: [], regions: [], languages: [] } ) )
			.toEqual( { ok: true, id: 'x', title: 'Project:Partnerships/Heroes/x' } );
		expect( heroes.load ).not.toHaveBeenCalled();
	} );

	it( 'gives a write failure back as it is', async () => {
		const heroes = fakeRepository();
		const failure = { ok: false, reason: 'exists', code: 'articleexists', message: '' };
		heroes.endorse.mockResolvedValue( failure );
		const store = createHeroesStore( fakeHeroesServices( { heroes } ) );
		expect( await store.endorse( olga, '' ) ).toEqual( failure );
	} );

	it( 'turns what throws into an unexpected failure', async () => {
		const heroes = fakeRepository();
		heroes.decline.mockRejectedValue( new Error( 'boom' ) );
		heroes.postTalk.mockRejectedValue( 'down' );
		const store = createHeroesStore( fakeHeroesServices( { heroes } ) );
		expect( await store.decline( olga ) ).toEqual( { ok: false, reason: 'unexpected', code: 'unexpected', message: 'boom' } );
		expect( await store.postTalk( { title: 'User talk:Olga', sectionTitle: 'Hero', text: 'x' } ) )
			.toEqual( { ok: false, reason: 'unexpected', code: 'unexpected', message: 'down' } );
	} );

	it( 'celebrates with the talk message built first, and gives the message back', async () => {
		const heroes = fakeRepository();
		heroes.celebrate.mockResolvedValue( { ok: true, talk: 'failed' } );
		const store = createHeroesStore( fakeHeroesServices( { heroes } ) );
		const talk = { title: 'User talk:Olga', sectionTitle: 'Hero', text: 'Celebrated: olga' };
		expect( await store.celebrate( olga ) ).toEqual( { ok: true, talk: 'failed', message: talk } );
		expect( heroes.celebrate ).toHaveBeenCalledWith( olga, talk );

		heroes.celebrate.mockResolvedValue( { ok: true, talk: 'none' } );
		expect( await store.celebrate( group ) ).toEqual( { ok: true, talk: 'none', message: null } );
		expect( heroes.celebrate ).toHaveBeenLastCalledWith( group, null );
	} );

	it( 'writes nothing when the talk message cannot be had', async () => {
		const heroes = fakeRepository();
		const store = createHeroesStore( fakeHeroesServices( { heroes, talkMessage: () => Promise.reject( new Error( 'no messages' ) ) } ) );
		expect( await store.celebrate( olga ) ).toMatchObject( { ok: false, reason: 'unexpected', message: 'no messages' } );
		expect( heroes.celebrate ).not.toHaveBeenCalled();
	} );

	it( 'posts the talk message again', async () => {
		const heroes = fakeRepository();
		heroes.postTalk.mockResolvedValue( 'posted' );
		const store = createHeroesStore( fakeHeroesServices( { heroes } ) );
		expect( await store.postTalk( { title: 'User talk:Olga', sectionTitle: 'Hero', text: 'x' } ) ).toEqual( { ok: true, talk: 'posted' } );
	} );
} );
