import { describe, expect, it } from 'vitest';
import Ajv from 'ajv';
import { PARTNERSHIP_JSON_SCHEMA } from '../../../../src/knowledge/domain/partnershipSchema';
import { validatePartnership } from '../../../../src/knowledge/domain/partnership';
import {
	MAX_ERRORS,
	isCalendarDate,
	isHttpUrl,
	jsonEqual,
	validateAgainst,
} from '../../../../src/shared/schema/validate';
import { FULL_RECORD } from '../../../support/records';

// An independent reading of the two formats for Ajv, so that the comparison does not
// just compare our functions with themselves.
function ajvDate( text: string ): boolean {
	if ( !/^\d{4}-\d{2}-\d{2}$/.test( text ) ) {
		return false;
	}
	const date = new Date( text + 'T00:00:00Z' );
	return !Number.isNaN( date.getTime() ) && date.toISOString().slice( 0, 10 ) === text && text >= '0001';
}

function ajvHttpUrl( text: string ): boolean {
	// eslint-disable-next-line no-control-regex
	if ( /[\s\u0000-\u001f\u007f]/.test( text ) ) {
		return false;
	}
	try {
		const url = new URL( text );
		return [ 'http:', 'https:' ].includes( url.protocol ) && /^https?:\/\/[^/?#\\]/i.test( text ) && url.hostname !== '';
	} catch {
		return false;
	}
}

const ajv = new Ajv( { allErrors: true, strict: true, strictTypes: false } );
ajv.addFormat( 'date', ajvDate );
ajv.addFormat( 'http-url', ajvHttpUrl );
const ajvValidate = ajv.compile( PARTNERSHIP_JSON_SCHEMA );

const minimal = {
	schema: 'partnership/1',
	name: 'Minimal',
	partners: [ { label: 'Partner' } ],
	type: 'other',
	status: 'proposed',
};

type Doc = Record<string, unknown>;

const changed = ( changes: Doc ): Doc => ( { ...FULL_RECORD, ...changes } );
const without = ( key: string ): Doc => Object.fromEntries( Object.entries( FULL_RECORD ).filter( ( [ k ] ) => k !== key ) );

// [ description, document, valid? ]
const CASES: [ string, unknown, boolean ][] = [
	[ 'full record', FULL_RECORD, true ],
	[ 'minimal record', minimal, true ],
	[ 'not an object', [], false ],
	[ 'null', null, false ],
	[ 'a string', 'partnership/1', false ],
	[ 'wrong schema', changed( { schema: 'partnership/2' } ), false ],
	[ 'missing schema', without( 'schema' ), false ],
	[ 'missing name', without( 'name' ), false ],
	[ 'empty name', changed( { name: '' } ), false ],
	[ 'blank name', changed( { name: ' \t ' } ), false ],
	[ 'name of 200', changed( { name: 'x'.repeat( 200 ) } ), true ],
	[ 'name of 201', changed( { name: 'x'.repeat( 201 ) } ), false ],
	[ 'name of 200 astral characters', changed( { name: '𝔸'.repeat( 200 ) } ), true ],
	[ 'name a number', changed( { name: 5 } ), false ],
	[ 'no partners', changed( { partners: [] } ), false ],
	[ '50 partners', changed( { partners: Array( 50 ).fill( { label: 'P' } ) } ), true ],
	[ '51 partners', changed( { partners: Array( 51 ).fill( { label: 'P' } ) } ), false ],
	[ 'partner without label', changed( { partners: [ { wikidata: 'Q1' } ] } ), false ],
	[ 'partner with bad Wikidata id', changed( { partners: [ { label: 'P', wikidata: 'Q01' } ] } ), false ],
	[ 'partner with lower-case Wikidata id', changed( { partners: [ { label: 'P', wikidata: 'q42' } ] } ), false ],
	[ 'partner with unknown field', changed( { partners: [ { label: 'P', url: 'x' } ] } ), false ],
	[ 'unknown type', changed( { type: 'museum' } ), false ],
	[ 'each type', changed( { type: 'open-technology' } ), true ],
	[ 'unknown status', changed( { status: 'done' } ), false ],
	[ '30 themes', changed( { themes: Array( 30 ).fill( 'art' ) } ), true ],
	[ '31 themes', changed( { themes: Array( 31 ).fill( 'art' ) } ), false ],
	[ 'empty theme', changed( { themes: [ '' ] } ), false ],
	[ 'theme of 101', changed( { themes: [ 'x'.repeat( 101 ) ] } ), false ],
	[ 'steward without role', changed( { stewards: [ { organisation: 'WMNL' } ] } ), false ],
	[ 'steward with unknown role', changed( { stewards: [ { organisation: 'WMNL', role: 'boss' } ] } ), false ],
	[ 'steward with Wikidata id', changed( { stewards: [ { organisation: 'WMNL', role: 'funder', wikidata: 'Q1' } ] } ), true ],
	[ 'country as region', changed( { regions: [ 'NL' ] } ), false ],
	[ 'every region', changed( { regions: [ '001', '002', '019', '142', '150', '009', '419', '145' ] } ), true ],
	[ 'lower-case country', changed( { countries: [ 'nl' ] } ), false ],
	[ 'three-letter country', changed( { countries: [ 'NLD' ] } ), false ],
	[ 'language with script and region', changed( { languages: [ 'zh-Hans-CN', 'be-tarask', 'yue' ] } ), true ],
	[ 'language upper case', changed( { languages: [ 'EN' ] } ), false ],
	[ 'language with underscore', changed( { languages: [ 'pt_BR' ] } ), false ],
	[ 'unknown priority', changed( { priorities: [ 'fun' ] } ), false ],
	[ 'no start or end', without( 'start' ), true ],
	[ 'leap day', changed( { start: '2024-02-29' } ), true ],
	[ 'no leap day', changed( { start: '2023-02-29' } ), false ],
	[ 'month 13', changed( { start: '2023-13-01' } ), false ],
	[ 'date with time', changed( { start: '2023-01-01T00:00:00Z' } ), false ],
	[ 'date as number', changed( { start: 20230101 } ), false ],
	[ 'empty value', changed( { values: [ '' ] } ), false ],
	[ 'obligation without party', changed( { obligations: [ { role: 'x', obligations: [] } ] } ), false ],
	[ 'obligation with empty role', changed( { obligations: [ { party: 'P', role: '', obligations: [ 'Do' ] } ] } ), true ],
	[ 'obligation only a party', changed( { obligations: [ { party: 'P' } ] } ), true ],
	[ 'obligation text too long', changed( { obligations: [ { party: 'P', obligations: [ 'x'.repeat( 501 ) ] } ] } ), false ],
	[ 'goal without description', changed( { goals: [ { target: 5 } ] } ), false ],
	[ 'negative goal', changed( { goals: [ { description: 'd', target: -1 } ] } ), false ],
	[ 'fractional goal', changed( { goals: [ { description: 'd', target: 2.5, achieved: 0 } ] } ), true ],
	[ 'goal target as string', changed( { goals: [ { description: 'd', target: '5' } ] } ), false ],
	[ 'goal unit too long', changed( { goals: [ { description: 'd', unit: 'u'.repeat( 51 ) } ] } ), false ],
	[ 'empty donation', changed( { donation: {} } ), true ],
	[ 'donation with prefixed category', changed( { donation: { categories: [ 'Category:Images' ] } } ), false ],
	[ 'donation with category containing |', changed( { donation: { categories: [ 'A|B' ] } } ), false ],
	[ 'donation with fractional file count', changed( { donation: { categories: [], files: 1.5 } } ), false ],
	[ 'donation with negative file count', changed( { donation: { categories: [], files: -1 } } ), false ],
	[ 'donation with unknown field', changed( { donation: { categories: [], size: 1 } } ), false ],
	[ 'donation logo', changed( { donation: { logo: 'Rijksmuseum logo (2017).SVG' } } ), true ],
	[ 'donation logo jpeg with Unicode', changed( { donation: { logo: 'Музей — логотип.jpeg' } } ), true ],
	[ 'donation logo with File: prefix', changed( { donation: { logo: 'File:Logo.png' } } ), false ],
	[ 'donation logo with slash', changed( { donation: { logo: 'a/b.png' } } ), false ],
	[ 'donation logo with markup', changed( { donation: { logo: '<img src=x onerror=alert(1)>.png' } } ), false ],
	[ 'donation logo with braces', changed( { donation: { logo: '{{SITENAME}}.png' } } ), false ],
	[ 'donation logo not an image', changed( { donation: { logo: 'Report.pdf' } } ), false ],
	[ 'donation logo with trailing space', changed( { donation: { logo: 'Logo.png ' } } ), false ],
	[ 'donation logo with newline', changed( { donation: { logo: 'Lo\ngo.png' } } ), false ],
	[ 'donation logo of 240', changed( { donation: { logo: 'x'.repeat( 236 ) + '.png' } } ), true ],
	[ 'donation logo of 241', changed( { donation: { logo: 'x'.repeat( 237 ) + '.png' } } ), false ],
	[ 'partial lessons', changed( { lessons: { advice: 'Start small' } } ), true ],
	[ 'lessons too long', changed( { lessons: { advice: 'x'.repeat( 5001 ) } } ), false ],
	[ 'lessons unknown field', changed( { lessons: { secret: 'x' } } ), false ],
	[ 'documentation https', changed( { documentation: [ { label: 'L', url: 'https://meta.wikimedia.org/wiki/X?a=1#b' } ] } ), true ],
	[ 'documentation http upper case', changed( { documentation: [ { label: 'L', url: 'HTTP://example.org' } ] } ), true ],
	// eslint-disable-next-line no-script-url
	[ 'documentation javascript:', changed( { documentation: [ { label: 'L', url: 'javascript:alert(1)' } ] } ), false ],
	[ 'documentation data:', changed( { documentation: [ { label: 'L', url: 'data:text/html,<script>alert(1)</script>' } ] } ), false ],
	[ 'documentation relative', changed( { documentation: [ { label: 'L', url: '/wiki/X' } ] } ), false ],
	[ 'documentation protocol-relative', changed( { documentation: [ { label: 'L', url: '//example.org' } ] } ), false ],
	[ 'documentation with leading space', changed( { documentation: [ { label: 'L', url: ' https://example.org' } ] } ), false ],
	[ 'documentation with newline', changed( { documentation: [ { label: 'L', url: 'https://exa\nmple.org' } ] } ), false ],
	[ 'documentation too long', changed( { documentation: [ { label: 'L', url: 'https://example.org/' + 'x'.repeat( 2000 ) } ] } ), false ],
	[ 'documentation without url', changed( { documentation: [ { label: 'L' } ] } ), false ],
	[ 'contact user name with space', changed( { contacts: [ 'Jane Doe', 'Ünïcode 名前' ] } ), true ],
	[ 'contact e-mail address', changed( { contacts: [ 'jane@example.org' ] } ), false ],
	[ 'contact with slash', changed( { contacts: [ 'User/Sub' ] } ), false ],
	[ 'contact with colon', changed( { contacts: [ 'User:Jane' ] } ), false ],
	[ 'contact of 86', changed( { contacts: [ 'x'.repeat( 86 ) ] } ), false ],
	[ 'contact blank', changed( { contacts: [ ' ' ] } ), false ],
	[ 'summary in a bad language code', changed( { summary: { English: 'Hi' } } ), false ],
	[ 'summary __proto__ key', JSON.parse( '{"schema":"partnership/1","name":"x","partners":[{"label":"y"}],"type":"glam","status":"active","summary":{"__proto__":"x"}}' ), false ],
	[ 'summary empty text', changed( { summary: { en: '' } } ), false ],
	[ 'summary text an object', changed( { summary: { en: { html: '<b>' } } } ), false ],
	[ 'summary in many languages', changed( { summary: { en: 'a', 'zh-Hant': 'b', ary: 'c' } } ), true ],
	[ 'summary an array', changed( { summary: [ 'x' ] } ), false ],
	[ 'unknown top-level field', changed( { colour: 'red' } ), false ],
	[ 'top-level __proto__ key', JSON.parse( '{"schema":"partnership/1","name":"x","partners":[{"label":"y"}],"type":"glam","status":"active","__proto__":{}}' ), false ],
	[ 'constructor key', { ...minimal, constructor: {} }, false ],
];

describe( 'validatePartnership agrees with Ajv', () => {
	it( 'has enough cases', () => {
		expect( CASES.length ).toBeGreaterThanOrEqual( 40 );
	} );

	it.each( CASES )( '%s', ( _, doc, expected ) => {
		const ours = validateAgainst( PARTNERSHIP_JSON_SCHEMA, doc );
		const theirs = ajvValidate( doc );
		expect( { ours: ours.length === 0, ajv: theirs } ).toEqual( { ours: expected, ajv: expected } );
	} );
} );

describe( 'validation errors', () => {
	it.each( [
		[ null, [ { path: '', code: 'type', params: { type: 'object' } } ] ],
		[ { ...minimal, name: undefined }, [ { path: 'name', code: 'required' } ] ],
		[ { ...minimal, partners: [ { label: 'P', wikidata: 'x' }, {} ] }, [
			{ path: 'partners/0/wikidata', code: 'pattern', params: { pattern: '^Q[1-9][0-9]*$' } },
			{ path: 'partners/1/label', code: 'required' },
		] ],
		[ { ...minimal, 'a/b~c': 1 }, [ { path: 'a~1b~0c', code: 'additionalProperties', params: { property: 'a/b~c' } } ] ],
		[ { ...minimal, summary: { EN: 'x' } }, [ { path: 'summary/EN', code: 'pattern', params: { pattern: '^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$', propertyName: 'EN' } } ] ],
		[ { ...minimal, type: 'x', status: 5 }, [ { path: 'type', code: 'enum' }, { path: 'status', code: 'type', params: { type: 'string' } } ] ],
		[ { ...minimal, schema: 'partnership/2' }, [ { path: 'schema', code: 'const', params: { const: 'partnership/1' } } ] ],
		[ { ...minimal, goals: [ { description: 'd', target: -2 } ] }, [ { path: 'goals/0/target', code: 'minimum', params: { limit: 0 } } ] ],
		[ { ...minimal, goals: [ { description: 'd', target: Infinity } ] }, [ { path: 'goals/0/target', code: 'type', params: { type: 'number' } } ] ],
		[ { ...minimal, partners: [] }, [ { path: 'partners', code: 'minItems', params: { limit: 1 } } ] ],
		[ { ...minimal, start: '2020-02-30' }, [ { path: 'start', code: 'format', params: { format: 'date' } } ] ],
		[ { ...minimal, start: '2020-02-03', end: '2020-02-02' }, [ { path: 'end', code: 'date-order', params: { start: '2020-02-03' } } ] ],
		[ { ...minimal, start: '2020-02-03', end: '2020-02-03' }, [] ],
		[ { ...minimal, start: '2020-02-03', end: undefined }, [] ],
	] )( '%j', ( doc, errors ) => {
		expect( validatePartnership( doc ) ).toEqual( errors );
	} );

	it( 'stops at MAX_ERRORS', () => {
		const doc = { ...minimal, themes: Array( 30 ).fill( 5 ), values: Array( 50 ).fill( 5 ), contacts: Array( 50 ).fill( 5 ) };
		expect( validatePartnership( doc ) ).toHaveLength( MAX_ERRORS );
	} );

	it( 'ignores undefined properties, as JSON does', () => {
		expect( validatePartnership( { ...minimal, start: undefined, donation: undefined } ) ).toEqual( [] );
	} );
} );

describe( 'formats', () => {
	it.each( [
		[ '2024-02-29', true ],
		[ '2023-02-29', false ],
		[ '1900-02-29', false ],
		[ '2000-02-29', true ],
		[ '2023-04-31', false ],
		[ '2023-00-10', false ],
		[ '0000-01-01', false ],
		[ '2023-1-1', false ],
	] )( 'date %s', ( text, expected ) => {
		expect( isCalendarDate( text ) ).toBe( expected );
		expect( ajvDate( text ) ).toBe( expected );
	} );

	it.each( [
		[ 'https://example.org', true ],
		[ 'http://localhost:8080/x', true ],
		[ 'https://xn--bcher-kva.example/ä', true ],
		[ 'ftp://example.org', false ],
		// eslint-disable-next-line no-script-url
		[ 'javascript:alert(1)', false ],
		// eslint-disable-next-line no-script-url
		[ 'JaVaScRiPt:alert(1)', false ],
		[ 'https:example.org', false ],
		[ 'https:///x', false ],
		[ 'https://\\evil', false ],
		[ 'https://exa mple.org', false ],
		[ 'https://example.org\t', false ],
		[ '', false ],
	] )( 'http-url %s', ( text, expected ) => {
		expect( isHttpUrl( text ) ).toBe( expected );
	} );
} );

describe( 'jsonEqual', () => {
	it.each( [
		[ 1, 1, true ],
		[ [ 1, [ 2 ] ], [ 1, [ 2 ] ], true ],
		[ [ 1, 2 ], [ 2, 1 ], false ],
		[ { a: 1, b: [ 1 ] }, { b: [ 1 ], a: 1 }, true ],
		[ { a: 1 }, { a: 1, b: 2 }, false ],
		[ { a: undefined }, {}, true ],
		[ {}, [], false ],
		[ null, {}, false ],
		[ '1', 1, false ],
	] )( '%j and %j', ( a, b, expected ) => {
		expect( jsonEqual( a, b ) ).toBe( expected );
		expect( jsonEqual( b, a ) ).toBe( expected );
	} );
} );
