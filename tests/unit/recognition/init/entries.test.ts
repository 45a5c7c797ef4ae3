// The entries with a fake `mw`: open() mounts the dialog in a container of its own and
// removes it on close; the wall mounts inside each marker without touching its content.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { flushPromises } from '@vue/test-utils';
import Module from 'node:module';
import { ApiParams } from '../../../../src/shared/api/ActionApi';
import { qqx } from '../../../support/setup';

vi.mock( 'vue', async ( original ) => {
	const vue = await original<typeof import( 'vue' )>();
	return {
		...vue,
		// What ResourceLoader's vue adds: createApp with $i18n.
		createMwApp: ( ...args: Parameters<typeof vue.createApp> ) => {
			const app = vue.createApp( ...args );
			( app.config.globalProperties as Record<string, unknown> ).$i18n =
				( key: string, ...params: unknown[] ) => ( { text: () => qqx( key, ...params ) } );
			return app;
		},
	};
} );

const hostile = '<img src=x onerror="window.pwned=1">';
const files: Record<string, unknown> = {
	'./partnerships-messages.json': {},
	'./partnerships-config.json': { PartnershipsRecordsRoot: 'Project:Partnerships', PartnershipsRecordsApi: '', PartnershipsWikidataApi: '' },
	'./partnerships-donations.json': { v: 1, r: [ [ 'M1', `Vases ${ hostile }`, `Museum ${ hostile }`, '' ] ], c: { Vases: 0 } },
};
const calls: ApiParams[] = [];

// The files ResourceLoader puts beside a package module, for the require() the test
// runner gives each module: resolved to names of our own and served from its cache.
/* eslint-disable no-underscore-dangle */
type ModuleInternals = {
	_resolveFilename: ( request: string, ...rest: unknown[] ) => string;
	_cache: Record<string, unknown>;
};
const internals = Module as unknown as ModuleInternals;
const resolve = internals._resolveFilename;
beforeAll( () => {
	internals._resolveFilename = function ( request: string, ...rest: unknown[] ): string {
		return request in files ? `/fake-resourceloader/${ request.slice( 2 ) }` : resolve.call( this, request, ...rest );
	};
} );
afterAll( () => {
	internals._resolveFilename = resolve;
	for ( const name of Object.keys( files ) ) {
		delete internals._cache[ `/fake-resourceloader/${ name.slice( 2 ) }` ];
	}
} );

/* eslint-enable no-underscore-dangle */

function fakeMw( config: Record<string, unknown> ): void {
	for ( const [ name, exports ] of Object.entries( files ) ) {
		const id = `/fake-resourceloader/${ name.slice( 2 ) }`;
		// eslint-disable-next-line no-underscore-dangle
		internals._cache[ id ] = { id, filename: id, loaded: true, exports, children: [], paths: [] };
	}
	const g = globalThis as Record<string, unknown>;
	g.mw = {
		config: { get: ( key: string ) => config[ key ] ?? null },
		message: ( key: string, ...params: unknown[] ) => ( { text: () => qqx( key, ...params ) } ),
		messages: { set: () => undefined },
		log: { error: () => undefined },
		util: {
			wikiScript: () => '/w/api.php',
			getUrl: ( title: string, query?: Record<string, string> ) => `/wiki/${ encodeURIComponent( title ) }${ query ? '?' + new URLSearchParams( query ) : '' }`,
		},
		Api: class {
			public get( params: ApiParams ): unknown {
				calls.push( params );
				// A jQuery-like promise answering "no such category".
				return { then: ( done: ( v: unknown ) => void ) => done( { curtimestamp: '2026-11-24T08:00:00Z', query: { pages: [] } } ) };
			}
		},
	};
}

