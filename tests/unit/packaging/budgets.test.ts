// Size budgets, checked from the built files (run `npm run build` first; `npm test` does).
import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { OUT_DIR } from '../../../vite.config';

const gz = ( file: string ): number => gzipSync( readFileSync( `${ OUT_DIR }/${ file }` ), { level: 9 } ).length;

describe( 'built modules', () => {
	it( 'exist', () => {
		expect( existsSync( `${ OUT_DIR }/pageview.js` ) ).toBe( true );
		expect( existsSync( `${ OUT_DIR }/app.js` ) ).toBe( true );
	} );

	it( 'keep the page-view loader within 1 KB gzip', () => {
		expect( gz( 'pageview.js' ) ).toBeLessThanOrEqual( 1024 );
	} );

	it( 'keep the panel within 50 KB gzip without Vue and Codex', () => {
		expect( gz( 'app.js' ) + gz( 'app.css' ) ).toBeLessThanOrEqual( 50 * 1024 );
	} );

	it.each( readdirSync( OUT_DIR ).filter( ( f ) => /\.(js|css)$/.test( f ) ) )( '%s bundles no copy of Vue or Codex', ( file ) => {
		const text = readFileSync( `${ OUT_DIR }/${ file }`, 'utf8' );
		// Strings inside Vue's runtime and Codex's own templates (our compiled templates
		// only call Vue's functions, they do not define them).
		for ( const marker of [ '__v_isVNode', '__v_isRef', 'onVnodeBeforeMount', 'cdx-progress-bar__bar', 'cdx-table__table', 'floating-ui' ] ) {
			expect( text, marker ).not.toContain( marker );
		}
		if ( file.endsWith( '.js' ) ) {
			expect( text ).not.toMatch( /\bimport\s*\(|^import |^export /m );
		}
	} );

	it.each( readdirSync( OUT_DIR ).filter( ( f ) => f.endsWith( '.css' ) ) )( '%s keeps logical properties, which ResourceLoader does not flip', ( file ) => {
		const text = readFileSync( `${ OUT_DIR }/${ file }`, 'utf8' );
		// Lowered for old browsers, margin-inline-start becomes margin-left/right rules per
		// right-to-left :lang(), which ResourceLoader's CSSJanus flips again on RTL pages.
		expect( text ).not.toMatch( /:lang\(/ );
	} );

	it( 'load Vue and Codex from ResourceLoader', () => {
		const app = readFileSync( `${ OUT_DIR }/app.js`, 'utf8' );
		expect( app ).toContain( 'require("vue")' );
		expect( app ).toContain( 'require("@wikimedia/codex")' );
		const loader = readFileSync( `${ OUT_DIR }/pageview.js`, 'utf8' );
		expect( loader ).not.toContain( 'require("vue")' );
		expect( loader ).not.toMatch( /new mw\.Api|\$\.ajax|fetch\(/ );
	} );
} );
