// The whole test suite, in order: lint, types, i18n, PHP syntax, build, unit and
// component tests with the size budgets, then integration and browser tests against
// real MediaWiki 1.43 wikis started by the tests themselves.
//
// Each step is an npm script of package.json, so that `npm run lint` and the others run
// exactly what the suite runs; this file only orders them and times them.
import { spawnSync } from 'node:child_process';

const steps = [
	[ 'lint: eslint', 'lint:js' ],
	[ 'lint: stylelint', 'lint:css' ],
	[ 'lint: banana-checker (i18n)', 'lint:i18n' ],
	[ 'lint: php -l', 'lint:php' ],
	[ 'types: vue-tsc', 'typecheck' ],
	[ 'build', 'build' ],
	[ 'unit and component tests (Codex 1.14 and 2.6), budgets', 'test:unit' ],
	[ 'integration and browser tests on real MediaWiki 1.43 (Codex 1.14, Vue 3.4)', 'test:wiki' ],
	[ 'browser tests on MediaWiki 1.43 serving Codex 2.6 and Vue 3.5', 'test:wiki-codex2' ]
];

const started = Date.now();
const timings = [];
for ( const [ name, script ] of steps ) {
	const t0 = Date.now();
	console.log( `\n=== ${ name } (npm run ${ script }) ===` );
	const result = spawnSync( 'npm', [ 'run', '--silent', script ], { stdio: 'inherit' } );
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
