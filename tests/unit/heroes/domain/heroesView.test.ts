import { describe, expect, it } from 'vitest';
import {
	HeroesViewState, defaultHeroesView, filterHeroes, formatHeroesView, heroFacets, openNominations, parseHeroesView,
	returnToQuery, viewCarriedBack,
} from '../../../../src/heroes/domain/heroesView';
import { hero, nomination } from '../../../support/fakeHeroes';

const view = ( overrides: Partial<HeroesViewState> ): HeroesViewState => ( { ...defaultHeroesView(), ...overrides } );

describe( 'formatHeroesView and parseHeroesView', () => {
	it.each( [
		[ view( {} ), '' ],
		[ view( { filters: { year: '2026', category: 'mentor', region: '002', language: 'dag' } } ), 'view=hall&year=2026&category=mentor&region=002&language=dag' ],
		[ view( { view: 'hero', id: 'bob-2026' } ), 'hero=bob-2026' ],
		[ view( { view: 'nominate' } ), 'nominate' ],
		[ view( { view: 'nominations' } ), 'nominations' ],
		[ view( { view: 'nominations', filters: { language: 'zh-Hans' } } ), 'nominations&language=zh-Hans' ],
		[ view( { view: 'hero', id: 'x', filters: { year: '2025' } } ), 'hero=x&year=2025' ],
	] )( '%j ⇄ %s', ( state, hash ) => {
		expect( formatHeroesView( state ) ).toBe( hash );
		expect( parseHeroesView( hash ) ).toEqual( state );
		expect( parseHeroesView( '#' + hash ) ).toEqual( state );
	} );

	it( 'reads view=… as well as the short forms', () => {
		expect( parseHeroesView( 'view=nominations' ) ).toEqual( view( { view: 'nominations' } ) );
		expect( parseHeroesView( 'view=nominate' ) ).toEqual( view( { view: 'nominate' } ) );
		expect( parseHeroesView( 'hero=a&view=hall' ) ).toEqual( view( {} ) );
	} );

	it.each( [
		'hero=<img src=x onerror=alert(1)>',
		'hero=..%2F..%2FMain_Page',
		'hero=',
		'hero=%E0%A4%A',
		'year=20266',
		'year=<b>',
		'category=hacker',
		'category=__proto__',
		'region=999',
		'language=en%22onmouseover%3D1',
		'language=' + 'a'.repeat( 40 ),
		'view=javascript:alert(1)',
		'constructor=1&__proto__=x',
		'&&&=&',
	] )( 'ignores hostile or unknown values: %s', ( hash ) => {
		expect( parseHeroesView( hash ) ).toEqual( defaultHeroesView() );
	} );

	it( 'never writes a value it would not read back', () => {
		const hostile = view( { view: 'hero', id: 'a b/c', filters: { year: 'abcd', region: '<x>' } } );
		expect( formatHeroesView( hostile ) ).toBe( '' );
	} );
} );

describe( 'returnToQuery and viewCarriedBack (a view through logging in)', () => {
	const page = 'https://meta.example/w/index.php?title=Project:Partnerships/Heroes';

	it( 'carries a view through the login page and puts it back in the fragment', () => {
		const carried = { view: 'hero' as const, id: 'bob-2026', filters: { category: 'mentor' as const } };
		const query = returnToQuery( carried );
		expect( query ).toBe( 'heroesview=hero%3Dbob-2026%26category%3Dmentor' );
		// Special:UserLogin appends returntoquery to the page's URL as it is.
		const back = viewCarriedBack( new URL( `${ page }&${ query }` ) );
		expect( back ).toBe( '/w/index.php?title=Project%3APartnerships%2FHeroes#hero=bob-2026&category=mentor' );
		expect( parseHeroesView( back!.split( '#' )[ 1 ] ) ).toEqual( carried );
		expect( returnToQuery( { view: 'nominate', filters: {} } ) ).toBe( 'heroesview=nominate' );
		expect( returnToQuery( { view: 'hall', filters: {} } ) ).toBe( '' );
	} );

	it( 'lets through only a view, keeps other parameters and a fragment already there', () => {
		expect( viewCarriedBack( new URL( page ) ) ).toBeNull();
		const hostile = encodeURIComponent( 'hero=<script>&year=20x6&x=javascript:alert(1)&category=mentor' );
		expect( viewCarriedBack( new URL( `${ page }&uselang=de&heroesview=${ hostile }` ) ) )
			.toBe( '/w/index.php?title=Project%3APartnerships%2FHeroes&uselang=de#view=hall&category=mentor' );
		expect( viewCarriedBack( new URL( `${ page }&heroesview=javascript%3Aalert(1)` ) ) )
			.toBe( '/w/index.php?title=Project%3APartnerships%2FHeroes' );
		expect( viewCarriedBack( new URL( `${ page }&heroesview=nominate#hero=carol-2026` ) ) )
			.toBe( '/w/index.php?title=Project%3APartnerships%2FHeroes#hero=carol-2026' );
		expect( viewCarriedBack( new URL( 'https://meta.example/wiki/Project:Partnerships/Heroes?heroesview=nominations' ) ) )
			.toBe( '/wiki/Project:Partnerships/Heroes#nominations' );
	} );
} );

