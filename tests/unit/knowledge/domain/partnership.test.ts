import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
	MIGRATIONS,
	emptyPartnership,
	normalisePartnership,
	parsePartnership,
	pickSummary,
	serializePartnership,
	validatePartnership,
} from '../../../../src/knowledge/domain/partnership';
import { FULL_RECORD } from '../../../support/records';

const valid = {
	schema: 'partnership/1',
	name: 'Rijksmuseum open collection',
	type: 'glam',
	status: 'active',
	partners: [ { label: 'Rijksmuseum', wikidata: 'Q190804' } ],
	regions: [ '150' ],
	countries: [ 'NL' ],
	languages: [ 'nl' ],
	summary: { en: 'Images', nl: 'Afbeeldingen' },
};

const DEFAULTS = {
	themes: [],
	stewards: [],
	regions: [],
	countries: [],
	languages: [],
	priorities: [],
	values: [],
	obligations: [],
	goals: [],
	lessons: { worked: '', didNotWork: '', advice: '' },
	documentation: [],
	contacts: [],
	summary: {},
};

describe( 'parsePartnership', () => {
	it( 'reads a valid record and fills defaults', () => {
		const result = parsePartnership( JSON.stringify( valid ) );
		expect( result ).toEqual( { ok: true, record: { ...DEFAULTS, ...valid } } );
		expect( result.ok && 'migratedFrom' in result ).toBe( false );
	} );

	it( 'reads a record with every field', () => {
		expect( parsePartnership( JSON.stringify( FULL_RECORD ) ) ).toEqual( { ok: true, record: FULL_RECORD } );
	} );

	it( 'reads the demo records', () => {
		const demo: { id: string; record: unknown }[] = JSON.parse( readFileSync( 'demo/partnerships.json', 'utf8' ) );
		expect( demo ).toHaveLength( 6 );
		for ( const { id, record } of demo ) {
			const result = parsePartnership( JSON.stringify( record ) );
			expect( result.ok ? 'ok' : `${ id }: ${ result.detail }` ).toBe( 'ok' );
		}
	} );

	it.each( [
		[ '{ not json', 'not-json' ],
		[ '', 'not-json' ],
		[ '[]', 'not-object' ],
		[ 'null', 'not-object' ],
		[ '"partnership/1"', 'not-object' ],
		[ JSON.stringify( { ...valid, schema: 'partnership/9' } ), 'unknown-schema' ],
		[ JSON.stringify( { ...valid, schema: undefined } ), 'unknown-schema' ],
		[ JSON.stringify( { ...valid, schema: { toString: 'x' } } ), 'unknown-schema' ],
		[ JSON.stringify( { ...valid, schema: 'constructor' } ), 'unknown-schema' ],
		[ JSON.stringify( { ...valid, name: '  ' } ), 'invalid-field' ],
		[ JSON.stringify( { ...valid, type: 'museum' } ), 'invalid-field' ],
		[ JSON.stringify( { ...valid, status: 'ACTIVE' } ), 'invalid-field' ],
		// eslint-disable-next-line no-script-url
		[ JSON.stringify( { ...valid, partners: [ { label: 'X', wikidata: 'javascript:alert(1)' } ] } ), 'invalid-field' ],
		[ JSON.stringify( { ...valid, partners: 'Rijksmuseum' } ), 'invalid-field' ],
		[ JSON.stringify( { ...valid, partners: [] } ), 'invalid-field' ],
		[ JSON.stringify( { ...valid, regions: [ 1 ] } ), 'invalid-field' ],
		[ JSON.stringify( { ...valid, regions: [ 'NL' ] } ), 'invalid-field' ],
		[ JSON.stringify( { ...valid, summary: { en: { html: '<b>' } } } ), 'invalid-field' ],
		[ JSON.stringify( { ...valid, colour: 'red' } ), 'invalid-field' ],
		[ JSON.stringify( { ...valid, start: '2020-02-30' } ), 'invalid-field' ],
		[ JSON.stringify( { ...valid, start: '2021-01-01', end: '2020-01-01' } ), 'invalid-field' ],
	] )( 'rejects %s as %s', ( text, reason ) => {
		const result = parsePartnership( text );
		expect( result.ok ).toBe( false );
		expect( !result.ok && result.reason ).toBe( reason );
		expect( !result.ok && result.errors.length > 0 ).toBe( reason === 'invalid-field' );
	} );

	it( 'says where and why a field is invalid', () => {
		const result = parsePartnership( JSON.stringify( {
			...valid,
			partners: [ { label: 'X', wikidata: 'Q0', colour: 'red' } ],
			start: '2021-01-01',
			end: '2020-01-01',
		} ) );
		expect( !result.ok && result.errors ).toEqual( [
			{ path: 'partners/0/wikidata', code: 'pattern', params: { pattern: '^Q[1-9][0-9]*$' } },
			{ path: 'partners/0/colour', code: 'additionalProperties', params: { property: 'colour' } },
			{ path: 'end', code: 'date-order', params: { start: '2021-01-01' } },
		] );
		expect( !result.ok && result.detail ).toBe( 'partners/0/wikidata: pattern; partners/0/colour: additionalProperties; end: date-order' );
	} );

	it( 'keeps hostile text as text', () => {
		const name = '<img src=x onerror=alert(1)>{{subst:X}}';
		const result = parsePartnership( JSON.stringify( { ...valid, name } ) );
		expect( result.ok && result.record.name ).toBe( name );
	} );
} );

