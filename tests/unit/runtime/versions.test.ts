// Which Vue, SFC compiler and Codex each Vitest project really runs: `unit` what
// MediaWiki 1.43 ships (Codex 1.14, Vue 3.4), `unit-codex2` what production wikis run
// (Codex 2.6, Vue 3.5). Each project names its versions in PARTNERSHIPS_EXPECT_* (see
// vite.config.ts); a wrong alias would make every other test of that project meaningless.
import { describe, expect, it } from 'vitest';
import { Component, defineComponent, h, version } from 'vue';
import { mount } from '@vue/test-utils';
import * as codex from '@wikimedia/codex';
import { CdxButton } from '@wikimedia/codex';

const expectedVue = process.env.PARTNERSHIPS_EXPECT_VUE ?? '';
const expectedCodex = process.env.PARTNERSHIPS_EXPECT_CODEX ?? '';
const codex2 = expectedCodex.startsWith( '2.' );

/** Compiled by the project's own Vue plugin: see compilerProbe in vite.config.ts */
const PROBE = '/@partnerships-probe/DestructuredProp.vue';

/** Exports that Codex 2 has and 1.14 has not (checked against both packages) */
const CODEX_2_ONLY = [ 'CdxToast', 'CdxToastContainer', 'useToast', 'CdxPopover', 'CdxImage', 'CdxProgressIndicator' ];

describe( 'runtime versions', () => {
	it( 'names the versions it expects', () => {
		expect( expectedVue ).toMatch( /^3\.[45]$/ );
		expect( expectedCodex ).toMatch( /^(1\.14|2\.6)$/ );
	} );

	it( 'imports the expected Vue', () => {
		expect( version.startsWith( `${ expectedVue }.` ) ).toBe( true );
	} );

	it( 'mounts with the same Vue in @vue/test-utils', () => {
		const wrapper = mount( defineComponent( { render: () => h( 'b', 'x' ) } ) );
		expect( wrapper.vm.$.appContext.app.version ).toBe( version );
	} );

	it( 'renders Codex components with that same Vue', () => {
		const wrapper = mount( CdxButton, { slots: { default: () => 'Go' } } );
		expect( wrapper.vm.$.appContext.app.version ).toBe( version );
		// A component instance of another copy of Vue would not render into this app
		expect( wrapper.find( 'button.cdx-button' ).text() ).toBe( 'Go' );
	} );

	it( 'imports the expected Codex', () => {
		const present = CODEX_2_ONLY.filter( ( name ) => name in codex );
		expect( present ).toEqual( codex2 ? CODEX_2_ONLY : [] );
	} );

	it( 'compiles our components with the expected compiler', async () => {
		const probe: { default: Component } = await import( /* @vite-ignore */ PROBE );
		const wrapper = mount( probe.default, { props: { label: 'before' } } );
		await wrapper.setProps( { label: 'after' } );
		expect( wrapper.text() ).toBe( expectedVue === '3.5' ? 'after' : 'before' );
	} );
} );