describe( 'filterHeroes and heroFacets', () => {
	const nominations = [
		hero( 'ann', '2025-06-01T00:00:00Z', { category: 'mentor', regions: [ '002' ], languages: [ 'dag' ] } ),
		hero( 'ben', '2026-02-01T00:00:00Z', { category: 'organiser', regions: [ '150' ], languages: [ 'de', 'fr' ] } ),
		hero( 'cat', '2026-05-01T00:00:00Z', { category: 'mentor', regions: [ '150', '002' ], languages: [ 'fr' ] } ),
		hero( 'dag', '2026-07-01T00:00:00Z', {
			nominee: { kind: 'community', language: 'dag', region: '002' },
			category: 'emerging-community',
		} ),
		nomination( 'open', { category: 'mentor' }, { status: 'ready' } ),
		{ ...hero( 'gone', '2026-01-01T00:00:00Z', { category: 'mentor' } ), status: 'declined' as const, declined: { by: 'Bob', time: '2026-01-02T00:00:00Z' } },
	];
	const ids = ( list: { id: string }[] ): string[] => list.map( ( n ) => n.id );

	it( 'shows celebrated heroes only, most recently celebrated first', () => {
		expect( ids( filterHeroes( nominations, {} ) ) ).toEqual( [ 'dag', 'cat', 'ben', 'ann' ] );
	} );

	it.each( [
		[ { year: '2026' }, [ 'dag', 'cat', 'ben' ] ],
		[ { year: '2024' }, [] ],
		[ { category: 'mentor' as const }, [ 'cat', 'ann' ] ],
		[ { region: '002' }, [ 'dag', 'cat', 'ann' ] ],
		[ { language: 'dag' }, [ 'dag', 'ann' ] ],
		[ { year: '2026', category: 'mentor' as const, region: '150', language: 'fr' }, [ 'cat' ] ],
	] )( 'filters by %j', ( filters, expected ) => {
		expect( ids( filterHeroes( nominations, filters ) ) ).toEqual( expected );
	} );

	it( 'counts each filter\'s values given the other filters', () => {
		const facets = heroFacets( nominations, { category: 'mentor' } );
		expect( facets.year ).toEqual( [ { value: '2026', count: 1 }, { value: '2025', count: 1 } ] );
		// The chosen filter's own counts ignore it, so other categories stay visible.
		expect( facets.category ).toEqual( [
			{ value: 'mentor', count: 2 },
			{ value: 'emerging-community', count: 1 },
			{ value: 'organiser', count: 1 },
		] );
		expect( facets.region ).toEqual( [ { value: '002', count: 2 }, { value: '150', count: 1 } ] );
		expect( facets.language ).toEqual( [ { value: 'dag', count: 1 }, { value: 'fr', count: 1 } ] );
	} );

	it( 'keeps a chosen value that matches nothing, with 0', () => {
		expect( heroFacets( nominations, { year: '2020' } ).year ).toContainEqual( { value: '2020', count: 0 } );
	} );

	it( 'lists open and ready nominations, never declined or celebrated ones', () => {
		const list = [ ...nominations, nomination( 'new', { created: '2026-09-01T00:00:00Z' } ) ];
		expect( ids( openNominations( list ) ) ).toEqual( [ 'open', 'new' ] );
	} );
} );
