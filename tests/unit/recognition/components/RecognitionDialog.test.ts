import { afterEach, describe, expect, it, vi } from 'vitest';
import { flushPromises, mount, VueWrapper } from '@vue/test-utils';
import RecognitionDialog from '../../../../src/recognition/components/RecognitionDialog.vue';
import { RecognitionServices, RecognitionServicesKey } from '../../../../src/recognition/services';
import type { LinkedDonation } from '../../../../src/recognition/domain/donations';
import { ApiParams, ApiResponse } from '../../../../src/shared/api/ActionApi';
import { RoutedApi, fakeRecognitionServices } from '../../../support/fakeRecognition';
import { makeRecord } from '../../../support/records';

const NOW = '2026-11-24T08:00:00Z';
const hostile = '<img src=x onerror="window.pwned=1">';

const hit: LinkedDonation = {
	id: 'Museum_2025',
	partnership: `Vases ${ hostile }`,
	institution: `Museum ${ hostile }`,
	categories: [ 'Vases from Museum' ],
	recordUrl: '/wiki/Project:Partnerships/Records/Museum_2025',
};

/** A wiki with 1,200 files in the category, GlobalUsage or not. */
function wiki( options: { global: boolean; imageinfo?: ApiResponse } ): ( params: ApiParams ) => ApiResponse | Promise<ApiResponse> | undefined {
	return ( p ) => {
		if ( p.meta === 'siteinfo' ) {
			return { query: { extensions: options.global ? [ { name: 'Global Usage' } ] : [ { name: 'Gadgets' } ] } };
		}
		if ( p.prop === 'categoryinfo' ) {
			return { curtimestamp: NOW, query: { pages: [ { title: 'Category:Vases from Museum', categoryinfo: { files: 1200 } } ] } };
		}
		if ( p.list === 'categorymembers' ) {
			return { curtimestamp: NOW, query: { categorymembers: [ { title: 'File:First.jpg', timestamp: '2019-03-04T00:00:00Z' } ] } };
		}
		if ( p.generator === 'categorymembers' ) {
			const prop = options.global ? 'globalusage' : 'fileusage';
			return {
				curtimestamp: NOW,
				query: { pages: [
					{ title: 'File:First.jpg', [ prop ]: [ { title: 'Vase', wiki: 'en.wikipedia.org' }, { title: 'Vase', wiki: 'de.wikipedia.org' } ] },
					{ title: 'File:Second.jpg' },
				] },
			};
		}
		if ( p.prop === 'imageinfo' ) {
			return options.imageinfo;
		}
		return undefined;
	};
}

function mountDialog( props: Record<string, unknown> = {}, services: Partial<RecognitionServices> = {} ): VueWrapper {
	return mount( RecognitionDialog, {
		props: { hit, open: true, ...props },
		attachTo: document.body,
		global: { provide: { [ RecognitionServicesKey as symbol ]: fakeRecognitionServices( services ) } },
	} );
}

function stat( name: string ): Element {
	const el = document.body.querySelector( `.partnerships-recognition__stat--${ name }` );
	expect( el, name ).not.toBeNull();
	return el as Element;
}

