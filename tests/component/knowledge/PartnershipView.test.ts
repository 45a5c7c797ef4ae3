import { describe, expect, it } from 'vitest';
import { mount, VueWrapper } from '@vue/test-utils';
import { shallowRef } from 'vue';
import PartnershipView from '../../../src/components/knowledge/PartnershipView.vue';
import { ServicesKey } from '../../../src/services';
import { StoreKey, PartnershipStore } from '../../../src/composables/usePartnershipStore';
import { normalisePartnership } from '../../../src/domain/partnership';
import { RecordEntry } from '../../../src/data/partnershipRepository';
import { fakeServices } from '../../fakes';

function mountView( donation: object ): VueWrapper {
	const entry = {
		pageid: 1,
		id: 'museum',
		title: 'Project:Partnerships/Records/museum',
		revid: 1,
		timestamp: '2026-01-01T00:00:00Z',
		valid: true,
		record: normalisePartnership( {
			schema: 'partnership/1', name: 'Museum images', partners: [ { label: 'Museum' } ], status: 'active', type: 'glam', donation,
		} ),
	} as RecordEntry;
	const store = {
		entries: shallowRef( [ entry ] ),
		find: ( id: string ) => id === entry.id ? entry : undefined,
	} as unknown as PartnershipStore;
	const services = fakeServices( { pageUrl: ( title, query ) => `/wiki/${ title }${ query ? '?' + new URLSearchParams( query ) : '' }` } );
	return mount( PartnershipView, {
		props: { id: 'museum', backLink: '' },
		global: { provide: { [ ServicesKey as symbol ]: services, [ StoreKey as symbol ]: store } },
	} );
}

describe( 'PartnershipView', () => {
	it( 'shows the donor\'s logo from the wiki\'s file path, as decoration, with its size fixed', () => {
		const logo = mountView( { categories: [ 'Images from the museum' ], logo: 'Museum logo.svg' } ).find( '.partnerships-record__logo' );
		const img = logo.find( 'img' );
		expect( img.attributes() ).toMatchObject( {
			src: '/wiki/Special:FilePath/Museum logo.svg?width=96', alt: '', width: '48', height: '48', loading: 'lazy',
		} );
		expect( logo.find( 'a' ).attributes( 'href' ) ).toBe( '/wiki/File:Museum logo.svg' );
	} );

	it( 'shows no image when the record names no logo', () => {
		const wrapper = mountView( { categories: [ 'Images from the museum' ] } );
		expect( wrapper.text() ).toContain( 'Images from the museum' );
		expect( wrapper.find( 'img' ).exists() ).toBe( false );
	} );
} );