describe( 'entries', () => {
	beforeEach( () => {
		vi.resetModules();
		calls.length = 0;
	} );
	afterEach( () => {
		document.body.innerHTML = '';
	} );

	it( 'recognition: open() mounts its own container, close removes it and returns focus', async () => {
		fakeMw( { wgCanonicalNamespace: 'File', wgTitle: 'Vase.jpg', wgSiteName: 'Example', wgUserLanguage: 'en', wgContentLanguage: 'en' } );
		const button = document.createElement( 'button' );
		document.body.appendChild( button );
		const { open } = await import( '../../../../src/recognition/init/dialog' );
		open( { id: 'M1', partnership: 'Vases', institution: 'Museum', categories: [], recordUrl: '/wiki/R' }, { returnFocus: button } );
		await flushPromises();
		expect( document.querySelectorAll( '.partnerships-recognition-mount' ) ).toHaveLength( 1 );
		expect( document.body.textContent ).toContain( 'Museum' );
		// On a file page it asks for the file's metadata.
		expect( calls.some( ( p ) => p.prop === 'imageinfo' && p.titles === 'File:Vase.jpg' ) ).toBe( true );

		( document.querySelector( '.cdx-dialog__header__close-button' ) as HTMLButtonElement ).click();
		await flushPromises();
		expect( document.querySelector( '.partnerships-recognition-mount' ) ).toBeNull();
		expect( document.querySelector( '.cdx-dialog' ) ).toBeNull();
		expect( document.activeElement ).toBe( button );
	} );

	it( 'wall: mounts in a new container inside each marker, leaving the marker’s content alone', async () => {
		fakeMw( { wgSiteName: 'Example', wgUserLanguage: 'en', wgContentLanguage: 'en' } );
		document.body.innerHTML = '<div class="partnerships-wall"><span class="keep">Wall</span></div><p>x</p><div class="partnerships-wall"></div>';
		await import( '../../../../src/recognition/init/wall' );
		await flushPromises();
		const markers = document.querySelectorAll( '.partnerships-wall' );
		for ( const marker of markers ) {
			expect( marker.querySelector( ':scope > .partnerships-wall-mount table' ) ).not.toBeNull();
			expect( marker.textContent ).toContain( `Museum ${ hostile }` );
			expect( marker.querySelector( 'img' ) ).toBeNull();
			expect( marker.querySelector( 'a' )?.getAttribute( 'href' ) ).toBe( '/wiki/Project%3APartnerships%2FRecords%2FM1' );
		}
		expect( markers[ 0 ].querySelector( ':scope > .keep' )?.textContent ).toBe( 'Wall' );
		// One batched categoryinfo request per wall.
		expect( calls.filter( ( p ) => p.prop === 'categoryinfo' ) ).toHaveLength( 2 );
	} );

	describe( 'badge', () => {
		const hit = { id: 'M1', partnership: 'Vases', institution: 'Museum', categories: [ 'Vases' ] };

		async function showBadge( logo: string | undefined, marker: Element | null = null ): Promise<HTMLElement> {
			fakeMw( { wgUserLanguage: 'en' } );
			const { show } = await import( '../../../../src/recognition/init/badge' );
			show( { ...hit, logo }, marker );
			return document.querySelector( '.partnerships-badge' ) as HTMLElement;
		}

		it( 'shows the logo from the wiki\'s Special:FilePath in a fixed box, with no text of its own', async () => {
			document.body.innerHTML = '<div class="partnerships-donation" data-partnership="M1"></div>';
			const badge = await showBadge( 'Logo of the Museum.png', document.querySelector( '.partnerships-donation' ) );
			expect( badge.closest( '.partnerships-donation' ) ).not.toBeNull();
			const images = badge.querySelectorAll( 'img' );
			expect( images ).toHaveLength( 1 );
			const img = images[ 0 ];
			expect( img.getAttribute( 'src' ) ).toBe( `/wiki/${ encodeURIComponent( 'Special:FilePath/Logo of the Museum.png' ) }?width=96` );
			expect( img.getAttribute( 'alt' ) ).toBe( '' );
			expect( [ img.getAttribute( 'width' ), img.getAttribute( 'height' ), img.getAttribute( 'loading' ) ] ).toEqual( [ '48', '48', 'lazy' ] );
			// The badge is still named by its text.
			expect( badge.textContent ).toContain( '(partnerships-badge-donated-by: \u2068Museum\u2069)' );
			// A logo that fails keeps its box.
			img.dispatchEvent( new Event( 'error' ) );
			expect( img.style.visibility ).toBe( 'hidden' );
			expect( img.isConnected ).toBe( true );
		} );

		it.each( [
			[ 'no logo', undefined ],
			[ 'an empty name', '' ],
			[ 'markup', '<img src=x onerror="window.pwned=1">.png' ],
			[ 'a path', '../../api.php?action=logout&x.png' ],
			[ 'a prefix', 'File:Logo.png' ],
			[ 'an URL', 'https://evil.example/x.png' ],
			[ 'not an image', 'Report.pdf' ],
			[ 'a control character', 'Lo\ngo.png' ],
			[ 'a name too long', `${ 'x'.repeat( 300 ) }.png` ],
		] )( 'shows no image for %s', async ( _name, logo ) => {
			document.body.innerHTML = '<div class="partnerships-donation" data-partnership="M1"></div>';
			const badge = await showBadge( logo, document.querySelector( '.partnerships-donation' ) );
			expect( badge.textContent ).toContain( '(partnerships-badge-donated-by: \u2068Museum\u2069)' );
			expect( document.querySelectorAll( 'img' ) ).toHaveLength( 0 );
			expect( ( window as unknown as { pwned?: number } ).pwned ).toBeUndefined();
		} );

		it( 'bidi-isolates the names, so that a direction override left open in one stays in it', async () => {
			fakeMw( { wgUserLanguage: 'en' } );
			const { show } = await import( '../../../../src/recognition/init/badge' );
			document.body.innerHTML = '<div class="partnerships-donation" data-partnership="M1"></div>';
			show( { ...hit, institution: '\u202EMuseum', partnership: '\u2069\u202EVases' }, document.querySelector( '.partnerships-donation' ) );
			const line = ( name: string ): string | null | undefined => document.querySelector( `.partnerships-badge__${ name }` )?.textContent;
			expect( line( 'institution' ) ).toBe( '(partnerships-badge-donated-by: \u2068\u202EMuseum\u2069)' );
			// An isolate end inside the name cannot end the isolate early.
			expect( line( 'partnership' ) ).toBe( '(partnerships-badge-part-of: \u2068\u202EVases\u2069)' );
			expect( line( 'thanks' ) ).toBe( '(partnerships-badge-thanks: \u2068\u202EMuseum\u2069)' );
		} );

		it( 'fills the slot the extension reserved on a page found by category', async () => {
			document.body.innerHTML = '<div id="mw-content-text"><div class="partnerships-badge-slot"></div><p>Text</p></div><div id="catlinks"></div><footer id="footer"></footer>';
			const badge = await showBadge( undefined );
			expect( badge.closest( '.partnerships-badge-slot' ) ).not.toBeNull();
		} );

		it( 'with the gadgets, goes below the category links when that is below the window, else after the footer', async () => {
			const page = '<div id="mw-content-text"><p>Text</p></div><div id="catlinks"></div><footer id="footer"><p>Footer</p></footer>';
			document.body.innerHTML = page;
			// A short page: everything is on screen (jsdom lays nothing out: every box is at 0).
			let badge = await showBadge( undefined );
			expect( badge.parentElement?.previousElementSibling?.id ).toBe( 'footer' );
			expect( badge.parentElement?.nextElementSibling ).toBeNull();

			vi.resetModules();
			document.body.innerHTML = page;
			const catlinks = document.getElementById( 'catlinks' ) as HTMLElement;
			catlinks.getBoundingClientRect = () => ( { bottom: window.innerHeight + 1 } ) as DOMRect;
			badge = await showBadge( undefined );
			expect( badge.parentElement?.previousElementSibling ).toBe( catlinks );
			expect( badge.closest( '#footer' ) ).toBeNull();
		} );
	} );
} );
