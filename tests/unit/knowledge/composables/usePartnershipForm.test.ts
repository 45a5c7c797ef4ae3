import { describe, expect, it } from 'vitest';
import { effectScope } from 'vue';
import {
	formStateFromRecord,
	recordFromFormState,
	usePartnershipForm,
	UsePartnershipFormReturn,
} from '../../../../src/knowledge/composables/usePartnershipForm';
import { Partnership, normalisePartnership, validatePartnership } from '../../../../src/knowledge/domain/partnership';
import { qqx } from '../../../support/setup';

const FULL: Partnership = normalisePartnership( {
	schema: 'partnership/1',
	name: 'Health articles in Swahili',
	partners: [ { label: 'Ministry of Health', wikidata: 'Q1' }, { label: 'A clinic' } ],
	type: 'health',
	themes: [ 'medicine', 'translation' ],
	stewards: [ { organisation: 'Wikimedia Community User Group Kenya', wikidata: 'Q2', role: 'lead' }, { organisation: 'WMF', role: 'funder' } ],
	regions: [ '002' ],
	countries: [ 'KE', 'TZ' ],
	languages: [ 'sw', 'en' ],
	priorities: [ 'language-gap', 'health-information' ],
	status: 'active',
	start: '2025-01-01',
	end: '2026-12-31',
	values: [ 'Open knowledge', 'Accuracy' ],
	obligations: [ { party: 'Ministry', role: 'Reviewer', obligations: [ 'Review articles', 'Share images' ] } ],
	goals: [ { description: 'Articles', target: 200, achieved: 150.5, unit: 'articles' }, { description: 'Events' } ],
	donation: { categories: [ 'Health in Kenya' ], licence: 'CC BY-SA 4.0', logo: 'Ministry of Health logo.png', files: 30 },
	lessons: { worked: 'Edit-a-thons', didNotWork: 'Online only', advice: 'Meet in person' },
	documentation: [ { label: 'Report', url: 'https://meta.wikimedia.org/wiki/Report' } ],
	contacts: [ 'Alice', 'Bob' ],
	summary: { en: 'Summary', sw: 'Muhtasari' },
} );

function withForm( initial: Partnership | null, test: ( form: UsePartnershipFormReturn ) => void ): void {
	const scope = effectScope();
	scope.run( () => test( usePartnershipForm( { initial, message: qqx, language: 'fr' } ) ) );
	scope.stop();
}

describe( 'usePartnershipForm', () => {
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

	it( 'shows a logo that is not an image file name as an error of its field', () => {
		withForm( FULL, ( form ) => {
			form.state.value.donation.logo = 'Report.pdf';
			expect( form.validateNow().map( ( e ) => `${ e.field } ${ e.code }` ) ).toContain( 'donation/logo pattern' );
		} );
	} );

	it( 'reads any draft without throwing', () => {
		for ( const junk of [ null, 42, 'text', [], { partners: 'x', goals: [ null, 3 ], summary: [ 'a' ], type: 'nope' } ] ) {
			const record = recordFromFormState( formStateFromRecord( junk ) );
			expect( record.schema ).toBe( 'partnership/1' );
			expect( record.type ).toBe( 'other' );
		}
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
