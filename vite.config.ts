import { InlineConfig, Plugin } from 'vite';
import { defineConfig, TestProjectInlineConfiguration } from 'vitest/config';
import vue from '@vitejs/plugin-vue';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';

/**
 * One ResourceLoader module per entry. Each is built on its own into one CommonJS
 * file (ResourceLoader has no chunk loading), with Vue and Codex left to
 * ResourceLoader and the files ResourceLoader puts beside the module left as
 * `require()` calls.
 */
export const ENTRIES = {
	pageview: 'src/pageview/init.ts',
	app: 'src/knowledge/init.ts',
	badge: 'src/recognition/init/badge.ts',
	recognition: 'src/recognition/init/dialog.ts',
	wall: 'src/recognition/init/wall.ts',
	heroes: 'src/heroes/init.ts',
} as const;
export type EntryName = keyof typeof ENTRIES;

export const OUT_DIR = 'extension/modules';

/** Modules of ours with no effect on load… */
const SIDE_EFFECT_FREE = /\/src\/.*\.ts$/;
/** …except the entry points and the init code around them */
const INIT_CODE = /\/src\/[a-z]+\/init(\.ts$|\/)/;

const RESOURCE_LOADER_PROVIDED = [ 'vue', '@wikimedia/codex', /^\.\/partnerships-[a-z-]+\.json$/ ];

/**
 * @param entry The entry to build
 * @return The Vite configuration building it
 */
export function entryConfig( entry: EntryName ): InlineConfig {
	return {
		configFile: false,
		plugins: [ vue() ],
		logLevel: 'warn',
		define: {
			'process.env.NODE_ENV': JSON.stringify( 'production' ),
			__VUE_OPTIONS_API__: 'false',
			__VUE_PROD_DEVTOOLS__: 'false',
			__VUE_PROD_HYDRATION_MISMATCH_DETAILS__: 'false',
		},
		build: {
			outDir: OUT_DIR,
			emptyOutDir: false,
			target: 'es2017',
			// Browsers that have the logical CSS properties (margin-inline-start…): for older
			// ones esbuild would lower them to margin-left/right rules per right-to-left
			// :lang(), which ResourceLoader then flips for RTL pages, putting them on the
			// wrong side. CSSJanus leaves logical properties alone.
			cssTarget: [ 'chrome89', 'edge89', 'firefox66', 'safari15' ],
			minify: true,
			sourcemap: false,
			copyPublicDir: false,
			cssCodeSplit: false,
			lib: {
				entry: fileURLToPath( new URL( ENTRIES[ entry ], import.meta.url ) ),
				formats: [ 'cjs' ],
				fileName: () => `${ entry }.js`,
				cssFileName: entry,
			},
			rollupOptions: {
				external: RESOURCE_LOADER_PROVIDED,
				treeshake: {
					// Our TypeScript modules only declare things; the entry points (init code)
					// are the only ones that act on load. Saying so lets a module take one
					// function from a feature's index.ts without carrying the rest of the
					// feature (the badge takes recordUrl, not the repository).
					moduleSideEffects: ( id: string ) => !SIDE_EFFECT_FREE.test( id ) || INIT_CODE.test( id ),
				},
			},
		},
	};
}

/** The browser tests that run on the Codex 2.6 wikis too (project wiki-codex2) */
export const CODEX2_BROWSER_TESTS = [
	'tests/e2e/runtime.test.ts',
	'tests/e2e/panel.test.ts',
	'tests/e2e/browse.test.ts',
	'tests/e2e/edit.test.ts',
	'tests/e2e/donations.test.ts',
	'tests/e2e/heroes.test.ts',
] as const;

export default defineConfig( {
	plugins: [ vue() ],
	test: {
		projects: [
			{
				extends: true,
				test: {
					name: 'unit',
					environment: 'jsdom',
					include: [ 'tests/unit/**/*.test.ts' ],
					setupFiles: [ 'tests/support/setupDom.ts', 'tests/support/setup.ts' ],
					env: { PARTNERSHIPS_EXPECT_CODEX: '1.14', PARTNERSHIPS_EXPECT_VUE: '3.4' },
				},
				plugins: [ compilerProbe() ],
			},
			codex2Project(),
			{
				extends: true,
				test: {
					name: 'wiki',
					environment: 'node',
					include: [ 'tests/wiki/**/*.test.ts', 'tests/e2e/**/*.test.ts' ],
					globalSetup: [ 'tests/wiki/globalSetup.ts' ],
					testTimeout: 120000,
					hookTimeout: 300000,
					fileParallelism: false,
					env: { PARTNERSHIPS_WIKI_CODEX: '1' },
				},
			},
			{
				// The browser tests again, on the same MediaWiki 1.43 serving Codex 2.6 and
				// Vue 3.5 (what production wikis run; scripts/wiki/codex2.ts), with wikis of
				// their own (sites ext_codex2 and gadgets_codex2). The main flow files only:
				// the integration tests (tests/wiki) talk to the Action API, which the Codex
				// version does not change, and thousand.test.ts measures the list's speed,
				// not its Codex (README, "Tests").
				extends: true,
				test: {
					name: 'wiki-codex2',
					environment: 'node',
					include: [ ...CODEX2_BROWSER_TESTS ],
					globalSetup: [ 'tests/wiki/globalSetup.ts' ],
					testTimeout: 120000,
					hookTimeout: 300000,
					fileParallelism: false,
					env: { PARTNERSHIPS_WIKI_CODEX: '2' },
				},
			},
		],
	},
} );

