// Debian's Chromium for playwright-core: never a browser download.
import { aptInstall, Log } from './packages';
import { which } from './exec';

/**
 * Debian's Chromium (apt-get install when root).
 *
 * @param options
 * @param options.log Progress output
 * @return Its path
 */
export async function ensureChromium( { log = console.log }: { log?: Log } = {} ): Promise<string> {
	let bin = await which( 'chromium' );
	if ( !bin ) {
		await aptInstall( [ 'chromium' ], log );
		bin = await which( 'chromium' );
	}
	if ( !bin ) {
		throw new Error( 'chromium not found after installing it' );
	}
	return bin;
}
