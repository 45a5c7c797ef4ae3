import { describe, expect, it } from 'vitest';
import { CODEX_2_EXPORTS, checkTestedRange, parseClientLibraries, parseGenerator } from '../../../scripts/lib/codexVersion';

const CODEX_1_EXPORTS = [ 'CdxButton', 'CdxDialog', 'CdxLookup', 'CdxTable', 'useModelWrapper' ];

describe( 'parseGenerator', () => {
	it.each( [
		[ 'MediaWiki 1.43.9', '1.43.9' ],
		[ 'MediaWiki 1.47.0-wmf.5', '1.47.0-wmf.5' ],
		[ 'MediaWiki 1.46.0-alpha', '1.46.0-alpha' ],
		[ 'MediaWiki 1.45.1-rc.0', '1.45.1-rc.0' ],
		[ 'WordPress 6.0', null ],
		[ '', null ],
		[ null, null ],
	] )( '%j → %j', ( generator, expected ) => {
		expect( parseGenerator( generator ) ).toBe( expected );
	} );
} );

describe( 'parseClientLibraries', () => {
	// As MediaWiki 1.43 writes it (seen on the local wiki): the row's id ends in name and version
	const row = ( name: string, version: string ): string => `<tr id="mw-version-library-${ name }${ version }"><td><a class="external mw-version-library-name" rel="nofollow" href="https://doc.wikimedia.org/codex/">${ name }</a></td><td dir="auto">${ version }</td><td dir="auto">MIT</td><td dir="auto">Someone</td><td dir="auto">MediaWiki</td></tr>`;

	it( 'reads each library row', () => {
		const html = `<table class="wikitable plainlinks mw-installed-software" id="sv-libraries-client"><tr><th>Library</th></tr>${ row( 'codex', '2.6.2' ) }${ row( 'codex-design-tokens', '2.6.2' ) }${ row( 'vue', '3.5.47' ) }</table>`;
		expect( parseClientLibraries( html ) ).toEqual( { codex: '2.6.2', 'codex-design-tokens': '2.6.2', vue: '3.5.47' } );
	} );

	it( 'reads composer libraries too, by name', () => {
		expect( parseClientLibraries( row( 'wikimedia/less.php', '5.1.2' ) ) ).toEqual( { 'wikimedia/less.php': '5.1.2' } );
	} );

	it( 'finds nothing in a page without the table', () => {
		expect( parseClientLibraries( '<p>Permission error</p>' ) ).toEqual( {} );
	} );
} );

describe( 'checkTestedRange', () => {
	it.each( [
		[ 'MediaWiki 1.43 LTS as shipped', { generator: 'MediaWiki 1.43.9', libraries: { codex: '1.14.0', vue: '3.4.27' } }, 'inside' ],
		[ 'production this week', { generator: 'MediaWiki 1.47.0-wmf.5', libraries: { codex: '2.6.2' }, vue: '3.5.13' }, 'inside' ],
		[ 'MediaWiki 1.45 with Codex 2.6', { generator: 'MediaWiki 1.45.2', libraries: { codex: '2.6.0', vue: '3.5.18' } }, 'inside' ],
		[ 'MediaWiki 1.44, never tested', { generator: 'MediaWiki 1.44.2', libraries: { codex: '2.0.0', vue: '3.5.13' } }, 'outside' ],
		[ 'a wmf branch past the range', { generator: 'MediaWiki 1.48.0-wmf.1', libraries: { codex: '2.6.2', vue: '3.5.20' } }, 'outside' ],
		[ 'MediaWiki 1.42', { generator: 'MediaWiki 1.42.3', libraries: { codex: '1.3.6', vue: '3.3.9' } }, 'outside' ],
		[ 'a Codex between the tested ones', { generator: 'MediaWiki 1.45.0', libraries: { codex: '2.3.3', vue: '3.5.13' } }, 'outside' ],
		[ 'Codex 2.7 on a tested branch', { generator: 'MediaWiki 1.47.0-wmf.9', libraries: { codex: '2.7.0', vue: '3.5.20' } }, 'outside' ],
		[ '1.43 with a newer Codex put in', { generator: 'MediaWiki 1.43.9', libraries: { codex: '2.6.2', vue: '3.5.47' } }, 'outside' ],
		[ 'Codex 2.6 on Vue 3.4', { generator: 'MediaWiki 1.46.1', libraries: { codex: '2.6.2', vue: '3.4.27' } }, 'outside' ],
		[ 'only the generator', { generator: 'MediaWiki 1.47.0-wmf.5' }, 'unknown' ],
		[ 'nothing at all', {}, 'unknown' ],
		[ 'Codex 2 told by its exports', { generator: 'MediaWiki 1.47.0-wmf.5', codexExports: [ ...CODEX_1_EXPORTS, ...CODEX_2_EXPORTS ], vue: '3.5.13' }, 'unknown' ],
		[ 'Codex 1 told by its exports on 1.43', { generator: 'MediaWiki 1.43.1', codexExports: CODEX_1_EXPORTS, vue: '3.4.27' }, 'unknown' ],
		[ 'Codex 1 told by its exports on production', { generator: 'MediaWiki 1.47.0-wmf.5', codexExports: CODEX_1_EXPORTS, vue: '3.4.27' }, 'outside' ],
		[ 'Vue 3.6', { generator: 'MediaWiki 1.47.0-wmf.5', libraries: { codex: '2.6.2' }, vue: '3.6.0' }, 'outside' ],
	] )( '%s: %s', ( _name, wiki, verdict ) => {
		const result = checkTestedRange( wiki );
		expect( result.verdict ).toBe( verdict );
		expect( result.reasons.length ).toBeGreaterThan( 0 );
	} );

	it( 'prefers the served Vue to the listed one', () => {
		const result = checkTestedRange( { generator: 'MediaWiki 1.47.0-wmf.5', libraries: { codex: '2.6.2', vue: '3.5.1' }, vue: '3.5.13' } );
		expect( result.vue ).toBe( '3.5.13' );
	} );

	it( 'says which part is outside, and why', () => {
		const result = checkTestedRange( { generator: 'MediaWiki 1.44.0', libraries: { codex: '2.0.0', vue: '3.5.13' } } );
		expect( result ).toMatchObject( { verdict: 'outside', mediawiki: '1.44.0', codex: '2.0.0', vue: '3.5.13' } );
		expect( result.reasons ).toContain( 'MediaWiki 1.44.0 is not tested (tested: 1.43, 1.45, 1.46, 1.47)' );
		expect( result.reasons ).toContain( 'Codex 2.0.0 is not tested (tested: 1.14.x, 2.6.x)' );
	} );

	it( 'says what it could not read', () => {
		expect( checkTestedRange( {} ).reasons ).toEqual( [
			'MediaWiki version not known (generator null)',
			'Codex version not known',
			'Vue version not known',
		] );
	} );
} );
