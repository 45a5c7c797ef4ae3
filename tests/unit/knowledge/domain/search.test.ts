import { describe, expect, it } from 'vitest';
import {
	FACET_NAMES,
	SearchIndex,
	SearchItem,
	SearchQuery,
	createSearchIndex,
	fold,
	searchPartnerships,
} from '../../../../src/knowledge/domain/search';
import { PARTNERSHIP_STATUSES, PARTNERSHIP_TYPES, PRIORITY_AREAS, REGIONS } from '../../../../src/knowledge/domain/partnership';
import { makeRecord } from '../../../support/records';

describe( 'fold', () => {
	it.each( [
		[ 'Réseau', 'reseau' ],
		[ '  Wiki   Loves\tMonuments\n', 'wiki loves monuments' ],
		[ 'İstanbul', 'istanbul' ],
		[ 'ISTANBUL', 'istanbul' ],
		[ 'Straße', 'strasse' ],
		[ 'Łódź', 'lodz' ],
		[ 'Ærø', 'aero' ],
		[ 'Ελληνικά', 'ελληνικα' ],
		[ 'Ёлка', 'елка' ],
		[ 'हिन्दी', 'हिन्दी'.normalize( 'NFD' ) ],
		[ '東京', '東京' ],
		[ 'Museo d’Arte', "museo d'arte" ],
		[ 'Musée d‘Orsay', "musee d'orsay" ],
		[ 'Hawaiʼi', "hawai'i" ],
		[ 'الإسكندرية', 'الاسكندرية' ],
		[ 'مكتبة الإسكندرية', 'مكتبة الاسكندرية' ],
		[ 'أرشيف', 'ارشيف' ],
		[ 'آثار', 'اثار' ],
		[ 'عَرَبِيّ', 'عربي' ],
		[ 'جمـــيل', 'جميل' ],
	] )( '%s → %s', ( text, folded ) => {
		expect( fold( text ) ).toBe( folded );
	} );
} );

function item( key: string, overrides: Parameters<typeof makeRecord>[ 0 ] = {}, timestamp = '2026-01-01T00:00:00Z' ): SearchItem {
	return { key, record: makeRecord( overrides ), timestamp };
}

const ITEMS: SearchItem[] = [
	item( 'rijks', {
		name: 'Rijksmuseum open collection',
		type: 'glam',
		status: 'active',
		regions: [ '150' ],
		countries: [ 'NL' ],
		languages: [ 'nl', 'en' ],
		priorities: [ 'open-access' ],
		stewards: [ { organisation: 'Wikimedia Nederland', role: 'lead' } ],
		start: '2013-01-01',
		summary: { nl: 'Afbeeldingen van het museum' },
	}, '2026-03-01T00:00:00Z' ),
	item( 'bundesarchiv', {
		name: 'Bundesarchiv image donation',
		type: 'glam',
		status: 'concluded',
		regions: [ '150' ],
		countries: [ 'DE' ],
		languages: [ 'de' ],
		priorities: [ 'open-access' ],
		stewards: [ { organisation: 'Wikimedia Deutschland', role: 'lead' } ],
		start: '2008-12-01',
		lessons: { worked: 'Volunteers', didNotWork: 'Captions', advice: 'Plan the museum review' },
	}, '2026-01-01T00:00:00Z' ),
	item( 'who', {
		name: 'WHO health information',
		type: 'health',
		status: 'active',
		regions: [ '001' ],
		languages: [ 'en', 'fr' ],
		priorities: [ 'health-information', 'language-gap' ],
		stewards: [ { organisation: 'Wikimedia Foundation', role: 'lead' } ],
		start: '2020-10-22',
		themes: [ 'Public health' ],
	}, '2026-02-01T00:00:00Z' ),
	item( 'reseau', {
		name: 'Réseau des musées de Genève',
		type: 'glam',
		status: 'proposed',
		regions: [ '150', '150' ],
		countries: [ 'CH' ],
		languages: [ 'fr' ],
		stewards: [ { organisation: 'Wikimedia CH', role: 'lead' }, { organisation: 'Wikimedia CH', role: 'funder' } ],
		values: [ 'Museum data is public' ],
	}, '2026-04-01T00:00:00Z' ),
	item( 'ghana', {
		name: 'Wiki Loves Monuments in Ghana',
		type: 'campaign',
		status: 'active',
		regions: [ '002' ],
		countries: [ 'GH' ],
		languages: [ 'en' ],
		partners: [ { label: 'Ghana Museums and Monuments Board' } ],
	}, '2026-05-01T00:00:00Z' ),
];

