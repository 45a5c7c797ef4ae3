import { afterEach, describe, expect, it } from 'vitest';
import { mount, VueWrapper } from '@vue/test-utils';
import ConflictResolver from '../../../../src/knowledge/components/ConflictResolver.vue';
import { ServicesKey } from '../../../../src/knowledge/services';
import type { FieldConflict } from '../../../../src/knowledge/domain/merge';
import { fakeServices } from '../../../support/fakes';

const hostile = '<img src=x onerror="window.pwned=1">';

const CONFLICTS: FieldConflict[] = [
	{ field: 'name', base: 'Old name', theirs: 'Their name', ours: hostile },
	{ field: 'summary/fr', base: undefined, theirs: 'Leur résumé', ours: 'Notre résumé' },
	{ field: 'partners', base: [ { label: 'A' } ], theirs: [ { label: 'A' }, { label: 'B', wikidata: 'Q1' } ], ours: [] },
	{ field: 'lessons/advice', base: '', theirs: 'Start small', ours: 'Ask early' },
	{ field: 'type', base: 'glam', theirs: 'science', ours: 'health' },
];

function mountResolver( props: { conflicts?: FieldConflict[]; theirsUser?: string } = {} ): VueWrapper {
	return mount( ConflictResolver, {
		props: { conflicts: CONFLICTS, ...props },
		attachTo: document.body,
		global: { provide: { [ ServicesKey as symbol ]: fakeServices() } },
	} );
}

describe( 'ConflictResolver', () => {
	afterEach( () => {
		document.body.innerHTML = '';
	} );

	it( 'shows each field as a fieldset with their value, your value and the value before', () => {
		const wrapper = mountResolver( { theirsUser: 'Bob' } );
		expect( wrapper.find( '.cdx-message' ).text() ).toBe( '(partnerships-conflict-intro-by: 5, Bob)' );
		const fieldsets = wrapper.findAll( 'fieldset' );
		expect( fieldsets.map( ( f ) => f.find( 'legend' ).text() ) ).toEqual( [
			'(partnerships-field-name)',
			'(partnerships-conflict-subfield: (partnerships-field-summary), fr)',
			'(partnerships-field-partners)',
			'(partnerships-field-lessons-advice)',
			'(partnerships-field-type)',
		] );

		const [ name, , partners, , type ] = fieldsets;
		const versions = name.findAll( '.partnerships-conflict__version' );
		expect( versions[ 0 ].text() ).toContain( '(partnerships-conflict-theirs-by: Bob)' );
		expect( versions[ 0 ].text() ).toContain( 'Their name' );
		expect( versions[ 1 ].text() ).toContain( '(partnerships-conflict-ours)' );
		expect( versions[ 1 ].text() ).toContain( hostile );
		expect( name.find( 'details summary' ).text() ).toBe( '(partnerships-conflict-base)' );
		expect( name.find( 'details' ).text() ).toContain( 'Old name' );

		// Lists as lists, objects as "key: value"; an empty value says so.
		const theirPartners = partners.findAll( '.partnerships-conflict__version' )[ 0 ].findAll( 'li' );
		expect( theirPartners.map( ( li ) => li.text() ) ).toEqual( [ 'label: A', 'label: B; wikidata: Q1' ] );
		expect( partners.findAll( '.partnerships-conflict__version' )[ 1 ].text() ).toContain( '(partnerships-conflict-empty)' );
		// Codes with names are shown by name.
		expect( type.text() ).toContain( '(partnerships-type-science)' );
		expect( type.text() ).toContain( '(partnerships-type-health)' );

		expect( document.querySelector( 'img' ) ).toBeNull();
	} );

	it( 'offers a radio pair per field, grouped by field', () => {
		const wrapper = mountResolver();
		expect( wrapper.find( '.cdx-message' ).text() ).toBe( '(partnerships-conflict-intro: 5)' );
		for ( const fieldset of wrapper.findAll( 'fieldset' ) ) {
			const radios = fieldset.findAll( 'input[type="radio"]' );
			expect( radios.map( ( r ) => r.attributes( 'value' ) ) ).toEqual( [ 'theirs', 'ours' ] );
			expect( radios[ 0 ].attributes( 'name' ) ).toBe( radios[ 1 ].attributes( 'name' ) );
			// Each radio is labelled.
			const id = radios[ 0 ].attributes( 'id' );
			expect( fieldset.find( `label[for="${ id }"]` ).text() ).toBe( '(partnerships-conflict-theirs)' );
		}
		const names = new Set( wrapper.findAll( 'input[type="radio"]' ).map( ( r ) => r.attributes( 'name' ) ) );
		expect( names.size ).toBe( 5 );
	} );

	it( 'resolves only once every field has a choice', async () => {
		const wrapper = mountResolver();
		const resolve = wrapper.findAll( 'button' ).find( ( b ) => b.text() === '(partnerships-conflict-resolve)' )!;
		expect( resolve.attributes( 'disabled' ) ).toBeDefined();
		expect( wrapper.text() ).toContain( '(partnerships-conflict-remaining: 5)' );

		const fieldsets = wrapper.findAll( 'fieldset' );
		const choice = [ 'ours', 'theirs', 'ours', 'theirs', 'ours' ];
		for ( const [ i, fieldset ] of fieldsets.entries() ) {
			await fieldset.find( `input[value="${ choice[ i ] }"]` ).setValue( true );
			if ( i < fieldsets.length - 1 ) {
				expect( resolve.attributes( 'disabled' ) ).toBeDefined();
			}
		}
		expect( resolve.attributes( 'disabled' ) ).toBeUndefined();
		expect( wrapper.text() ).not.toContain( 'partnerships-conflict-remaining' );
		await resolve.trigger( 'click' );
		expect( wrapper.emitted( 'resolve' ) ).toEqual( [ [ {
			name: 'ours',
			'summary/fr': 'theirs',
			partners: 'ours',
			'lessons/advice': 'theirs',
			type: 'ours',
		} ] ] );
	} );

	it( 'starts again when other conflicts come', async () => {
		const wrapper = mountResolver();
		await wrapper.find( 'input[value="ours"]' ).setValue( true );
		await wrapper.setProps( { conflicts: [ CONFLICTS[ 0 ] ] } );
		expect( wrapper.findAll( 'fieldset' ) ).toHaveLength( 1 );
		expect( ( wrapper.find( 'input[value="ours"]' ).element as HTMLInputElement ).checked ).toBe( false );
	} );

	it( 'can be cancelled', async () => {
		const wrapper = mountResolver();
		await wrapper.findAll( 'button' ).find( ( b ) => b.text() === '(partnerships-conflict-cancel)' )!.trigger( 'click' );
		expect( wrapper.emitted( 'cancel' ) ).toHaveLength( 1 );
		expect( wrapper.emitted( 'resolve' ) ).toBeUndefined();
	} );
} );
