// @vitest-environment node
// Built code is saved as gadget pages, whose pre-save transform would rewrite
// signatures, subst: and the pipe trick: the build refuses them, and the talk-page
// message still ends with a real signature.
import { describe, expect, it } from 'vitest';
import { preSaveHazards } from '../../../scripts/lib/preSaveSafe';
import { SIGNATURE } from '../../../src/heroes/domain/talkMessage';

describe( 'preSaveHazards', () => {
	it.each( [
		[ 'a.replace(/\\s*~~~~\\s*$/,"")', 'signature' ],
		[ 'x="~~~"', 'signature' ],
		[ 'x="{{subst:CURRENTYEAR}}"', 'subst' ],
		[ 'x="{{ SafeSubst:foo}}"', 'subst' ],
		[ 'x="[[Help:Contents (wiki)|]]"', 'pipe trick' ],
	] )( 'finds %s', ( text, name ) => {
		const found = preSaveHazards( text );
		expect( found ).toHaveLength( 1 );
		expect( found[ 0 ] ).toContain( name );
	} );

	it( 'passes code without them', () => {
		expect( preSaveHazards( 'const s = "~~"; a[b[0]] = 1; x = "[[a|b]]"; "~".repeat(4);' ) ).toEqual( [] );
	} );

	it( 'leaves the talk message its signature, built at run time', () => {
		expect( SIGNATURE ).toBe( '~~~~' );
	} );
} );
