import { describe, expect, it } from 'vitest';
import { folderPrefix, isLocation, parsePageLocation } from '../../../../src/shared/wiki/pageLocation';

// eslint-disable-next-line camelcase -- wgNamespaceIds keys are like this
const ids = { project: 4, meta: 4, project_talk: 5, user: 2, main: 0 };

describe( 'parsePageLocation', () => {
	it.each( [
		[ 'Project:Partnerships', { namespace: 4, title: 'Partnerships' } ],
		[ 'project:partnerships', { namespace: 4, title: 'Partnerships' } ],
		[ 'Meta:Partnerships_hub', { namespace: 4, title: 'Partnerships hub' } ],
		[ 'Project talk:X', { namespace: 5, title: 'X' } ],
		[ 'Partnerships', { namespace: 0, title: 'Partnerships' } ],
		[ 'Unknown:Thing', { namespace: 0, title: 'Unknown:Thing' } ],
	] )( '%s', ( input, expected ) => {
		expect( parsePageLocation( input, ids ) ).toEqual( expected );
	} );
} );

describe( 'isLocation', () => {
	const root = parsePageLocation( 'Project:Partnerships', ids );
	it( 'matches the root page only', () => {
		expect( isLocation( root, 4, 'Partnerships' ) ).toBe( true );
		expect( isLocation( root, 4, 'Partnerships/Records/x' ) ).toBe( false );
		expect( isLocation( root, 0, 'Partnerships' ) ).toBe( false );
	} );
	it( 'builds folder prefixes', () => {
		expect( folderPrefix( root, 'Records' ) ).toBe( 'Partnerships/Records/' );
	} );
} );
