// The badge's DOM, without `mw`: everything it shows and does comes in as arguments.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { flushPromises } from '@vue/test-utils';
import { BadgeOptions, OpenDialog, renderBadge } from '../../../../src/recognition/components/badge';
import { qqx } from '../../../support/setup';

const hit = { id: 'M1', partnership: 'Vases', institution: 'Museum', categories: [ 'Vases' ] };

function options( overrides: Partial<BadgeOptions> = {} ): BadgeOptions {
	return {
		hit,
		marker: document.querySelector( '.partnerships-donation' ),
		message: qqx,
		recordUrl: '/wiki/Project:Partnerships/Records/M1',
		logoUrl: ( file ) => `/logo/${ encodeURIComponent( file ) }`,
		loadDialog: () => Promise.reject( new Error( 'Unexpected loadDialog' ) ),
		...overrides,
	};
}

const g = globalThis as Record<string, unknown>;
let mw: unknown;

beforeEach( () => {
	// The renderer must not need it.
	mw = g.mw;
	delete g.mw;
	document.body.innerHTML = '<div class="partnerships-donation" data-partnership="M1"></div>';
} );
afterEach( () => {
	g.mw = mw;
	document.body.innerHTML = '';
} );

describe( 'renderBadge', () => {
	it( 'names the donation, links its record and puts itself in the marker', () => {
		const badge = renderBadge( options() );
		expect( badge.closest( '.partnerships-donation' ) ).not.toBeNull();
		expect( badge.getAttribute( 'aria-label' ) ).toBe( '(partnerships-badge-label)' );
		expect( badge.querySelector( '.partnerships-badge__institution' )?.textContent ).toBe( '(partnerships-badge-donated-by: \u2068Museum\u2069)' );
		expect( badge.querySelector( '.partnerships-badge__partnership' )?.textContent ).toBe( '(partnerships-badge-part-of: \u2068Vases\u2069)' );
		expect( badge.querySelector( '.partnerships-badge__record' )?.getAttribute( 'href' ) ).toBe( '/wiki/Project:Partnerships/Records/M1' );
		expect( badge.querySelector( 'button' )?.textContent ).toBe( '(partnerships-badge-achieved)' );
	} );

	it( 'shows a checked logo from where it is told, and none for a name that is not a file', () => {
		const logo = renderBadge( options( { hit: { ...hit, logo: 'Logo.svg' } } ) ).querySelector( 'img' );
		expect( logo?.getAttribute( 'src' ) ).toBe( '/logo/Logo.svg' );
		document.body.innerHTML = '';
		expect( renderBadge( options( { hit: { ...hit, logo: 'File:Logo.svg' }, marker: null } ) ).querySelector( 'img' ) ).toBeNull();
	} );

	it( 'loads the dialog on a click, with the button disabled meanwhile, and opens it for the donation', async () => {
		const open = vi.fn<OpenDialog>();
		let resolve: ( value: OpenDialog ) => void = () => undefined;
		const loadDialog = vi.fn( () => new Promise<OpenDialog>( ( r ) => {
			resolve = r;
		} ) );
		const badge = renderBadge( options( { loadDialog } ) );
		const button = badge.querySelector( 'button' ) as HTMLButtonElement;
		button.click();
		expect( button.disabled ).toBe( true );
		resolve( open );
		await flushPromises();
		expect( button.disabled ).toBe( false );
		expect( open ).toHaveBeenCalledWith( { ...hit, recordUrl: ( badge.querySelector( 'a' ) as HTMLAnchorElement ).href }, { returnFocus: button } );
	} );

	it( 'gives the button back when the dialog cannot be loaded', async () => {
		const button = renderBadge( options() ).querySelector( 'button' ) as HTMLButtonElement;
		button.click();
		await flushPromises();
		expect( button.disabled ).toBe( false );
	} );

	it( 'without a marker, fills the slot the extension reserved', () => {
		document.body.innerHTML = '<div id="mw-content-text"><div class="partnerships-badge-slot"></div></div>';
		expect( renderBadge( options( { marker: null } ) ).closest( '.partnerships-badge-slot' ) ).not.toBeNull();
	} );

	it( 'is not placed on a page with no content', () => {
		document.body.innerHTML = '';
		expect( renderBadge( options( { marker: null } ) ).isConnected ).toBe( false );
	} );
} );
