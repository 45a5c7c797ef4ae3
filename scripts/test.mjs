// The whole test suite, in order: lint, types, i18n, PHP syntax, build, unit and
// component tests with the size budgets, then integration and browser tests against
// real MediaWiki 1.43 wikis started by the tests themselves.
import { spawnSync } from 'node:child_process';

const steps = [
	[ 'lint: eslint', 'npx', [ 'eslint', '--max-warnings', '0', '--ext', '.ts,.vue,.mjs,.js', '.' ] ],
	[ 'lint: stylelint', 'npx', [ 'stylelint', 'src/**/*.{vue,less,css}' ] ],
	[ 'lint: banana-checker (i18n)', 'npx', [ 'banana-checker', '--requireLowerCase=0', 'i18n/' ] ],
	[ 'lint: php -l', 'node', [ 'scripts/php-lint.mjs' ] ],
	[ 'types: vue-tsc', 'npx', [ 'vue-tsc', '--noEmit', '-p', 'tsconfig.json' ] ],
	[ 'build', 'npx', [ 'tsx', 'scripts/build.ts' ] ],
	[ 'unit and component tests, budgets', 'npx', [ 'vitest', 'run', '--project', 'unit' ] ],
	[ 'integration and browser tests on real MediaWiki 1.43', 'npx', [ 'vitest', 'run', '--project', 'wiki' ] ]
];

const started = Date.now();
const timings = [];
for ( const [ name, command, args ] of steps ) {
	const t0 = Date.now();
	console.log( `\n=== ${ name } ===` );
	const result = spawnSync( command, args, { stdio: 'inherit' } );
	timings.push( [ name, ( ( Date.now() - t0 ) / 1000 ).toFixed( 1 ) ] );
	if ( result.status !== 0 ) {
		console.error( `\nFAILED: ${ name } (exit ${ result.status ?? result.signal })` );
		process.exit( 1 );
	}
}
console.log( '\n=== all passed ===' );
for ( const [ name, seconds ] of timings ) {
	console.log( `${ seconds.padStart( 7 ) } s  ${ name }` );
}
console.log( `${ ( ( Date.now() - started ) / 1000 ).toFixed( 1 ).padStart( 7 ) } s  total` );
