import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { flushPromises, mount, VueWrapper } from '@vue/test-utils';
import RecognitionWall from '../../../../src/recognition/components/RecognitionWall.vue';
import { RecognitionServicesKey } from '../../../../src/recognition/services';
import { intlLocales } from '../../../../src/shared/i18n/locales';
import type { LinkedDonation } from '../../../../src/recognition/domain/donations';
import { donationsFromIndex, parseWallSort, withWallSort } from '../../../../src/recognition/domain/wall';
import { ApiParams } from '../../../../src/shared/api/ActionApi';
import { RoutedApi, fakeRecognitionServices } from '../../../support/fakeRecognition';

const hostile = '<img src=x onerror="window.pwned=1">';
const FILES: Record<string, number> = { 'Category:Vases': 30, 'Category:Maps': 5, 'Category:Coins': 100 };

const donations: LinkedDonation[] = [
	{ id: 'A', partnership: 'Vases 2024', institution: 'Zeta Museum', categories: [ 'Vases' ], recordUrl: '/wiki/R/A' },
	{ id: 'B', partnership: 'Maps', institution: 'Alpha Library', categories: [ 'Maps' ], recordUrl: '/wiki/R/B' },
	{ id: 'C', partnership: `Coins ${ hostile }`, institution: `Mint ${ hostile }`, categories: [ 'Coins' ], recordUrl: '/wiki/R/C' },
	{ id: 'D', partnership: 'More maps', institution: 'Alpha Library', categories: [ 'Maps', 'Vases' ], recordUrl: '/wiki/R/D' },
];

function categoryApi(): RoutedApi {
	return new RoutedApi( ( p: ApiParams ) => p.prop === 'categoryinfo' ? {
		curtimestamp: '2026-11-24T08:00:00Z',
		query: { pages: ( p.titles as string[] ).map( ( title ) => ( { title, categoryinfo: { files: FILES[ title ] ?? 0 } } ) ) },
	} : undefined );
}

function mountWall( api = categoryApi(), list = donations ): VueWrapper {
	return mount( RecognitionWall, {
		props: { donations: list },
		attachTo: document.body,
		global: { provide: { [ RecognitionServicesKey as symbol ]: fakeRecognitionServices( { api } ) } },
	} );
}

function institutions( wrapper: VueWrapper ): string[] {
	return wrapper.findAll( 'tbody tr' ).map( ( tr ) => tr.find( 'th, td' ).text() );
}

