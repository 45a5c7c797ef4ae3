import { describe, expect, it } from 'vitest';
import { ApiParams } from '../../../../src/shared/api/ActionApi';
import { querySourceUrl } from '../../../../src/recognition/domain/statSources';

describe( 'querySourceUrl', () => {
	it( 'builds http(s) source links only', () => {
		const params: ApiParams = { action: 'query', prop: 'categoryinfo', titles: [ 'Category:A', 'Category:B & C' ], curtimestamp: true };
		const url = new URL( querySourceUrl( '/w/api.php', params, 'https://wiki.example/wiki/Main' ) as string );
		expect( url.origin + url.pathname ).toBe( 'https://wiki.example/w/api.php' );
		expect( Object.fromEntries( url.searchParams ) ).toEqual( {
			action: 'query', format: 'json', formatversion: '2', prop: 'categoryinfo', titles: 'Category:A|Category:B & C', curtimestamp: '1',
		} );
		// eslint-disable-next-line no-script-url
		expect( querySourceUrl( 'javascript:alert(1)', params ) ).toBeNull();
	} );
} );
