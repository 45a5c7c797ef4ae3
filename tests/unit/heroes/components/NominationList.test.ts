import { describe, expect, it } from 'vitest';
import { mount } from '@vue/test-utils';
import NominationList from '../../../../src/heroes/components/NominationList.vue';
import { HeroesServicesKey } from '../../../../src/heroes/services';
import { fakeHeroesServices, hero, nomination } from '../../../support/fakeHeroes';

describe( 'NominationList', () => {
	it( 'lists open and ready nominations with endorsements against the threshold', () => {
		const hostile = '<b onmouseover=alert(1)>Evil</b>';
		const ready = nomination( 'ready', { nominee: { kind: 'group', name: hostile } }, {
			status: 'ready',
			endorsements: [ 'Carol', 'Dave' ].map( ( user ) => ( { user, comment: '', time: '2026-03-02T00:00:00Z', title: user } ) ),
		} );
		const self = nomination( 'self', { nominee: { kind: 'user', user: 'Alice' } }, { self: true } );
		const wrapper = mount( NominationList, {
			props: {
				nominations: [ self, ready, hero( 'done', '2026-01-01T00:00:00Z' ) ],
				heroHref: ( id: string ) => `#hero=${ id }`,
				nominateHref: '#nominate',
			},
			global: { provide: { [ HeroesServicesKey as symbol ]: fakeHeroesServices( { threshold: 3 } ) } },
		} );
		const items = wrapper.findAll( '.partnerships-nominations__item' );
		expect( items.map( ( i ) => i.attributes( 'data-nomination' ) ) ).toEqual( [ 'ready', 'self' ] );
		expect( items[ 0 ].find( 'a' ).text() ).toBe( hostile );
		expect( wrapper.find( 'b' ).exists() ).toBe( false );
		expect( items[ 0 ].find( '.partnerships-nominations__count' ).text() ).toBe( '(partnerships-heroes-endorsement-count: 2, 3)' );
		expect( items[ 0 ].find( '.partnerships-nominations__ready' ).exists() ).toBe( true );
		expect( items[ 1 ].find( '.partnerships-nominations__self' ).text() ).toBe( '(partnerships-heroes-self-nomination)' );
		expect( wrapper.text() ).toContain( '(partnerships-heroes-nominations-intro: 3)' );
	} );

	it( 'says how many endorsements were needed, not "4 of 2", once a nomination has more', () => {
		const many = nomination( 'many', { nominee: { kind: 'user', user: 'Bob' } }, {
			status: 'ready',
			endorsements: [ 'Carol', 'Dave', 'Erin', 'Frank' ].map( ( user ) => ( { user, comment: '', time: '2026-03-02T00:00:00Z', title: user } ) ),
		} );
		const wrapper = mount( NominationList, {
			props: { nominations: [ many ], heroHref: ( id: string ) => `#hero=${ id }`, nominateHref: '#nominate' },
			global: { provide: { [ HeroesServicesKey as symbol ]: fakeHeroesServices( { threshold: 2 } ) } },
		} );
		expect( wrapper.find( '.partnerships-nominations__count' ).text() ).toBe( '(partnerships-heroes-endorsement-count-enough: 4, 2)' );
	} );
} );