const index = createSearchIndex( ITEMS, 'en' );

function query( overrides: Partial<SearchQuery> = {} ): SearchQuery {
	return { text: '', filters: {}, sort: 'name', page: 1, pageSize: 20, ...overrides };
}

function keys( overrides: Partial<SearchQuery> ): string[] {
	return searchPartnerships( index, query( overrides ) ).keys;
}

describe( 'searchPartnerships', () => {
	it( 'lists everything by name when nothing is asked', () => {
		const result = searchPartnerships( index, query() );
		expect( result.keys ).toEqual( [ 'bundesarchiv', 'reseau', 'rijks', 'who', 'ghana' ] );
		expect( result ).toMatchObject( { total: 5, page: 1, pageCount: 1 } );
	} );

	it.each( [
		[ 'reseau', [ 'reseau' ] ],
		[ 'RÉSEAU', [ 'reseau' ] ],
		[ 'musee', [ 'reseau' ] ],
		[ 'museum', [ 'bundesarchiv', 'reseau', 'rijks', 'ghana' ] ],
		[ 'museum  open', [ 'rijks' ] ],
		[ 'open museum', [ 'rijks' ] ],
		[ 'public health', [ 'who' ] ],
		[ 'afbeeldingen', [ 'rijks' ] ],
		[ 'captions', [ 'bundesarchiv' ] ],
		[ 'monuments board', [ 'ghana' ] ],
		[ 'nothing-like-this', [] ],
		[ '   ', [ 'bundesarchiv', 'reseau', 'rijks', 'who', 'ghana' ] ],
	] )( 'text %j', ( text, expected ) => {
		expect( keys( { text } ) ).toEqual( expected );
	} );

	it( 'does not match across fields', () => {
		// "Volunteers" ends one field and "Captions" starts the next.
		expect( keys( { text: 'volunteerscaptions' } ) ).toEqual( [] );
		expect( keys( { text: 'volunteers captions' } ) ).toEqual( [ 'bundesarchiv' ] );
	} );

	it( 'ranks name matches first by relevance', () => {
		// Only "Rijksmuseum" has it in the name; the others in partners, lessons, values.
		expect( keys( { text: 'museum', sort: 'relevance' } ) ).toEqual( [ 'rijks', 'bundesarchiv', 'reseau', 'ghana' ] );
		// A word starting with the term ("musées") ranks above a match inside a word.
		expect( keys( { text: 'mus', sort: 'relevance' } ) ).toEqual( [ 'reseau', 'rijks', 'bundesarchiv', 'ghana' ] );
		expect( keys( { text: 'mus', sort: '-name' } ) ).toEqual( [ 'ghana', 'rijks', 'reseau', 'bundesarchiv' ] );
		expect( keys( { sort: 'relevance' } ) ).toEqual( keys( { sort: 'name' } ) );
	} );

	it.each( [
		[ { type: [ 'glam' ] }, [ 'bundesarchiv', 'reseau', 'rijks' ] ],
		[ { type: [ 'glam', 'health' ] }, [ 'bundesarchiv', 'reseau', 'rijks', 'who' ] ],
		[ { type: [ 'glam' ], status: [ 'active' ] }, [ 'rijks' ] ],
		[ { region: [ 'NL', '002' ] }, [ 'rijks', 'ghana' ] ],
		[ { language: [ 'fr' ] }, [ 'reseau', 'who' ] ],
		[ { priority: [ 'open-access' ] }, [ 'bundesarchiv', 'rijks' ] ],
		[ { steward: [ 'Wikimedia CH' ] }, [ 'reseau' ] ],
		[ { type: [] }, [ 'bundesarchiv', 'reseau', 'rijks', 'who', 'ghana' ] ],
		[ { type: [ 'nothing' ] }, [] ],
	] )( 'filters %j', ( filters, expected ) => {
		expect( keys( { filters } ) ).toEqual( expected );
	} );

	it( 'counts each facet over the other facets’ choices', () => {
		const result = searchPartnerships( index, query( { filters: { type: [ 'glam' ], status: [ 'active' ] } } ) );
		expect( result.keys ).toEqual( [ 'rijks' ] );
		// type: counted over status=active (rijks, who, ghana), not over type=glam.
		expect( result.facets.type ).toEqual( [
			{ value: 'campaign', count: 1 },
			{ value: 'glam', count: 1 },
			{ value: 'health', count: 1 },
		] );
		// status: counted over type=glam.
		expect( result.facets.status ).toEqual( [
			{ value: 'active', count: 1 },
			{ value: 'concluded', count: 1 },
			{ value: 'proposed', count: 1 },
		] );
		// Others: counted over the matches only; a record counts once per value.
		expect( result.facets.region ).toEqual( [ { value: '150', count: 1 }, { value: 'NL', count: 1 } ] );
		expect( result.facets.steward ).toEqual( [ { value: 'Wikimedia Nederland', count: 1 } ] );
	} );

	it( 'counts with text, sorted by count then value, deduplicated per record', () => {
		const result = searchPartnerships( index, query( { text: 'museum' } ) );
		expect( result.facets.type ).toEqual( [ { value: 'glam', count: 3 }, { value: 'campaign', count: 1 } ] );
		expect( result.facets.region ).toEqual( [
			{ value: '150', count: 3 },
			{ value: '002', count: 1 },
			{ value: 'CH', count: 1 },
			{ value: 'DE', count: 1 },
			{ value: 'GH', count: 1 },
			{ value: 'NL', count: 1 },
		] );
		expect( result.facets.steward ).toContainEqual( { value: 'Wikimedia CH', count: 1 } );
		expect( Object.keys( result.facets ) ).toEqual( [ ...FACET_NAMES ] );
	} );

	it( 'lists chosen values that no longer match, with 0', () => {
		const result = searchPartnerships( index, query( { text: 'ghana', filters: { language: [ 'de' ] } } ) );
		expect( result.total ).toBe( 0 );
		expect( result.facets.language ).toEqual( [ { value: 'en', count: 1 }, { value: 'de', count: 0 } ] );
	} );

	it.each( [
		[ 'name', [ 'bundesarchiv', 'reseau', 'rijks', 'who', 'ghana' ] ],
		[ '-name', [ 'ghana', 'who', 'rijks', 'reseau', 'bundesarchiv' ] ],
		[ 'start', [ 'bundesarchiv', 'rijks', 'who', 'reseau', 'ghana' ] ],
		[ '-start', [ 'who', 'rijks', 'bundesarchiv', 'reseau', 'ghana' ] ],
		[ 'updated', [ 'bundesarchiv', 'who', 'rijks', 'reseau', 'ghana' ] ],
		[ '-updated', [ 'ghana', 'reseau', 'rijks', 'who', 'bundesarchiv' ] ],
	] as const )( 'sorts by %s', ( sort, expected ) => {
		expect( keys( { sort } ) ).toEqual( expected );
	} );

	it.each( [
		[ 1, 2, [ 'bundesarchiv', 'reseau' ], 1 ],
		[ 3, 2, [ 'ghana' ], 3 ],
		[ 9, 2, [ 'ghana' ], 3 ],
		[ 0, 2, [ 'bundesarchiv', 'reseau' ], 1 ],
		[ Number.NaN, 2, [ 'bundesarchiv', 'reseau' ], 1 ],
		[ 2, 2.7, [ 'rijks', 'who' ], 2 ],
	] )( 'page %d of size %d', ( page, pageSize, expected, actualPage ) => {
		const result = searchPartnerships( index, query( { page, pageSize } ) );
		expect( result.keys ).toEqual( expected );
		expect( result.page ).toBe( actualPage );
		expect( result.total ).toBe( 5 );
	} );

	it( 'has one empty page when nothing matches', () => {
		expect( searchPartnerships( index, query( { text: 'zzz', page: 4 } ) ) ).toMatchObject( { keys: [], total: 0, page: 1, pageCount: 1 } );
		expect( searchPartnerships( createSearchIndex( [] ), query() ) ).toMatchObject( { keys: [], total: 0, page: 1, pageCount: 1 } );
	} );

	it( 'is not fooled by keys like __proto__', () => {
		const odd = createSearchIndex( [
			item( '__proto__', { name: 'constructor', stewards: [ { organisation: '__proto__', role: 'lead' } ] } ),
			item( 'toString', { name: 'hasOwnProperty', stewards: [ { organisation: 'constructor', role: 'lead' } ] } ),
		] );
		const result = searchPartnerships( odd, query( { filters: { steward: [ '__proto__' ] } } ) );
		expect( result.keys ).toEqual( [ '__proto__' ] );
		expect( result.facets.steward ).toEqual( [ { value: '__proto__', count: 1 }, { value: 'constructor', count: 1 } ] );
	} );
} );

