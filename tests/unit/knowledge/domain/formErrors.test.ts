import { describe, expect, it } from 'vitest';
import { errorMessage, formErrors } from '../../../../src/knowledge/domain/formErrors';
import { FormError, buildForm, formStateFromRecord } from '../../../../src/knowledge/domain/formModel';
import { FORM_RECORD } from '../../../support/formRecord';
import { qqx } from '../../../support/setup';

describe( 'formErrors', () => {
	it( 'finds nothing wrong with a valid record', () => {
		expect( formErrors( buildForm( formStateFromRecord( FORM_RECORD ) ) ) ).toEqual( [] );
	} );

	it( 'puts an error in a row on the form row, counting the empty rows left out', () => {
		const state = formStateFromRecord( FORM_RECORD );
		state.documentation.unshift( { key: -1, label: '', url: '' } );
		state.documentation[ 1 ].url = 'not a link';
		expect( formErrors( buildForm( state ) ).map( ( e ) => `${ e.field } ${ e.code }` ) ).toEqual( [ 'documentation/1/url format' ] );
	} );
} );

describe( 'errorMessage', () => {
	it.each( [
		[ { path: 'name', field: 'name', code: 'minLength', params: { limit: 1 } }, '(partnerships-validation-minLength: 1)' ],
		[ { path: 'end', field: 'end', code: 'date-order', params: { start: '2026-05-01' } }, '(partnerships-validation-date-order: 2026-05-01)' ],
		[ { path: 'start', field: 'start', code: 'format', params: { format: 'date' } }, '(partnerships-validation-format-date)' ],
		[ { path: 'x', field: 'x', code: 'format', params: { format: 'other' } }, '(partnerships-validation-format)' ],
		[ { path: 'x', field: 'x', code: 'minimum' }, '(partnerships-validation-minimum)' ],
		[ { path: 'summaries/1/language', field: 'summaries/1/language', code: 'duplicate' }, '(partnerships-validation-duplicate)' ],
	] as [ FormError, string ][] )( '%o → %s', ( error, text ) => {
		expect( errorMessage( error, qqx ) ).toBe( text );
	} );
} );
