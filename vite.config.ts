import { InlineConfig } from 'vite';
import { defineConfig } from 'vitest/config';
import vue from '@vitejs/plugin-vue';
import { fileURLToPath } from 'node:url';

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
					setupFiles: [ 'tests/support/setup.ts' ],
				},
			},
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
				},
			},
		],
	},
} );