describe( 'migrations', () => {
	const draft = {
		schema: 'partnership/0',
		title: 'Bundesarchiv image donation',
		partner: 'Bundesarchiv',
		kind: 'glam',
		state: 'concluded',
		description: 'About 100,000 photographs.',
	};

	it( 'reads partnership/0 drafts and says so', () => {
		expect( parsePartnership( JSON.stringify( draft ) ) ).toEqual( {
			ok: true,
			migratedFrom: 'partnership/0',
			record: {
				...DEFAULTS,
				schema: 'partnership/1',
				name: 'Bundesarchiv image donation',
				partners: [ { label: 'Bundesarchiv' } ],
				type: 'glam',
				status: 'concluded',
				summary: { en: 'About 100,000 photographs.' },
			},
		} );
	} );

	it( 'leaves out an empty description', () => {
		const result = parsePartnership( JSON.stringify( { ...draft, description: ' ' } ) );
		expect( result.ok && result.record.summary ).toEqual( {} );
	} );

	it.each( [
		[ { ...draft, title: '' }, 'title' ],
		[ { ...draft, kind: 'museum' }, 'kind' ],
		[ { ...draft, extra: 1 }, 'extra' ],
		[ { ...draft, partner: undefined }, 'partner' ],
	] )( 'rejects an invalid draft %j', ( doc, path ) => {
		const result = parsePartnership( JSON.stringify( doc ) );
		expect( !result.ok && result.reason ).toBe( 'invalid-field' );
		expect( !result.ok && result.errors[ 0 ].path ).toBe( path );
	} );

	it( 'migrates to the current version only', () => {
		for ( const migration of Object.values( MIGRATIONS ) ) {
			expect( migration.to ).toMatch( /^partnership\/\d+$/ );
		}
	} );
} );

describe( 'normalisePartnership and serializePartnership', () => {
	it( 'writes keys in schema order with tabs, whatever the input order', () => {
		const shuffled = Object.fromEntries( Object.entries( FULL_RECORD ).reverse() ) as typeof FULL_RECORD;
		const text = serializePartnership( { ...shuffled, summary: { nl: 'Afbeeldingen', en: 'Images' } } );
		expect( text ).toBe( serializePartnership( FULL_RECORD ) );
		expect( Object.keys( JSON.parse( text ) ) ).toEqual( [
			'schema', 'name', 'partners', 'type', 'themes', 'stewards', 'regions', 'countries', 'languages',
			'priorities', 'status', 'start', 'end', 'values', 'obligations', 'goals', 'donation', 'lessons',
			'documentation', 'contacts', 'summary',
		] );
		expect( Object.keys( JSON.parse( text ).summary ) ).toEqual( [ 'en', 'nl' ] );
		expect( text ).toContain( '\n\t"name": "Rijksmuseum open collection",\n' );
		expect( parsePartnership( text ) ).toEqual( { ok: true, record: FULL_RECORD } );
	} );

	it( 'leaves out undefined optional fields', () => {
		const text = serializePartnership( { ...FULL_RECORD, start: undefined, donation: undefined } );
		expect( JSON.parse( text ) ).not.toHaveProperty( 'start' );
		expect( JSON.parse( text ) ).not.toHaveProperty( 'donation' );
		expect( text ).not.toContain( 'undefined' );
	} );

	it( 'does not change its input', () => {
		const input = { schema: 'partnership/1', name: 'X', partners: [ { label: 'Y' } ], type: 'other', status: 'active' };
		const copy = structuredClone( input );
		normalisePartnership( input );
		expect( input ).toEqual( copy );
	} );

	it( 'makes a blank draft that needs a name and a partner', () => {
		const draft = emptyPartnership();
		expect( draft ).toMatchObject( { schema: 'partnership/1', name: '', partners: [], ...DEFAULTS } );
		expect( validatePartnership( draft ).map( ( e ) => e.path ) ).toEqual( [ 'name', 'partners' ] );
		expect( emptyPartnership() ).not.toBe( draft );
		draft.themes.push( 'x' );
		expect( emptyPartnership().themes ).toEqual( [] );
		const filled = { ...draft, name: 'New', partners: [ { label: 'Museum' } ] };
		expect( validatePartnership( filled ) ).toEqual( [] );
	} );
} );

