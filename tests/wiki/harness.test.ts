// The harness itself, on a scratch wiki of its own: page views, ResourceLoader, parallel
// requests, per-site settings, and a stop() that leaves no PHP process behind.
import { execFileSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWiki, Wiki } from '../../scripts/wiki/harness';
import { HttpActionApi } from '../../src/shared/api/HttpActionApi';
import { ApiError } from '../../src/shared/api/ActionApi';

function phpServers( port: number ): string {
	try {
		return execFileSync( 'pgrep', [ '-af', `php -S 127.0.0.1:${ port }` ], { encoding: 'utf8' } ).trim();
	} catch {
		return ''; // pgrep exits 1 when nothing matches
	}
}

describe( 'the MediaWiki harness', () => {
	let wiki: Wiki;
	beforeAll( async () => {
		wiki = await startWiki( { site: 'harness', partnerships: false, log: () => undefined } );
	} );
	afterAll( async () => {
		await wiki?.stop();
	} );

	it( 'serves page views in both URL forms, with the skins installed', async () => {
		for ( const url of [ `${ wiki.index }?title=Main_Page`, `${ wiki.index }/Main_Page` ] ) {
			const res = await fetch( url );
			expect( res.status, url ).toBe( 200 );
			expect( await res.text() ).toMatch( /load\.php/ );
		}
		const info = await new HttpActionApi( wiki.api ).get( { action: 'query', meta: 'siteinfo', siprop: 'skins' } );
		const skins = info.query.skins.map( ( s: { code: string } ) => s.code );
		expect( skins ).toEqual( expect.arrayContaining( [ 'vector-2022', 'vector', 'monobook', 'timeless', 'minerva' ] ) );
	} );

	it( 'serves Vue and Codex from ResourceLoader', async () => {
		const res = await fetch( `${ wiki.url }/load.php?modules=vue%7C%40wikimedia%2Fcodex&debug=1&lang=en&skin=vector-2022` );
		const text = await res.text();
		expect( text ).toMatch( /mw\.loader\.impl/ );
		expect( text ).toContain( 'CdxButton' );
	} );

	it( 'answers parallel requests', async () => {
		const statuses = await Promise.all( Array.from( { length: 12 }, () => fetch( `${ wiki.api }?action=query&meta=siteinfo&format=json` ).then( ( r ) => r.status ) ) );
		expect( new Set( statuses ) ).toEqual( new Set( [ 200 ] ) );
	} );

	it( 'keeps ordinary accounts out of site JavaScript', async () => {
		const alice = new HttpActionApi( wiki.api );
		await alice.clientLogin( wiki.accounts.users[ 0 ].username, wiki.accounts.users[ 0 ].password );
		const refusal = await alice.postWithEditToken( { action: 'edit', title: 'MediaWiki:Common.js', text: '//', assert: 'user' } ).catch( ( e ) => e );
		expect( refusal ).toBeInstanceOf( ApiError );
	} );

	it( 'applies per-site settings on the next request', async () => {
		await wiki.setExtraSettings( '$wgSitename = "Changed by extra.php";' );
		const info = await new HttpActionApi( wiki.api ).get( { action: 'query', meta: 'siteinfo' } );
		expect( info.query.general.sitename ).toBe( 'Changed by extra.php' );
		await wiki.setExtraSettings( null );
	} );

	it( 'stops without leaving a PHP process', async () => {
		expect( phpServers( wiki.port ) ).not.toBe( '' );
		await wiki.stop();
		expect( phpServers( wiki.port ) ).toBe( '' );
	} );
} );
