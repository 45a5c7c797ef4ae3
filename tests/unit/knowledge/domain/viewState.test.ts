import { describe, expect, it } from 'vitest';
import { ViewState, defaultViewState, formatViewState, parseViewState } from '../../../../src/knowledge/domain/viewState';

const state = ( overrides: Partial<ViewState> ): ViewState => ( { ...defaultViewState(), ...overrides } );

describe( 'formatViewState and parseViewState', () => {
	it.each( [
		[ state( {} ), '' ],
		[ state( { text: 'museum', filters: { type: [ 'glam', 'health' ] }, page: 2 } ), 'q=museum&type=glam,health&page=2' ],
		[ state( { view: 'record', id: 'rijksmuseum-open-collection' } ), 'record=rijksmuseum-open-collection' ],
		[ state( { view: 'edit', id: 'who' } ), 'edit=who' ],
		[ state( { view: 'new' } ), 'new' ],
		[ state( { view: 'record', id: 'a/b c', text: 'x' } ), 'record=a%2Fb%20c&q=x' ],
		[ state( { text: 'Réseau & co=1, #2 +' } ), 'q=R%C3%A9seau%20%26%20co%3D1%2C%20%232%20%2B' ],
		[ state( { filters: { steward: [ 'Wikimedia UK', 'Museums, Libraries & Archives' ], region: [ '150', 'NL' ] } } ),
			'region=150,NL&steward=Wikimedia%20UK,Museums%2C%20Libraries%20%26%20Archives' ],
		[ state( { filters: { priority: [ 'gender-gap' ], status: [ 'active' ], language: [ 'zh-Hans' ] }, sort: '-updated' } ),
			'status=active&language=zh-Hans&priority=gender-gap&sort=-updated' ],
	] )( '%j ⇄ %s', ( view, hash ) => {
		expect( formatViewState( view ) ).toBe( hash );
		expect( parseViewState( hash ) ).toEqual( view );
		expect( parseViewState( '#' + hash ) ).toEqual( view );
	} );

	it( 'leaves out empty filters and defaults', () => {
		expect( formatViewState( state( { filters: { type: [], region: [ '' ] }, sort: 'relevance', page: 1 } ) ) ).toBe( '' );
		expect( formatViewState( state( { view: 'record' } ) ) ).toBe( '' );
		expect( formatViewState( state( { view: 'list', id: 'x' } ) ) ).toBe( '' );
		expect( formatViewState( state( { page: Number.NaN } ) ) ).toBe( '' );
	} );

	it( 'round-trips many generated states', () => {
		const values = [ 'glam', 'a,b', 'ä ö', '%', '&=', '#', '+', '日本', '__proto__' ];
		for ( let n = 0; n < 200; n++ ) {
			const pick = ( k: number ): string => values[ ( n * 7 + k * 3 ) % values.length ];
			const view = state( {
				text: n % 3 ? pick( 1 ) + ' ' + pick( 2 ) : '',
				filters: n % 2 ? { type: [ pick( 3 ) ], steward: [ pick( 4 ), pick( 5 ) ].filter( ( v, i, a ) => a.indexOf( v ) === i ) } : {},
				sort: ( [ 'relevance', 'name', '-start' ] as const )[ n % 3 ],
				page: 1 + ( n % 5 ),
				...( n % 4 === 0 ? { view: 'record' as const, id: pick( 6 ) } : {} ),
			} );
			expect( parseViewState( formatViewState( view ) ) ).toEqual( view );
		}
	} );
} );

describe( 'parseViewState on junk', () => {
	it.each( [
		'',
		'#',
		'&&&',
		'foo=bar&baz',
		'page=abc',
		'page=-3',
		'page=0',
		'page=99999999999',
		'sort=random',
		'type=',
		'colour=red,blue',
		'q=%E0%A4%A',
		'record=',
		'record=%20',
		'%=%',
		'__proto__=x&constructor=y',
	] )( '%j gives the default', ( hash ) => {
		expect( parseViewState( hash ) ).toEqual( defaultViewState() );
	} );

	it( 'keeps what it understands', () => {
		expect( parseViewState( 'q=a+b&page=3&type=glam,%ZZ,,glam&colour=red&sort=name' ) ).toEqual( state( {
			text: 'a b',
			page: 3,
			filters: { type: [ 'glam' ] },
			sort: 'name',
		} ) );
		expect( parseViewState( 'record=x&new' ) ).toEqual( state( { view: 'new' } ) );
		expect( parseViewState( 'page=1234567' ).page ).toBe( 1000000 );
	} );

	it( 'never throws', () => {
		for ( const hash of [ null, undefined, 5, {}, '%'.repeat( 1000 ), 'q=' + 'x'.repeat( 100000 ), 'type=' + ',a'.repeat( 10000 ) ] ) {
			expect( () => parseViewState( hash as string ) ).not.toThrow();
		}
		expect( parseViewState( 'q=' + 'x'.repeat( 100000 ) ).text ).toHaveLength( 500 );
		expect( parseViewState( 'type=' + Array.from( { length: 100 }, ( _, i ) => i ).join( ',' ) ).filters.type ).toHaveLength( 50 );
	} );
} );
