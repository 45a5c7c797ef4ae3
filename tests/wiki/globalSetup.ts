// Starts the real wikis once for the integration and browser tests, and stops them
// (no stray PHP processes) when the run ends.
import type { TestProject } from 'vitest/node';
import { startStack } from '../../scripts/lib/stack';

export interface WikiInfo {
	site: string;
	url: string;
	api: string;
	accounts: {
		admin: { username: string; password: string; botUsername: string; botPassword: string };
		users: { username: string; password: string }[];
	};
}

declare module 'vitest' {
	export interface ProvidedContext {
		wikis: { ext: WikiInfo; gadgets: WikiInfo; wikidataUrl: string; codex: 1 | 2 };
	}
}

export default async function setup( project: TestProject ): Promise<() => Promise<void>> {
	const t0 = Date.now();
	// The project wiki-codex2 runs the browser tests again on the Codex 2.6 / Vue 3.5 tree
	const codex = project.config.env.PARTNERSHIPS_WIKI_CODEX === '2' ? 2 : 1;
	const stack = await startStack( { log: ( line ) => console.log( `[wiki] ${ line }` ), codex } );
	console.log( `[wiki] both wikis ready in ${ ( ( Date.now() - t0 ) / 1000 ).toFixed( 1 ) } s` );
	const info = ( w: typeof stack.ext ): WikiInfo => ( { site: w.site, url: w.url, api: w.api, accounts: w.accounts } );
	project.provide( 'wikis', { ext: info( stack.ext ), gadgets: info( stack.gadgets ), wikidataUrl: stack.wikidata.url, codex } );
	return () => stack.stop();
}