describe( 'RecognitionDialog', () => {
	afterEach( () => {
		document.body.innerHTML = '';
	} );

	it( 'shows a progress bar while counting, then every number with its source and time', async () => {
		let release: () => void = () => undefined;
		const gate = new Promise<void>( ( resolve ) => {
			release = resolve;
		} );
		const route = wiki( { global: true } );
		const api = new RoutedApi( async ( p ) => {
			await gate;
			return route( p );
		} );
		const wrapper = mountDialog( {}, { api } );
		await flushPromises();
		expect( document.body.querySelector( '.cdx-progress-bar' ) ).not.toBeNull();
		expect( document.body.textContent ).toContain( '(partnerships-recognition-counting)' );

		release();
		await flushPromises();
		expect( document.body.querySelector( '.partnerships-recognition__progress' ) ).toBeNull();
		expect( stat( 'files' ).textContent ).toContain( '(partnerships-recognition-files: 1200, 1,200)' );
		expect( stat( 'used' ).textContent ).toContain( '(partnerships-recognition-used: 1, 1)' );
		expect( stat( 'pages' ).textContent ).toContain( '(partnerships-recognition-pages: 2, 2)' );
		expect( stat( 'wikis' ).textContent ).toContain( '(partnerships-recognition-wikis: 2, 2)' );
		expect( stat( 'since' ).textContent ).toContain( '(partnerships-recognition-since: March 4, 2019)' );
		expect( document.body.textContent ).not.toContain( 'partnerships-recognition-local-only' );

		for ( const name of [ 'files', 'used', 'pages', 'wikis', 'since' ] ) {
			const links = [ ...stat( name ).querySelectorAll<HTMLAnchorElement>( '.partnerships-stat-sources__link' ) ];
			expect( links.length, name ).toBeGreaterThan( 0 );
			for ( const link of links ) {
				const url = new URL( link.href );
				expect( url.origin + url.pathname ).toBe( 'https://wiki.example/w/api.php' );
				expect( url.searchParams.get( 'action' ) ).toBe( 'query' );
			}
			const time = stat( name ).querySelector( 'time' );
			expect( time?.getAttribute( 'datetime' ) ).toBe( NOW );
			expect( time?.textContent ).toMatch( /^\(partnerships-recognition-counted: Nov 24, 2026, 08:00 (AM )?UTC\)$/ );
		}
		const filesSource = new URL( stat( 'files' ).querySelector<HTMLAnchorElement>( 'a' )!.href );
		expect( filesSource.searchParams.get( 'prop' ) ).toBe( 'categoryinfo' );
		expect( filesSource.searchParams.get( 'titles' ) ).toBe( 'Category:Vases from Museum' );
		expect( document.body.querySelector<HTMLAnchorElement>( '.partnerships-recognition__categories a' )?.getAttribute( 'href' ) )
			.toBe( '/wiki/Category%3AVases%20from%20Museum' );
		wrapper.unmount();
	} );

	it( 'counts local file usage on one wiki where GlobalUsage is missing, and says so', async () => {
		const api = new RoutedApi( wiki( { global: false } ) );
		mountDialog( {}, { api } );
		await flushPromises();
		expect( api.calls.find( ( p ) => p.generator )?.prop ).toBe( 'fileusage' );
		expect( stat( 'wikis' ).textContent ).toContain( '(partnerships-recognition-wikis: 1, 1)' );
		expect( stat( 'pages' ).textContent ).toContain( '(partnerships-recognition-pages: 1, 1)' );
		expect( document.body.textContent ).toContain( '(partnerships-recognition-local-only)' );
	} );

	it( 'says "at least" when the files are more than the cap', async () => {
		const route = wiki( { global: true } );
		const api = new RoutedApi( ( p ) => {
			const answer = route( p );
			return p.generator ? { ...answer, continue: { gcmcontinue: 'more', continue: 'gcmcontinue||' } } : answer;
		} );
		mountDialog( { usageCap: 2 }, { api } );
		await flushPromises();
		expect( stat( 'used' ).textContent ).toContain( '(partnerships-recognition-used-at-least: 1, 1, 2, 2)' );
		expect( stat( 'pages' ).textContent ).toContain( 'partnerships-recognition-pages-at-least' );
		expect( stat( 'wikis' ).textContent ).toContain( 'partnerships-recognition-wikis-at-least' );
	} );

	it( 'renders hostile names as text and counts nothing until opened', async () => {
		const api = new RoutedApi( wiki( { global: true } ) );
		const wrapper = mountDialog( { open: false }, { api } );
		await flushPromises();
		expect( api.calls ).toHaveLength( 0 );
		await wrapper.setProps( { open: true } );
		await flushPromises();
		expect( api.calls.length ).toBeGreaterThan( 0 );
		expect( document.body.querySelector( 'img' ) ).toBeNull();
		expect( document.body.querySelector( '.cdx-dialog__header' )?.textContent ).toContain( hit.institution );
		expect( document.body.textContent ).toContain( hit.partnership );
		expect( ( window as unknown as Record<string, unknown> ).pwned ).toBeUndefined();
	} );

	it( 'drops a record link that is not http(s)', async () => {
		// eslint-disable-next-line no-script-url
		mountDialog( { hit: { ...hit, categories: [], recordUrl: 'javascript:alert(1)' } } );
		await flushPromises();
		expect( document.body.querySelector( '.partnerships-recognition__record a' ) ).toBeNull();
		expect( document.body.textContent ).toContain( '(partnerships-recognition-no-categories)' );
	} );

	it( 'shows an error when a count fails', async () => {
		const route = wiki( { global: true } );
		const api = new RoutedApi( ( p ) => p.prop === 'categoryinfo' ? Promise.reject( new Error( 'boom' ) ) : route( p ) );
		mountDialog( {}, { api } );
		await flushPromises();
		expect( document.body.textContent ).toContain( '(partnerships-recognition-error: boom)' );
		expect( stat( 'used' ) ).toBeTruthy();
	} );

	describe( 'attribution on a file page', () => {
		const imageinfo: ApiResponse = {
			query: { pages: [ { title: 'File:First.jpg', imageinfo: [ {
				user: 'Uploader',
				descriptionurl: 'https://wiki.example/wiki/File:First.jpg',
				extmetadata: {
					ObjectName: { value: 'First vase' },
					Artist: { value: `<script>window.pwned=1</script>${ hostile }Ann` },
					LicenseShortName: { value: 'CC BY 4.0' },
					LicenseUrl: { value: 'https://creativecommons.org/licenses/by/4.0' },
					Credit: { value: '<b>Museum archive</b>' },
				},
			} ] } ] },
		};

		it( 'offers a ready-to-copy line and copies it', async () => {
			const writeText = vi.fn( () => Promise.resolve() );
			const api = new RoutedApi( wiki( { global: true, imageinfo } ) );
			mountDialog( { fileTitle: 'File:First.jpg' }, { api, clipboard: { writeText } } );
			await flushPromises();
			expect( api.calls.find( ( p ) => p.prop === 'imageinfo' ) ).toMatchObject( { titles: 'File:First.jpg', iiprop: 'extmetadata|user|url|timestamp' } );
			const area = document.body.querySelector( 'textarea' ) as HTMLTextAreaElement;
			expect( area.readOnly ).toBe( true );
			expect( area.value ).toBe( '(partnerships-recognition-line-text: First vase, Ann, CC BY 4.0, Example Wiki)' );
			const dl = document.body.querySelector( '.partnerships-recognition__attribution' ) as HTMLElement;
			expect( dl.textContent ).toContain( 'Museum archive' );
			expect( dl.querySelector<HTMLAnchorElement>( 'a[href^="https://creativecommons.org"]' )?.textContent ).toBe( 'CC BY 4.0' );
			expect( document.body.querySelector( 'img, script' ) ).toBeNull();

			( document.body.querySelector( '.partnerships-recognition__copy button' ) as HTMLButtonElement ).click();
			await flushPromises();
			expect( writeText ).toHaveBeenCalledWith( area.value );
			expect( document.body.querySelector( '[role="status"]' )?.textContent ).toBe( '(partnerships-recognition-copied)' );
		} );

		it( 'selects the text and says so when the clipboard is refused', async () => {
			const api = new RoutedApi( wiki( { global: true, imageinfo } ) );
			mountDialog( { fileTitle: 'File:First.jpg' }, { api, clipboard: { writeText: () => Promise.reject( new Error( 'NotAllowedError' ) ) } } );
			await flushPromises();
			( document.body.querySelector( '.partnerships-recognition__copy button' ) as HTMLButtonElement ).click();
			await flushPromises();
			const area = document.body.querySelector( 'textarea' ) as HTMLTextAreaElement;
			expect( document.activeElement ).toBe( area );
			expect( area.selectionStart ).toBe( 0 );
			expect( area.selectionEnd ).toBe( area.value.length );
			expect( document.body.querySelector( '[role="status"]' )?.textContent ).toBe( '(partnerships-recognition-copy-failed)' );
		} );

		it( 'falls back to the uploader and the record’s licence on a wiki without CommonsMetadata', async () => {
			const thin = { query: { pages: [ { title: 'File:First.jpg', imageinfo: [ { user: 'Uploader' } ] } ] } };
			mountDialog( { fileTitle: 'File:First.jpg', recordLicence: 'CC0' }, { api: new RoutedApi( wiki( { global: false, imageinfo: thin } ) ) } );
			await flushPromises();
			expect( ( document.body.querySelector( 'textarea' ) as HTMLTextAreaElement ).value )
				.toBe( '(partnerships-recognition-line-text: First, Uploader, CC0, Example Wiki)' );
		} );

		const thinPage = { query: { pages: [ { title: 'File:First.jpg', imageinfo: [ { user: 'Uploader' } ] } ] } };

		it( 'reads the licence from the donation\'s record when the file\'s page names none, and says so', async () => {
			const readRecord = vi.fn( () => Promise.resolve( makeRecord( { donation: { categories: [], licence: `CC BY 4.0 ${ hostile }` } } ) ) );
			mountDialog( { fileTitle: 'File:First.jpg' }, { api: new RoutedApi( wiki( { global: false, imageinfo: thinPage } ) ), readRecord } );
			await flushPromises();
			expect( readRecord ).toHaveBeenCalledTimes( 1 );
			expect( readRecord ).toHaveBeenCalledWith( 'Museum_2025' );
			expect( ( document.body.querySelector( 'textarea' ) as HTMLTextAreaElement ).value )
				.toBe( `(partnerships-recognition-line-text: First, Uploader, CC BY 4.0 ${ hostile }, Example Wiki)` );
			const licence = document.body.querySelectorAll( '.partnerships-recognition__attribution dd' )[ 2 ];
			expect( licence.textContent ).toContain( `CC BY 4.0 ${ hostile }` );
			expect( licence.textContent ).toContain( '(partnerships-recognition-licence-from-record)' );
			expect( licence.textContent ).not.toContain( '(partnerships-recognition-unknown)' );
			expect( document.body.querySelector( '.partnerships-recognition img' ) ).toBeNull();
		} );

		it( 'does not read the record when the file\'s page names a licence', async () => {
			const readRecord = vi.fn( () => Promise.resolve( makeRecord( { donation: { categories: [], licence: 'CC0' } } ) ) );
			mountDialog( { fileTitle: 'File:First.jpg' }, { api: new RoutedApi( wiki( { global: false, imageinfo } ) ), readRecord } );
			await flushPromises();
			expect( readRecord ).not.toHaveBeenCalled();
			expect( ( document.body.querySelector( 'textarea' ) as HTMLTextAreaElement ).value ).toContain( 'CC BY 4.0' );
			expect( document.body.textContent ).not.toContain( '(partnerships-recognition-licence-from-record)' );
		} );

		it.each( [
			[ 'a record without a licence', () => Promise.resolve( makeRecord( { donation: { categories: [] } } ) ) ],
			[ 'a missing or invalid record', () => Promise.resolve( null ) ],
			[ 'a records wiki that fails', () => Promise.reject( new Error( 'http' ) ) ],
		] )( 'says the licence is unknown with %s', async ( _name, answer ) => {
			mountDialog( { fileTitle: 'File:First.jpg' }, { api: new RoutedApi( wiki( { global: false, imageinfo: thinPage } ) ), readRecord: vi.fn( answer ) } );
			await flushPromises();
			expect( ( document.body.querySelector( 'textarea' ) as HTMLTextAreaElement ).value )
				.toBe( '(partnerships-recognition-line-text-no-licence: First, Uploader, Example Wiki)' );
			const licence = document.body.querySelectorAll( '.partnerships-recognition__attribution dd' )[ 2 ];
			expect( licence.textContent?.trim() ).toBe( '(partnerships-recognition-unknown)' );
			expect( document.body.querySelector( '.cdx-message--error' ) ).toBeNull();
		} );
	} );
} );