/**
 * The component tests again, on what production wikis run (1.45 and later, 1.47-wmf on
 * Meta and Commons): Codex 2.6 and Vue 3.5, installed beside 1.43's Codex 1.14 and
 * Vue 3.4 under npm aliases. Not part of `npm test` yet (see the issue 12 notes in the
 * commit): `npx vitest run --project unit-codex2`.
 *
 * Vitest hands packages in node_modules to Node unchanged, so an alias would not reach
 * the `import 'vue'` inside Codex or @vue/test-utils: those are inlined, so that every
 * copy of Vue in the test is the 3.5 one. Our SFCs are compiled by Vue 3.5's compiler.
 *
 * @return The project
 */
function codex2Project(): TestProjectInlineConfiguration {
	// A string, not new URL(): tests that import this file for its constants
	// (budgets.test.ts) run it where URL is jsdom's, which node:url does not accept.
	const nodeModules = fileURLToPath( import.meta.url ).replace( /[^/]*$/, 'node_modules/' );
	const vue35 = `${ nodeModules }vue-3.5/`;
	const require35 = createRequire( vue35 );
	return {
		plugins: [ vue( { compiler: require35( './compiler-sfc' ) } ), compilerProbe() ],
		resolve: {
			alias: [
				{ find: /^vue$/, replacement: `${ vue35 }dist/vue.runtime.esm-bundler.js` },
				{ find: /^vue\/compiler-sfc$/, replacement: `${ vue35 }compiler-sfc/index.mjs` },
				{ find: /^@vue\/server-renderer$/, replacement: `${ vue35 }node_modules/@vue/server-renderer/dist/server-renderer.esm-bundler.js` },
				// The ES build (the package's "node" condition would pick the CommonJS one,
				// whose require() calls no alias reaches).
				{ find: /^@vue\/test-utils$/, replacement: `${ nodeModules }@vue/test-utils/dist/vue-test-utils.esm-bundler.mjs` },
				{ find: /^@wikimedia\/codex$/, replacement: `${ nodeModules }@wikimedia/codex-2/dist/codex.js` },
				{ find: /^@wikimedia\/codex-design-tokens\//, replacement: `${ nodeModules }codex-design-tokens-2/dist/` },
				{ find: /^@wikimedia\/codex-icons$/, replacement: `${ nodeModules }@wikimedia/codex-2/node_modules/@wikimedia/codex-icons/dist/codex-icons.js` },
			],
		},
		define: {
			// What the esm-bundler builds of Vue expect a bundler to define
			__VUE_OPTIONS_API__: 'true',
			__VUE_PROD_DEVTOOLS__: 'false',
			__VUE_PROD_HYDRATION_MISMATCH_DETAILS__: 'false',
		},
		test: {
			name: 'unit-codex2',
			environment: 'jsdom',
			include: [ 'tests/unit/**/*.test.ts' ],
			// Built files and packaging do not depend on the runtime's version
			exclude: [ 'tests/unit/packaging/**' ],
			setupFiles: [ 'tests/support/setupDom.ts', 'tests/support/setup.ts' ],
			env: { PARTNERSHIPS_EXPECT_CODEX: '2.6', PARTNERSHIPS_EXPECT_VUE: '3.5' },
			server: {
				deps: {
					inline: [
						/\/node_modules\/vue-3\.5\//,
						/\/node_modules\/@vue\/test-utils\//,
						/\/node_modules\/@wikimedia\/codex-2\//,
						/\/node_modules\/@floating-ui\//,
						/\/node_modules\/vue-demi\//,
					],
				},
			},
		},
	};
}

const PROBE_ID = '/@partnerships-probe/DestructuredProp.vue';

/**
 * A component that only Vue 3.5's SFC compiler makes reactive: it keeps a destructured
 * prop reactive in script (reading `__props.label`), where 3.4's, without the then
 * experimental `propsDestructure` option, copies the value once. Served as a module of
 * its own (`import … from '/@partnerships-probe/DestructuredProp.vue'`) so that the
 * project's own Vue plugin compiles it; tests/unit/runtime/versions.test.ts tells from
 * it which compiler the project runs.
 *
 * @return The plugin
 */
function compilerProbe(): Plugin {
	const source = [
		'<template><span>{{ shown }}</span></template>',
		'<script setup lang="ts">',
		'import { computed } from \'vue\';',
		'const { label } = defineProps<{ label: string }>();',
		'const shown = computed( () => label );',
		'</script>',
	].join( '\n' );
	return {
		name: 'partnerships-compiler-probe',
		enforce: 'pre',
		resolveId: ( id ) => id === PROBE_ID ? PROBE_ID : null,
		load: ( id ) => id === PROBE_ID ? source : null,
	};
}
