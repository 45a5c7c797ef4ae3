// Shared setup for unit and component tests: a minimal `mw` and the `$i18n` that
// createMwApp would install. Messages come back as "(key: params)", like uselang=qqx,
// so tests assert on keys, not English.
import { config } from '@vue/test-utils';

export function qqx( key: string, ...params: unknown[] ): string {
	return params.length ? `(${ key }: ${ params.join( ', ' ) })` : `(${ key })`;
}

config.global.mocks = {
	$i18n: ( key: string, ...params: unknown[] ) => ( {
		text: () => qqx( key, ...params ),
		toString: () => qqx( key, ...params ),
	} ),
};

( globalThis as Record<string, unknown> ).mw = {
	config: { get: () => null },
	message: ( key: string, ...params: unknown[] ) => ( { text: () => qqx( key, ...params ) } ),
	log: { error: () => undefined, warn: () => undefined },
};
