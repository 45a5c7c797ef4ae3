// Writes the generated parts of extension/extension.json: the message list of each
// module from i18n/en.json, and the hook handlers and hooks the PHP glue implements.
// Run after adding a message or a hook: `npx tsx scripts/extension-json.ts`. A unit test
// checks that the committed manifest is what this writes.
import { readFileSync, writeFileSync } from 'node:fs';
import { moduleMessageKeys } from './lib/messages';

const path = 'extension/extension.json';

/** Hook handlers (extension/includes/) with the services they are constructed with. */
export const HOOK_HANDLERS = {
	main: {
		class: 'MediaWiki\\Extension\\Partnerships\\Hooks',
		services: [ 'MainConfig' ],
	},
	heroesPermissions: {
		class: 'MediaWiki\\Extension\\Partnerships\\HeroesPermissions',
		services: [ 'MainConfig', 'PermissionManager', 'UserGroupManager', 'RevisionLookup', 'UserNameUtils', 'ConnectionProvider' ],
	},
};

/** Hooks and their handlers. */
export const HOOKS: Record<string, keyof typeof HOOK_HANDLERS> = {
	BeforePageDisplay: 'main',
	ContentHandlerDefaultModelFor: 'main',
	getUserPermissionsErrors: 'heroesPermissions',
	getUserPermissionsErrorsExpensive: 'heroesPermissions',
};

/**
 * @param manifest The manifest as committed
 * @return It with its generated parts written
 */
export function generateManifest( manifest: Record<string, unknown> ): Record<string, unknown> {
	const modules = manifest.ResourceModules as Record<string, { messages?: string[] }>;
	for ( const [ name, module ] of Object.entries( modules ) ) {
		if ( module.messages ) {
			module.messages = moduleMessageKeys( name );
		}
	}
	return { ...manifest, HookHandlers: HOOK_HANDLERS, Hooks: HOOKS };
}

if ( process.argv[ 1 ] && /extension-json\.ts$/.test( process.argv[ 1 ] ) ) {
	const manifest = JSON.parse( readFileSync( path, 'utf8' ) );
	writeFileSync( path, JSON.stringify( generateManifest( manifest ), null, '\t' ) + '\n' );
}
