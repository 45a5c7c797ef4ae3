import { describe, expect, it } from 'vitest';
import { formStateFromRecord, recordFromFormState } from '../../../../src/knowledge/domain/formModel';
import { validatePartnership } from '../../../../src/knowledge/domain/partnership';
import { FORM_RECORD as FULL } from '../../../support/formRecord';

describe( 'formModel', () => {
	it( 'gives back every field of a record it was given', () => {
		expect( validatePartnership( FULL ) ).toEqual( [] );
		expect( recordFromFormState( formStateFromRecord( FULL ) ) ).toEqual( FULL );
	} );

	it( 'keeps a logo as a file name without "File:" and underscores, and a donation with only a logo', () => {
		const state = formStateFromRecord( null );
		state.donation.logo = ' File:Ministry_of_Health logo.png ';
		expect( recordFromFormState( state ).donation ).toEqual( { categories: [], logo: 'Ministry of Health logo.png' } );
		state.donation.logo = '';
		expect( recordFromFormState( state ).donation ).toBeUndefined();
	} );

	it( 'reads any draft without throwing', () => {
		for ( const junk of [ null, 42, 'text', [], { partners: 'x', goals: [ null, 3 ], summary: [ 'a' ], type: 'nope' } ] ) {
			const record = recordFromFormState( formStateFromRecord( junk ) );
			expect( record.schema ).toBe( 'partnership/1' );
			expect( record.type ).toBe( 'other' );
		}
	} );
} );