describe( 'searchPartnerships against a plain substring search', () => {
	// The index looks terms up in a vocabulary of words; this checks it finds exactly what
	// scanning each record's folded text would.
	it( 'matches the same records for random queries', () => {
		let state = 11;
		const next = (): number => {
			state = ( state * 1103515245 + 12345 ) % 2147483648;
			return state / 2147483648;
		};
		const pick = <T>( list: readonly T[] ): T => list[ Math.floor( next() * list.length ) ];
		const pieces = [ 'mu', 'sé', 'um', 'ß', 'İs', 'tan', 'a', 'b', ' ', ' ', '-', ',', '\t', '\u0000', 'Ø', 'ka' ];
		const text = ( n: number ): string => Array.from( { length: n }, () => pick( pieces ) ).join( '' );
		const items = Array.from( { length: 60 }, ( _, i ) => item( `k${ i }`, {
			name: text( 6 ) || 'x',
			partners: [ { label: text( 4 ) || 'y' } ],
			themes: [ text( 3 ) ].filter( Boolean ),
			summary: { en: text( 10 ) || 'z' },
			lessons: { worked: text( 5 ), didNotWork: '', advice: text( 3 ) },
			values: [ text( 4 ) ].filter( Boolean ),
		} ) );
		const random = createSearchIndex( items );
		const texts = ( r: SearchItem[ 'record' ] ): string[] => [ r.name, ...r.partners.map( ( p ) => p.label ), ...r.themes,
			...Object.values( r.summary ), r.lessons.worked, r.lessons.didNotWork, r.lessons.advice, ...r.values ].map( fold );
		for ( let n = 0; n < 300; n++ ) {
			const q = text( 1 + Math.floor( next() * 3 ) );
			// eslint-disable-next-line no-control-regex
			const terms = fold( q ).split( /[\s\u0000]+/ ).filter( Boolean );
			const expected = items
				.filter( ( entry ) => terms.every( ( t ) => texts( entry.record ).some( ( x ) => x.includes( t ) ) ) )
				.map( ( entry ) => entry.key )
				.sort();
			const result = searchPartnerships( random, { text: q, filters: {}, sort: 'name', page: 1, pageSize: 1000 } );
			expect( [ ...result.keys ].sort(), JSON.stringify( q ) ).toEqual( expected );
		}
	} );
} );

