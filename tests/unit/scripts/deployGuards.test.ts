// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { deployUrlProblem, isLoopback } from '../../../scripts/lib/deployUrl';
import { STAMP_FILE, sourceHash, stampProblem, writeStamp } from '../../../scripts/lib/buildStamp';

describe( 'where a deploy may send a bot password', () => {
	it.each( [
		[ 'https://meta.wikimedia.org/w/api.php', true ],
		[ 'http://127.0.0.1:8123/api.php', true ],
		[ 'http://127.4.5.6/w/api.php', true ],
		[ 'http://localhost:8080/api.php', true ],
		[ 'http://[::1]:8080/api.php', true ],
		[ 'http://meta.wikimedia.org/w/api.php', false ],
		[ 'http://127.0.0.1.example.org/api.php', false ],
		[ 'http://10.0.0.1/api.php', false ],
		[ 'http://128.0.0.1/api.php', false ],
		[ 'ftp://127.0.0.1/api.php', false ],
		[ 'data:text/plain,x', false ],
		[ 'not a url', false ],
	] )( '%s: %s', ( url, allowed ) => {
		expect( deployUrlProblem( url ) === null ).toBe( allowed );
	} );

	it( 'knows loopback names', () => {
		expect( isLoopback( '127.0.0.1' ) ).toBe( true );
		expect( isLoopback( '127.300.0.1' ) ).toBe( false );
		expect( isLoopback( 'LOCALHOST' ) ).toBe( true );
	} );
} );

describe( 'the build stamp', () => {
	it( 'accepts the build of these sources and refuses any other', () => {
		const out = mkdtempSync( join( tmpdir(), 'partnerships-stamp-' ) );
		const hash = sourceHash();
		expect( hash ).toMatch( /^[0-9a-f]{64}$/ );
		expect( stampProblem( out, hash ) ).toMatch( /no build-stamp\.json/ );
		writeStamp( out, hash );
		expect( stampProblem( out, hash ) ).toBeNull();
		expect( stampProblem( out, 'f'.repeat( 64 ) ) ).toMatch( /other sources/ );
		writeFileSync( join( out, STAMP_FILE ), '{' );
		expect( stampProblem( out, hash ) ).toMatch( /not JSON/ );
	} );
} );
