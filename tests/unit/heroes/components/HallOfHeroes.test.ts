import { describe, expect, it } from 'vitest';
import { mount, VueWrapper } from '@vue/test-utils';
import { CdxSelect } from '@wikimedia/codex';
import HallOfHeroes from '../../../../src/heroes/components/HallOfHeroes.vue';
import { HeroesServicesKey } from '../../../../src/heroes/services';
import { HeroFilters } from '../../../../src/heroes/domain/heroesView';
import { fakeHeroesServices, hero, nomination } from '../../../support/fakeHeroes';

const hostile = '<img src=x onerror="window.pwned=1">[[Category:X]]{{SITENAME}} and more text';
const nominations = [
	hero( 'ann', '2025-06-01T00:00:00Z', { nominee: { kind: 'user', user: 'Ann' }, category: 'mentor', regions: [ '002' ], languages: [ 'dag' ] } ),
	hero( 'ben', '2026-02-01T00:00:00Z', { nominee: { kind: 'group', name: 'Wikimedians of Ben' }, category: 'organiser', citation: hostile } ),
	nomination( 'open-one', { nominee: { kind: 'user', user: 'Olga' } }, { status: 'ready' } ),
	{ ...hero( 'gone', '2026-01-01T00:00:00Z', { nominee: { kind: 'user', user: 'Gone' } } ), status: 'declined' as const },
];

function mountHall( filters: HeroFilters = {} ): VueWrapper {
	return mount( HallOfHeroes, {
		props: { nominations, filters, heroHref: ( id: string ) => `#hero=${ id }` },
		global: { provide: { [ HeroesServicesKey as symbol ]: fakeHeroesServices() } },
	} );
}

const cards = ( w: VueWrapper ): string[] => w.findAll( '.partnerships-hero-card__name a' ).map( ( a ) => a.text() );

describe( 'HallOfHeroes', () => {
	it( 'shows celebrated heroes only, newest first, each linking to its own view', () => {
		const wrapper = mountHall();
		expect( cards( wrapper ) ).toEqual( [ 'Wikimedians of Ben', 'Ann' ] );
		expect( wrapper.find( '.partnerships-hero-card__name a' ).attributes( 'href' ) ).toBe( '#hero=ben' );
		expect( wrapper.find( '.partnerships-hall__count' ).text() ).toBe( '(partnerships-heroes-hall-count: 2)' );
		const ann = wrapper.find( '[data-hero="ann"]' );
		expect( ann.text() ).toContain( '(partnerships-heroes-category-mentor)' );
		expect( ann.text() ).toContain( '(partnerships-heroes-celebrated-in: 2025)' );
		expect( ann.find( '.partnerships-hero-card__endorsers' ).text() ).toBe( '(partnerships-heroes-endorsed-by: 2, \u2068Carol\u2069 and \u2068Dave\u2069)' );
	} );

	it( 'renders a hostile citation as text', () => {
		const wrapper = mountHall();
		const citation = wrapper.find( '[data-hero="ben"] .partnerships-hero-card__citation' );
		expect( citation.text() ).toBe( hostile );
		expect( wrapper.find( 'img' ).exists() ).toBe( false );
		expect( wrapper.html() ).not.toContain( '<img src=x' );
	} );

	it( 'offers each filter\'s values with counts and tells the parent what was chosen', async () => {
		const wrapper = mountHall();
		const selects = wrapper.findAllComponents( CdxSelect );
		expect( selects ).toHaveLength( 4 );
		const yearItems = selects[ 0 ].props( 'menuItems' ) as { value: string; label: string }[];
		expect( yearItems ).toEqual( [
			{ value: '', label: '(partnerships-heroes-filter-all)' },
			{ value: '2026', label: '(partnerships-filter-option: 2026, 1)' },
			{ value: '2025', label: '(partnerships-filter-option: 2025, 1)' },
		] );
		const categoryLabels = ( selects[ 1 ].props( 'menuItems' ) as { label: string }[] ).map( ( i ) => i.label );
		expect( categoryLabels ).toContain( '(partnerships-filter-option: (partnerships-heroes-category-mentor), 1)' );
		expect( ( selects[ 2 ].props( 'menuItems' ) as { label: string }[] )[ 1 ].label ).toBe( '(partnerships-filter-option: (partnerships-region-002), 1)' );
		selects[ 1 ].vm.$emit( 'update:selected', 'mentor' );
		expect( wrapper.emitted( 'update:filters' )?.[ 0 ] ).toEqual( [ { category: 'mentor' } ] );
	} );

	it( 'narrows to the filters and can clear them', async () => {
		const wrapper = mountHall( { year: '2025', category: 'mentor' } );
		expect( cards( wrapper ) ).toEqual( [ 'Ann' ] );
		await wrapper.find( '.partnerships-hall__clear' ).trigger( 'click' );
		expect( wrapper.emitted( 'update:filters' )?.[ 0 ] ).toEqual( [ {} ] );
		wrapper.findAllComponents( CdxSelect )[ 0 ].vm.$emit( 'update:selected', '' );
		expect( wrapper.emitted( 'update:filters' )?.[ 1 ] ).toEqual( [ { category: 'mentor' } ] );
	} );

	it( 'says when no hero matches', () => {
		const wrapper = mountHall( { year: '2019' } );
		expect( cards( wrapper ) ).toEqual( [] );
		expect( wrapper.text() ).toContain( '(partnerships-heroes-hall-none-filtered)' );
	} );
} );
