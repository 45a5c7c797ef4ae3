import { describe, expect, it } from 'vitest';
import { effectScope } from 'vue';
import { usePartnershipForm, UsePartnershipFormReturn } from '../../../../src/knowledge/composables/usePartnershipForm';
import { Partnership } from '../../../../src/knowledge/domain/partnership';
import { FORM_RECORD as FULL } from '../../../support/formRecord';
import { qqx } from '../../../support/setup';

function withForm( initial: Partnership | null, test: ( form: UsePartnershipFormReturn ) => void ): void {
	const scope = effectScope();
	scope.run( () => test( usePartnershipForm( { initial, message: qqx, language: 'fr' } ) ) );
	scope.stop();
}

describe( 'usePartnershipForm', () => {
	it( 'shows a logo that is not an image file name as an error of its field', () => {
		withForm( FULL, ( form ) => {
			form.state.value.donation.logo = 'Report.pdf';
			expect( form.validateNow().map( ( e ) => `${ e.field } ${ e.code }` ) ).toContain( 'donation/logo pattern' );
		} );
	} );

	it( 'starts a new record with one partner row and a summary row in the reader’s language, not dirty', () => {
		withForm( null, ( form ) => {
			expect( form.state.value.partners ).toHaveLength( 1 );
			expect( form.state.value.summaries.map( ( s ) => s.language ) ).toEqual( [ 'fr' ] );
			expect( form.dirty.value ).toBe( false );
			// Empty rows are not part of the record.
			expect( form.record.value.partners ).toEqual( [] );
			expect( form.record.value.summary ).toEqual( {} );
			form.state.value.name = 'x';
			expect( form.dirty.value ).toBe( true );
		} );
	} );

	it( 'maps errors to form rows, leaving out empty rows', () => {
		withForm( FULL, ( form ) => {
			form.state.value.partners.unshift( { key: -1, organisation: { label: '' } } );
			form.state.value.partners[ 2 ].organisation.wikidata = 'nope';
			form.state.value.stewards[ 0 ].organisation.wikidata = 'Q0';
			form.state.value.summaries.push( { key: -2, language: 'not a code', text: 'Text' } );
			form.state.value.summaries.push( { key: -3, language: '', text: 'No language' } );
			form.state.value.summaries.push( { key: -4, language: 'en', text: 'Again' } );
			form.state.value.summaries[ 1 ].text = ' ';
			const fields = form.validateNow().map( ( e ) => `${ e.field } ${ e.code }` );
			expect( fields ).toEqual( expect.arrayContaining( [
				'partners/2/wikidata pattern',
				'stewards/0/organisation pattern',
				'summaries/2/language pattern',
				'summaries/3/language required',
				'summaries/4/language duplicate',
			] ) );
			expect( fields ).toHaveLength( 5 );
			// Shown only once touched or submitted.
			expect( form.errorFor( 'partners/2' ) ).toBeNull();
			form.touch( 'partners/2' );
			expect( form.errorFor( 'partners/2' ) ).toBe( '(partnerships-validation-pattern)' );
			expect( form.errorFor( 'partners', true ) ).toBeNull();
			form.submitted.value = true;
			expect( form.errorFor( 'summaries/4/language' ) ).toBe( '(partnerships-validation-duplicate)' );
		} );
	} );
} );