describe( 'search performance (budget guard: p95 ≤ 16 ms per keystroke at 10,000 records)', () => {
	function random( seed: number ): () => number {
		let state = seed;
		return () => {
			state = ( state * 1103515245 + 12345 ) % 2147483648;
			return state / 2147483648;
		};
	}

	// Text with a natural-language shape: a few thousand words, some far more common than
	// others, some with diacritics.
	function buildItems( count: number ): SearchItem[] {
		const next = random( 7 );
		const pick = <T>( list: readonly T[] ): T => list[ Math.floor( next() * list.length ) ];
		const syllables = 'ka ri to mu se la ne po di va ro tu mi ga he zo bu ni ce qua pra sti lo ve na de mé ré çu ß'.split( ' ' );
		const vocabulary = Array.from( { length: 6000 }, ( _, i ) => Array.from( { length: 1 + ( i % 4 ) }, () => pick( syllables ) ).join( '' ) );
		vocabulary.push( 'museum', 'library', 'archive', 'health', 'réseau', 'İstanbul', 'Straße', 'música' );
		const word = (): string => vocabulary[ Math.floor( vocabulary.length * next() ** 3 ) ];
		const words = ( n: number ): string => Array.from( { length: n }, word ).join( ' ' );
		return Array.from( { length: count }, ( _, i ) => ( {
			key: `record-${ i }`,
			timestamp: new Date( Date.UTC( 2020, 0, 1 ) + i * 3600000 ).toISOString(),
			record: makeRecord( {
				name: `${ words( 4 ) } ${ i }`,
				type: pick( PARTNERSHIP_TYPES ),
				status: pick( PARTNERSHIP_STATUSES ),
				partners: [ { label: `${ words( 2 ) } institute` }, { label: words( 2 ) } ],
				themes: [ word(), word() ],
				regions: [ pick( REGIONS ) ],
				countries: [ pick( [ 'NL', 'DE', 'GH', 'NG', 'GB', 'FR', 'BR', 'IN' ] ) ],
				languages: [ pick( [ 'en', 'fr', 'de', 'es', 'yo', 'hi' ] ), 'en' ],
				priorities: [ pick( PRIORITY_AREAS ) ],
				stewards: [ { organisation: `Wikimedia ${ pick( [ 'Nederland', 'Deutschland', 'UK', 'Ghana', 'France' ] ) }`, role: 'lead' } ],
				start: `20${ 10 + Math.floor( next() * 15 ) }-0${ 1 + Math.floor( next() * 9 ) }-1${ Math.floor( next() * 9 ) }`,
				values: [ words( 8 ) ],
				lessons: { worked: words( 30 ), didNotWork: words( 20 ), advice: words( 20 ) },
				summary: { en: words( 40 ), fr: words( 25 ) },
			} ),
		} ) );
	}

	function percentile( samples: number[], p: number ): number {
		const sorted = [ ...samples ].sort( ( a, b ) => a - b );
		return sorted[ Math.min( sorted.length - 1, Math.ceil( p * sorted.length ) - 1 ) ];
	}

	// Someone typing: each query adds a letter (a term never seen before) or a filter.
	const typed = [ 'm', 'mu', 'mus', 'muse', 'museu', 'museum', 'museum k', 'museum ka', 'museum kar',
		'h', 'he', 'hea', 'heal', 'health', 'r', 're', 'res', 'rese', 'reseau', 'reseau l', 'reseau la',
		'istanbul', 'strasse', 'musica', 'e', 'a', '12', '999', 'q', 'qua', 'zz', 'ti', 'pra sti', 'de ne', 'ß',
		'l', 'li', 'lib', 'libr', 'library', 'library 4', 'library 42', 'n', 'na', 'nam', 'o', 'ok', 'x', 'ka', 'kari' ];
	const sorts = [ 'relevance', 'name', '-name', 'start', '-start', 'updated', '-updated' ] as const;
	const filters = [ { type: [ 'glam' ] }, { region: [ '150' ] }, { language: [ 'fr' ] }, { status: [ 'active', 'paused' ] },
		{ priority: [ 'open-access' ] }, { steward: [ 'Wikimedia UK' ] }, {} ];
	const queries: SearchQuery[] = typed.map( ( text, n ) => ( {
		text,
		filters: filters[ n % filters.length ],
		sort: sorts[ n % sorts.length ],
		page: 1 + ( n % 3 ),
		pageSize: 20,
	} ) );

	it( 'answers a keystroke query in under 16 ms (p95)', () => {
		expect( queries ).toHaveLength( 50 );
		const items = buildItems( 10000 );
		// Warm up on one index, so the engine has compiled the hot paths, as it would have
		// after a few keystrokes in a page.
		const warm = createSearchIndex( items );
		for ( let n = 0; n < 3; n++ ) {
			queries.forEach( ( q ) => searchPartnerships( warm, { ...q, text: q.text + n } ) );
		}
		// Measure on fresh indexes (nothing cached). Other processes share the machine, so
		// the best of three rounds is taken: this guards the budget against regressions in
		// our code, not against a busy test runner.
		const rounds = [ 0, 1, 2 ].map( () => {
			const fresh: SearchIndex = createSearchIndex( items );
			const samples = queries.map( ( q ) => {
				const started = performance.now();
				const result = searchPartnerships( fresh, q );
				const elapsed = performance.now() - started;
				expect( result.keys.length ).toBeLessThanOrEqual( 20 );
				return elapsed;
			} );
			return { p95: percentile( samples, 0.95 ), median: percentile( samples, 0.5 ) };
		} );
		const best = rounds.reduce( ( a, b ) => a.p95 <= b.p95 ? a : b );
		console.info( `search at 10,000 records: p95 ${ best.p95.toFixed( 2 ) } ms, median ${ best.median.toFixed( 2 ) } ms (rounds: ${ rounds.map( ( r ) => r.p95.toFixed( 2 ) ).join( ', ' ) })` );
		expect( best.p95 ).toBeLessThan( 16 );
	}, 60000 );
} );
