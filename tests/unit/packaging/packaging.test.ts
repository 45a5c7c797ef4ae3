// The two packagings stay in step with their single sources.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { GADGETS, definitionJson, definitionLine, definitionSection, mergeDefinition } from '../../../gadgets/gadgets';
import { frontEndMessageKeys, moduleMessageKeys, readAllMessages } from '../../../scripts/lib/messages';

describe( 'gadget definitions', () => {
	it( 'are committed as generated (run `npx tsx scripts/gadget-definitions.ts`)', () => {
		expect( readFileSync( 'gadgets/Gadgets-definition.wikitext', 'utf8' ) ).toBe( definitionSection() + '\n' );
		for ( const gadget of GADGETS ) {
			expect( JSON.parse( readFileSync( `gadgets/definitions/${ gadget.name }.json`, 'utf8' ) ) ).toEqual( definitionJson( gadget ) );
		}
	} );

	it( 'make the page-view loader a hidden default gadget without dependencies', () => {
		expect( definitionLine( GADGETS[ 0 ] ) ).toBe( '* partnerships-pageview[ResourceLoader|package|requiresES6|default|hidden]|partnerships-pageview.js|partnerships-config.json|partnerships-donations.json' );
	} );

	it( 'merge into an existing definition page without touching other gadgets', () => {
		const current = [
			'== editing ==',
			'* HotCat[ResourceLoader|default]|HotCat.js',
			'== partnerships ==',
			'* partnerships-old[ResourceLoader]|old.js',
			'== other ==',
			'* Navigation_popups[ResourceLoader]|popups.js',
			'',
		].join( '\n' );
		const merged = mergeDefinition( current );
		expect( merged ).toBe( [
			'== editing ==',
			'* HotCat[ResourceLoader|default]|HotCat.js',
			definitionSection(),
			'== other ==',
			'* Navigation_popups[ResourceLoader]|popups.js',
			'',
		].join( '\n' ) );
		expect( mergeDefinition( merged ) ).toBe( merged );
		expect( mergeDefinition( '' ) ).toBe( definitionSection() + '\n' );
		expect( mergeDefinition( '* HotCat[ResourceLoader]|HotCat.js\n\n' ) ).toBe( `* HotCat[ResourceLoader]|HotCat.js\n\n${ definitionSection() }\n` );
	} );
} );

describe( 'extension.json', () => {
	const manifest = JSON.parse( readFileSync( 'extension/extension.json', 'utf8' ) );

	it( 'registers every front-end message (run `npx tsx scripts/extension-json.ts`)', () => {
		for ( const [ name, module ] of Object.entries( manifest.ResourceModules ) as [ string, { messages?: string[] } ][] ) {
			if ( module.messages ) {
				expect( module.messages, name ).toEqual( moduleMessageKeys( name ) );
			}
		}
		expect( manifest.ResourceModules[ 'ext.partnerships.app' ].messages ).toEqual( frontEndMessageKeys() );
	} );

	it( 'keeps Vue and Codex to ResourceLoader and the loader free of dependencies', () => {
		expect( manifest.ResourceModules[ 'ext.partnerships.app' ].dependencies ).toEqual( expect.arrayContaining( [ 'vue', '@wikimedia/codex' ] ) );
		expect( manifest.ResourceModules[ 'ext.partnerships.pageview' ].dependencies ).toBeUndefined();
		expect( manifest.ResourceModules[ 'ext.partnerships.pageview' ].messages ).toBeUndefined();
		expect( manifest.requires.MediaWiki ).toBe( '>= 1.43' );
		expect( manifest.manifest_version ).toBe( 2 );
	} );

	it( 'has every message documented', () => {
		const qqq = JSON.parse( readFileSync( 'i18n/qqq.json', 'utf8' ) );
		for ( const key of Object.keys( readAllMessages().en ) ) {
			expect( qqq[ key ], key ).toBeTruthy();
		}
	} );
} );