describe( 'RecognitionWall', () => {
	beforeEach( () => {
		history.replaceState( null, '', '/wiki/Wall' );
	} );
	afterEach( () => {
		document.body.innerHTML = '';
	} );

	it( 'groups donations by institution and counts files in one batched request', async () => {
		const api = categoryApi();
		const wrapper = mountWall( api );
		await flushPromises();
		expect( api.calls ).toHaveLength( 1 );
		expect( api.calls[ 0 ].titles ).toEqual( [ 'Category:Vases', 'Category:Maps', 'Category:Coins' ] );
		expect( institutions( wrapper ) ).toEqual( [ 'Zeta Museum', 'Alpha Library', `Mint ${ hostile }` ] );
		const alpha = wrapper.findAll( 'tbody tr' )[ 1 ];
		expect( alpha.findAll( 'a' ).map( ( a ) => [ a.text(), a.attributes( 'href' ) ] ) ).toEqual( [ [ 'Maps', '/wiki/R/B' ], [ 'More maps', '/wiki/R/D' ] ] );
		expect( alpha.text() ).toContain( '(partnerships-wall-categories: 2, 2)' );
		expect( alpha.text() ).toContain( '(partnerships-wall-files: 35, 35)' );
		expect( wrapper.find( '.partnerships-wall-table__sources a' ).attributes( 'href' ) ).toContain( 'prop=categoryinfo' );
	} );

	it( 'asks at most 50 categories a request', async () => {
		const many = Array.from( { length: 120 }, ( _, i ) => ( { id: `R${ i }`, partnership: `P${ i }`, institution: `I${ i }`, categories: [ `C${ i }` ], recordUrl: '/wiki/R' } ) );
		const api = categoryApi();
		mountWall( api, many );
		await flushPromises();
		expect( api.calls.map( ( c ) => ( c.titles as string[] ).length ) ).toEqual( [ 50, 50, 20 ] );
	} );

	it( 'sorts by a column and keeps the sort in the fragment', async () => {
		const wrapper = mountWall();
		await flushPromises();
		const filesHeader = wrapper.findAll( 'thead th' )[ 3 ];
		const sortButton = filesHeader.find( 'button' );
		await sortButton.trigger( 'click' );
		expect( location.hash ).toBe( '#wall-sort=files-asc' );
		expect( institutions( wrapper ) ).toEqual( [ 'Zeta Museum', 'Alpha Library', `Mint ${ hostile }` ] );
		await sortButton.trigger( 'click' );
		expect( location.hash ).toBe( '#wall-sort=files-desc' );
		expect( institutions( wrapper ) ).toEqual( [ `Mint ${ hostile }`, 'Alpha Library', 'Zeta Museum' ] );
		expect( filesHeader.attributes( 'aria-sort' ) ).toBe( 'descending' );
		// A third click clears the sort, and the fragment with it.
		await sortButton.trigger( 'click' );
		expect( location.hash ).toBe( '' );
		expect( institutions( wrapper ) ).toEqual( [ 'Zeta Museum', 'Alpha Library', `Mint ${ hostile }` ] );
	} );

	it( 'opens sorted as the fragment says, and follows the fragment', async () => {
		history.replaceState( null, '', '/wiki/Wall#top&wall-sort=institution-asc' );
		const wrapper = mountWall();
		await flushPromises();
		expect( institutions( wrapper ) ).toEqual( [ 'Alpha Library', `Mint ${ hostile }`, 'Zeta Museum' ] );
		history.replaceState( null, '', '/wiki/Wall#wall-sort=institution-desc' );
		window.dispatchEvent( new HashChangeEvent( 'hashchange' ) );
		await flushPromises();
		expect( institutions( wrapper ) ).toEqual( [ 'Zeta Museum', `Mint ${ hostile }`, 'Alpha Library' ] );
	} );

	it( 'renders hostile names as text', async () => {
		const wrapper = mountWall();
		await flushPromises();
		expect( wrapper.find( 'img' ).exists() ).toBe( false );
		expect( wrapper.text() ).toContain( `Mint ${ hostile }` );
		expect( wrapper.text() ).toContain( `Coins ${ hostile }` );
		expect( ( window as unknown as Record<string, unknown> ).pwned ).toBeUndefined();
	} );

	it( 'says so when there is no donation', () => {
		expect( mountWall( categoryApi(), [] ).text() ).toBe( '(partnerships-wall-empty)' );
	} );
} );

describe( 'wall helpers', () => {
	it.each( [
		[ '#wall-sort=files-desc', { column: 'files', direction: 'desc' } ],
		[ 'x&wall-sort=institution-asc', { column: 'institution', direction: 'asc' } ],
		[ '#wall-sort=evil-desc', null ],
		[ '#wall-sort=files-up', null ],
		[ '', null ],
	] )( 'parseWallSort( %j )', ( hash, expected ) => {
		expect( parseWallSort( hash ) ).toEqual( expected );
	} );

	it( 'keeps the other parts of the fragment', () => {
		expect( withWallSort( '#top&wall-sort=files-asc', { column: 'files', direction: 'desc' } ) ).toBe( 'top&wall-sort=files-desc' );
		expect( withWallSort( '#wall-sort=files-asc', null ) ).toBe( '' );
	} );

	it( 'reads the donations index defensively', () => {
		const index = {
			v: 1,
			r: [ [ 'A', 'Vases', 'Museum', 'Logo.svg' ], 'junk', [ 7, 'x', 'y' ], [ 'B', 42, 'Library' ], [ 'C', 'No institution' ] ],
			// eslint-disable-next-line camelcase
			c: { Vases_of_Museum: 0, 'More vases': 0, Books: 3, Bad: 'x', Missing: 99 },
		};
		expect( donationsFromIndex( index, ( id ) => `/wiki/R/${ id }` ) ).toEqual( [
			{ id: 'A', partnership: 'Vases', institution: 'Museum', categories: [ 'More vases', 'Vases of Museum' ], recordUrl: '/wiki/R/A' },
			{ id: 'B', partnership: 'B', institution: 'Library', categories: [ 'Books' ], recordUrl: '/wiki/R/B' },
		] );
		for ( const bad of [ null, 'x', { v: 2, r: [] }, { v: 1, r: {} } ] ) {
			expect( donationsFromIndex( bad, () => '' ) ).toEqual( [] );
		}
	} );
} );

describe( 'intlLocales', () => {
	it( 'keeps only the codes Intl takes', () => {
		expect( intlLocales( [ 'zh-min-nan', 'de', 'x_y', 'en' ] ) ).toEqual( [ 'de', 'en' ] );
	} );
} );