describe( 'parsePartnership on hostile input', () => {
	// A small deterministic generator, so a failure can be reproduced.
	function random( seed: number ): () => number {
		let state = seed;
		return () => {
			state = ( state * 1103515245 + 12345 ) % 2147483648;
			return state / 2147483648;
		};
	}

	function randomValue( next: () => number, depth: number ): unknown {
		const pick = Math.floor( next() * ( depth > 3 ? 5 : 7 ) );
		const strings = [ '', ' ', '__proto__', 'constructor', 'prototype', 'partnership/1', 'glam', 'Q1', '\u0000', '\ud800', '💥'.repeat( 3 ), 'x'.repeat( 300 ) ];
		switch ( pick ) {
			case 0: return null;
			case 1: return next() < 0.5;
			case 2: return [ 0, -1, 1.5, 1e308, -0 ][ Math.floor( next() * 5 ) ];
			case 3:
			case 4: return strings[ Math.floor( next() * strings.length ) ];
			case 5: return Array.from( { length: Math.floor( next() * 4 ) }, () => randomValue( next, depth + 1 ) );
			default: {
				const keys = [ 'schema', 'name', 'partners', 'summary', 'label', 'lessons', 'donation', '__proto__', 'constructor', 'en', 'start', 'end' ];
				return Object.fromEntries( Array.from( { length: Math.floor( next() * 5 ) }, () => [
					keys[ Math.floor( next() * keys.length ) ],
					randomValue( next, depth + 1 ),
				] ) );
			}
		}
	}

	const base = JSON.stringify( { ...valid, summary: { en: 'Images' }, start: '2020-01-01' } );

	function expectWellFormed( text: string ): void {
		const result = parsePartnership( text );
		if ( result.ok ) {
			expect( validatePartnership( result.record ) ).toEqual( [] );
		} else {
			expect( [ 'not-json', 'too-large', 'not-object', 'unknown-schema', 'invalid-field' ] ).toContain( result.reason );
			expect( typeof result.detail ).toBe( 'string' );
			expect( Array.isArray( result.errors ) ).toBe( true );
		}
	}

	it( 'never throws on random documents and mangled records', () => {
		const next = random( 42 );
		for ( let n = 0; n < 2000; n++ ) {
			const value = randomValue( next, 0 );
			const doc = next() < 0.5 && value && typeof value === 'object' && !Array.isArray( value ) ?
				{ ...JSON.parse( base ), ...value } : value;
			expectWellFormed( JSON.stringify( doc ) ?? 'undefined' );
			const chars = [ ...base ];
			const at = Math.floor( next() * chars.length );
			chars.splice( at, Math.floor( next() * 3 ), String.fromCharCode( Math.floor( next() * 128 ) ) );
			expectWellFormed( chars.join( '' ) );
		}
	} );

	it.each( [
		[ 'huge name', JSON.stringify( { ...valid, name: 'x'.repeat( 5e6 ) } ) ],
		[ 'huge contact', JSON.stringify( { ...valid, contacts: [ ' '.repeat( 1e6 ) + '#' ] } ) ],
		[ 'huge list', JSON.stringify( { ...valid, themes: Array( 1e5 ).fill( 'x' ) } ) ],
		[ 'deep arrays', '['.repeat( 1e5 ) + ']'.repeat( 1e5 ) ],
		[ 'deep objects', '{"a":'.repeat( 1e4 ) + '1' + '}'.repeat( 1e4 ) ],
		[ 'deep value in a record', JSON.stringify( { ...valid, summary: { en: JSON.parse( '['.repeat( 1000 ) + ']'.repeat( 1000 ) ) } } ) ],
		[ 'lone surrogates', JSON.stringify( { ...valid, name: '\ud800\udfff\udc00' } ) ],
		[ 'number edge cases', '{"schema":"partnership/1","name":"x","partners":[{"label":"y"}],"type":"glam","status":"active","goals":[{"description":"d","target":1e400}]}' ],
	] )( 'copes with %s', ( _, text ) => {
		const started = performance.now();
		expectWellFormed( text );
		expect( performance.now() - started ).toBeLessThan( 2000 );
	} );

	it( 'reads the page of issue 13 (a schema of 100,000 nested arrays) as invalid, with the reason', () => {
		const text = '{"schema":' + '['.repeat( 100000 ) + ']'.repeat( 100000 ) + '}';
		expect( () => parsePartnership( text ) ).not.toThrow();
		expect( parsePartnership( text ) ).toEqual( {
			ok: false, reason: 'too-large', detail: 'nested deeper than 64 levels', errors: [],
		} );
		// Within the bound, an unknown schema is reported as before.
		const shallow = '{"schema":' + '['.repeat( 60 ) + ']'.repeat( 60 ) + '}';
		expect( parsePartnership( shallow ) ).toMatchObject( { ok: false, reason: 'unknown-schema' } );
	} );

	it( 'does not parse a page longer than any record', () => {
		const result = parsePartnership( JSON.stringify( { ...valid, name: 'x'.repeat( 5e6 ) } ) );
		expect( result ).toMatchObject( { ok: false, reason: 'too-large' } );
	} );

	it( 'does not let documents touch prototypes', () => {
		const attempts = [
			'{"__proto__":{"polluted":1}}',
			'{"constructor":{"prototype":{"polluted":1}}}',
			'{"schema":"partnership/1","name":"x","type":"glam","status":"active","partners":[{"label":"y","__proto__":{"polluted":1}}]}',
			'{"schema":"partnership/1","name":"x","type":"glam","status":"active","partners":[{"label":"y"}],"summary":{"__proto__":{"polluted":1}}}',
			'{"schema":"partnership/1","name":"x","type":"glam","status":"active","partners":[{"label":"y"}],"lessons":{"constructor":{"prototype":{"polluted":1}}}}',
			'{"schema":"partnership/0","title":"t","partner":"p","kind":"glam","state":"active","__proto__":{"polluted":1}}',
		];
		for ( const text of attempts ) {
			const result = parsePartnership( text );
			expect( result.ok ).toBe( false );
			normalisePartnership( JSON.parse( text ) );
		}
		const withProto = normalisePartnership( JSON.parse( '{"name":"x","__proto__":{"polluted":1},"summary":{"__proto__":"x"}}' ) );
		expect( Object.getPrototypeOf( withProto ) ).toBe( Object.prototype );
		expect( Object.getPrototypeOf( withProto.summary ) ).toBe( Object.prototype );
		expect( ( {} as Record<string, unknown> ).polluted ).toBeUndefined();
		expect( ( Object.prototype as Record<string, unknown> ).polluted ).toBeUndefined();
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
		expect( pickSummary( {}, [ 'constructor', 'toString' ] ) ).toBe( '' );
	} );
} );

