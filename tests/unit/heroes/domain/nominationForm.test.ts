import { describe, expect, it } from 'vitest';
import {
	NominationFormState, duplicateOf, emptyNominationForm, nominationErrors, nomineeOf, partnershipChoices,
	restoreNominationForm, typedUserName,
} from '../../../../src/heroes/domain/nominationForm';
import type { Nominee } from '../../../../src/heroes/domain/heroes';
import { nomination } from '../../../support/fakeHeroes';
import { qqx } from '../../../support/setup';

const CITATION = 'Bob has mentored dozens of new editors over the years.';
const form = ( fields: Partial<NominationFormState> ): NominationFormState => ( { ...emptyNominationForm(), ...fields } );

describe( 'nominee of the form', () => {
	it.each( [
		[ 'User: bob ', 'bob' ],
		[ 'user:Bob', 'Bob' ],
		[ '  Alice  ', 'Alice' ],
	] )( 'reads the account %j as %j', ( typed, name ) => {
		expect( typedUserName( typed ) ).toBe( name );
	} );

	it.each( [
		[ form( { user: 'user: bob_smith' } ), { kind: 'user', user: 'Bob smith' } ],
		[ form( { kind: 'group', name: ' WUG ', wikidata: ' q42 ' } ), { kind: 'group', name: 'WUG', wikidata: 'Q42' } ],
		[ form( { kind: 'group', name: 'WUG' } ), { kind: 'group', name: 'WUG' } ],
		[ form( { kind: 'community', language: ' DAG ', region: '002' } ), { kind: 'community', language: 'dag', region: '002' } ],
	] )( 'normalises %j', ( state, nominee ) => {
		expect( nomineeOf( state ) ).toEqual( nominee );
	} );

	it( 'finds an open nomination of the same nominee once the nominee is complete', () => {
		const open = [ nomination( 'bob-2026' ) ];
		expect( duplicateOf( open, { kind: 'user', user: 'Bob' } )?.id ).toBe( 'bob-2026' );
		expect( duplicateOf( open, { kind: 'user', user: '' } ) ).toBeUndefined();
		expect( duplicateOf( open, { kind: 'community', language: 'dag', region: '' } as unknown as Nominee ) ).toBeUndefined();
	} );
} );

describe( 'nominationErrors', () => {
	it( 'finds nothing wrong in a complete nomination', () => {
		expect( nominationErrors( form( { user: 'Bob', category: 'mentor', citation: CITATION } ), { userStatus: 'exists' }, qqx ) ).toEqual( {} );
	} );

	it.each( [
		[ 'an empty form', form( {} ), 'exists', { user: '(partnerships-validation-required)', category: '(partnerships-validation-required)', citation: '(partnerships-heroes-citation-bounds: 0, 30, 2000)' } ],
		[ 'a missing account', form( { user: 'Ghost', category: 'mentor', citation: CITATION } ), 'missing', { user: '(partnerships-heroes-user-missing: \u2068Ghost\u2069)' } ],
		[ 'a lookup that failed', form( { user: 'Bob', category: 'mentor', citation: CITATION } ), 'error', { user: '(partnerships-heroes-user-check-failed)' } ],
		[ 'a name no account can have', form( { user: 'Bob#x', category: 'mentor', citation: CITATION } ), 'invalid', { user: '(partnerships-heroes-user-invalid)' } ],
		[ 'a group with a bad item', form( { kind: 'group', name: 'x'.repeat( 201 ), wikidata: 'P1', category: 'mentor', citation: CITATION } ), 'idle', {
			name: '(partnerships-validation-maxLength: 200)', wikidata: '(partnerships-heroes-wikidata-invalid)',
		} ],
		[ 'a community without region', form( { kind: 'community', language: 'not a tag', category: 'mentor', citation: CITATION } ), 'idle', {
			language: '(partnerships-heroes-language-invalid: \u2068not a tag\u2069)', region: '(partnerships-validation-required)',
		} ],
		[ 'a bad language', form( { user: 'Bob', category: 'mentor', citation: CITATION, languages: [ 'en', 'x y' ] } ), 'exists', {
			languages: '(partnerships-heroes-language-invalid: \u2068x y\u2069)',
		} ],
	] as const )( 'says what is wrong with %s', ( _, state, userStatus, errors ) => {
		expect( nominationErrors( state, { userStatus }, qqx ) ).toEqual( errors );
	} );

	it( 'names the duplicate', () => {
		expect( nominationErrors( form( { user: 'Bob', category: 'mentor', citation: CITATION } ), { userStatus: 'exists', duplicateName: 'Bob' }, qqx ) )
			.toEqual( { duplicate: '(partnerships-heroes-duplicate: \u2068Bob\u2069)' } );
	} );
} );

describe( 'restoreNominationForm', () => {
	it( 'takes back what could have been typed or chosen, and nothing else', () => {
		const state = emptyNominationForm();
		restoreNominationForm( state, {
			kind: 'group', name: 'WUG', wikidata: 7, category: 'mentor', region: 'nowhere', citation: CITATION,
			partnerships: [ 'who', 3 ], regions: [ '002', 'evil' ], languages: [ 'dag' ], extra: 'x',
		} );
		expect( state ).toEqual( form( {
			kind: 'group', name: 'WUG', category: 'mentor', citation: CITATION, partnerships: [ 'who' ], regions: [ '002' ], languages: [ 'dag' ],
		} ) );
	} );

	it.each( [ null, 'x', 42 ] )( 'ignores a draft that is no object: %j', ( saved ) => {
		const state = emptyNominationForm();
		restoreNominationForm( state, saved );
		expect( state ).toEqual( emptyNominationForm() );
	} );

	it( 'ignores an unknown kind and category', () => {
		const state = emptyNominationForm();
		restoreNominationForm( state, { kind: 'robot', category: 'hacker' } );
		expect( state ).toEqual( emptyNominationForm() );
	} );
} );

describe( 'partnershipChoices', () => {
	const all = [ { id: 'rijksmuseum', name: 'Rijksmuseum open collection' }, { id: 'who', name: 'WHO infographics' }, { id: 'rijks-2', name: 'Rijks maps' } ];

	it( 'offers the chosen ones, then those matching, a few at a time', () => {
		expect( partnershipChoices( all, [ 'who' ], 'RIJKS', 1 ) ).toEqual( [ all[ 1 ], all[ 0 ] ] );
		expect( partnershipChoices( all, [], '  ', 8 ) ).toEqual( [] );
	} );

	it( 'keeps a chosen id whose name is unknown', () => {
		expect( partnershipChoices( [], [ 'gone' ], '', 8 ) ).toEqual( [ { id: 'gone', name: 'gone' } ] );
	} );
} );
