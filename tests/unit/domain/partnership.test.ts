import { describe, expect, it } from 'vitest';
import { parsePartnership, pickSummary } from '../../../src/domain/partnership';

const valid = {
	schema: 'partnership/1',
	name: 'Rijksmuseum open collection',
	type: 'glam',
	status: 'active',
	partners: [ { label: 'Rijksmuseum', wikidata: 'Q190804' } ],
	regions: [ 'NL' ],
	languages: [ 'nl' ],
	summary: { en: 'Images', nl: 'Afbeeldingen' },
};

describe( 'parsePartnership', () => {
	it( 'reads a valid record', () => {
		const result = parsePartnership( JSON.stringify( valid ) );
		expect( result ).toEqual( { ok: true, record: valid } );
	} );

	it( 'fills optional lists', () => {
		const { regions, languages, summary, ...minimal } = valid;
		const result = parsePartnership( JSON.stringify( minimal ) );
		expect( result.ok && result.record ).toMatchObject( { regions: [], languages: [], summary: {} } );
		expect( [ regions, languages, summary ] ).toBeTruthy();
	} );

	it.each( [
		[ '{ not json', 'not-json' ],
		[ '[]', 'not-object' ],
		[ 'null', 'not-object' ],
		[ JSON.stringify( { ...valid, schema: 'partnership/9' } ), 'unknown-schema' ],
		[ JSON.stringify( { ...valid, schema: undefined } ), 'unknown-schema' ],
		[ JSON.stringify( { ...valid, name: '  ' } ), 'invalid-field' ],
		[ JSON.stringify( { ...valid, type: 'museum' } ), 'invalid-field' ],
		[ JSON.stringify( { ...valid, status: 'ACTIVE' } ), 'invalid-field' ],
		// eslint-disable-next-line no-script-url
		[ JSON.stringify( { ...valid, partners: [ { label: 'X', wikidata: 'javascript:alert(1)' } ] } ), 'invalid-field' ],
		[ JSON.stringify( { ...valid, partners: 'Rijksmuseum' } ), 'invalid-field' ],
		[ JSON.stringify( { ...valid, regions: [ 1 ] } ), 'invalid-field' ],
		[ JSON.stringify( { ...valid, summary: { en: { html: '<b>' } } } ), 'invalid-field' ],
	] )( 'rejects %s as %s', ( text, reason ) => {
		const result = parsePartnership( text );
		expect( result.ok ).toBe( false );
		expect( !result.ok && result.reason ).toBe( reason );
	} );

	it( 'keeps hostile text as text', () => {
		const name = '<img src=x onerror=alert(1)>{{subst:X}}';
		const result = parsePartnership( JSON.stringify( { ...valid, name } ) );
		expect( result.ok && result.record.name ).toBe( name );
	} );
} );

describe( 'pickSummary', () => {
	it.each( [
		[ [ 'nl' ], 'Afbeeldingen' ],
		[ [ 'de' ], 'Images' ],
		[ [], 'Images' ],
	] )( 'for %j', ( langs, expected ) => {
		expect( pickSummary( valid.summary, langs ) ).toBe( expected );
	} );
	it( 'falls back to any language, then to nothing', () => {
		expect( pickSummary( { fr: 'Images' }, [ 'de' ] ) ).toBe( 'Images' );
		expect( pickSummary( {}, [ 'de' ] ) ).toBe( '' );
	} );
} );