describe( 'donation categories are category titles the wiki accepts', () => {
	const withCategories = ( categories: string[] ): unknown => ( {
		...valid,
		donation: { categories },
	} );

	it.each( [
		'../../../../etc/passwd',
		'a/../b',
		'~~~~',
		'&lt;script&gt;',
		'%3Cscript%3E',
		'a[b',
		'a]b',
		'a{b',
		'a}b',
		'a|b',
		'a#b',
		'a\u0001b',
		'a\u200eb',
		'Category:X',
		':X',
		'é'.repeat( 128 ),
	] )( 'refuses %j', ( name ) => {
		const errors = validatePartnership( withCategories( [ 'Images from the Rijksmuseum', name ] ) );
		expect( errors.filter( ( e ) => e.path === 'donation/categories/1' ) ).toHaveLength( 1 );
		expect( parsePartnership( JSON.stringify( withCategories( [ name ] ) ) ) ).toMatchObject( { ok: false, reason: 'invalid-field' } );
	} );

	it.each( [ 'Images from the Rijksmuseum', 'Files from X/1900', 'AT&T archives', '100% open', 'Ὀδυσσεύς' ] )( 'accepts %j', ( name ) => {
		expect( validatePartnership( withCategories( [ name ] ) ) ).toEqual( [] );
	} );
} );
