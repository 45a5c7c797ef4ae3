import { describe, expect, it } from 'vitest';
import { flushPromises, mount, VueWrapper } from '@vue/test-utils';
import HeroView from '../../../../src/heroes/components/HeroView.vue';
import { Nomination } from '../../../../src/heroes/domain/heroes';
import { ServiceOverrides, fakeRepository, provideHeroes, nomination } from '../../../support/fakeHeroes';

function mountView( n: Nomination, services: ServiceOverrides = {} ): VueWrapper {
	return mount( HeroView, {
		props: { nomination: n, hallHref: '#', nominationsHref: '#nominations' },
		global: { provide: provideHeroes( services ).provide },
	} );
}

const buttons = ( w: VueWrapper ): string[] => w.findAll( '.partnerships-hero__actions button' ).map( ( b ) => b.text() );
const endorsed = ( n: Nomination, users: string[] ): Nomination => ( {
	...n,
	endorsements: users.map( ( user ) => ( { user, comment: '', time: '2026-03-05T00:00:00Z', title: `${ n.title }/Endorsements/${ user }` } ) ),
} );

const bob = nomination( 'bob-2026' );
const ready = { ...endorsed( bob, [ 'Carol', 'Dave' ] ), status: 'ready' as const };
const group = { ...endorsed( nomination( 'wug', { nominee: { kind: 'group', name: 'Wikimedians of G', wikidata: 'Q42' } } ), [ 'Carol', 'Dave' ] ), status: 'ready' as const };

describe( 'HeroView: who sees which action', () => {
	it.each( [
		// reader, canCelebrate, nomination, buttons, text shown
		[ 'logged-out', null, false, ready, [], '(partnerships-heroes-logged-out)' ],
		[ 'an ordinary user', 'Erin', false, ready, [ '(partnerships-heroes-endorse)' ], '(partnerships-heroes-celebrate-who)' ],
		[ 'the nominator', 'Alice', false, ready, [], '(partnerships-heroes-endorse-nominator)' ],
		[ 'the nominee', 'Bob', false, ready, [ '(partnerships-heroes-decline)' ], '(partnerships-heroes-endorse-own)' ],
		[ 'an endorser', 'Carol', false, ready, [], '(partnerships-heroes-endorse-done)' ],
		[ 'a coordinator, ready', 'Admin', true, ready, [ '(partnerships-heroes-endorse)', '(partnerships-heroes-celebrate)' ], '' ],
		[ 'a coordinator, open', 'Admin', true, bob, [ '(partnerships-heroes-endorse)' ], '(partnerships-heroes-celebrate-needs: 2, 2)' ],
		[ 'a coordinator, group', 'Admin', true, group, [ '(partnerships-heroes-endorse)', '(partnerships-heroes-celebrate)', '(partnerships-heroes-decline)' ], '' ],
		[ 'an ordinary user, group', 'Erin', false, group, [ '(partnerships-heroes-endorse)' ], '(partnerships-heroes-celebrate-who)' ],
	] )( '%s', ( _, userName, canCelebrate, n, expected, text ) => {
		const wrapper = mountView( n, { userName, canCelebrate } );
		expect( buttons( wrapper ) ).toEqual( expected );
		expect( wrapper.find( '.partnerships-hero__actions' ).text() ).toContain( text );
	} );

	it.each( [ [ 'the nominator', 'Alice' ], [ 'the nominee', 'Bob' ], [ 'an endorser', 'Carol' ] ] )(
		'does not tell %s, who cannot endorse, that they can', ( _, userName ) => {
			const text = mountView( ready, { userName } ).find( '.partnerships-hero__actions' ).text();
			expect( text ).toContain( '(partnerships-heroes-celebrate-who-only)' );
			expect( text ).not.toContain( '(partnerships-heroes-celebrate-who)' );
		} );

	it( 'gives a logged-out reader a login link that comes back to this nomination, and no form', () => {
		const wrapper = mountView( ready, { userName: null } );
		expect( wrapper.find( '.partnerships-hero__logged-out a' ).attributes( 'href' ) )
			.toBe( `/wiki/Special:UserLogin?returnto=Heroes&returntoquery=${ encodeURIComponent( `heroesview=${ encodeURIComponent( `hero=${ ready.id }` ) }` ) }` );
		expect( wrapper.find( 'textarea' ).exists() ).toBe( false );
	} );

	it( 'offers no action on a celebrated nomination, except declining to its nominee', () => {
		const celebrated = { ...ready, status: 'celebrated' as const, celebration: { by: 'Admin', time: '2026-04-01T00:00:00Z' } };
		expect( mountView( celebrated, { userName: 'Admin', canCelebrate: true } ).find( '.partnerships-hero__actions' ).exists() ).toBe( false );
		expect( buttons( mountView( celebrated, { userName: 'Bob' } ) ) ).toEqual( [ '(partnerships-heroes-decline)' ] );
		expect( mountView( celebrated ).text() ).toContain( '(partnerships-heroes-celebrated-on: 2026-04-01, Admin)' );
	} );
} );

describe( 'HeroView: content', () => {
	it( 'shows the nominee, citation, partnerships, tags and endorsers, hostile text as text', async () => {
		const hostile = '<img src=x onerror="window.pwned=1">[[Category:X]]{{SITENAME}}';
		const n = endorsed( nomination( 'h', {
			citation: `${ hostile } is a long enough citation text.`,
			partnerships: [ 'rijksmuseum', 'gone-record' ],
			regions: [ '002' ],
			languages: [ 'dag' ],
		} ), [ 'Carol' ] );
		n.endorsements[ 0 ].comment = hostile;
		const wrapper = mountView( n );
		await flushPromises();
		expect( wrapper.find( '.partnerships-hero__name a' ).attributes( 'href' ) ).toBe( '/wiki/User%3ABob' );
		expect( wrapper.find( '.partnerships-hero__citation' ).text() ).toBe( `${ hostile } is a long enough citation text.` );
		expect( wrapper.find( 'img' ).exists() ).toBe( false );
		expect( wrapper.find( '.partnerships-hero__endorsement q' ).text() ).toBe( hostile );
		const links = wrapper.findAll( '.partnerships-hero__partnerships a' );
		expect( links.map( ( a ) => [ a.text(), a.attributes( 'href' ) ] ) ).toEqual( [
			[ 'Rijksmuseum open collection', '/wiki/Project:Partnerships/Records/rijksmuseum' ],
			[ 'gone-record', '/wiki/Project:Partnerships/Records/gone-record' ],
		] );
		expect( wrapper.text() ).toContain( '(partnerships-heroes-endorsement-count: 1, 2)' );
		expect( wrapper.text() ).toContain( '(partnerships-region-002)' );
		expect( wrapper.find( '.partnerships-hero__self' ).exists() ).toBe( false );
	} );

	it( 'shows a self-nomination as one', () => {
		const self = nomination( 'alice', { nominee: { kind: 'user', user: 'Alice' } }, { self: true } );
		expect( mountView( self, { userName: 'Erin' } ).find( '.partnerships-hero__self' ).text() ).toBe( '(partnerships-heroes-self-nomination)' );
	} );

	it( 'describes a community by language and region', () => {
		const community = nomination( 'c', { nominee: { kind: 'community', language: 'dag', region: '002' }, category: 'emerging-community' } );
		const wrapper = mountView( community );
		expect( wrapper.find( '.partnerships-hero__name' ).text() ).toMatch( /^\(partnerships-heroes-community-name: .+, \(partnerships-region-002\)\)$/ );
		expect( wrapper.find( '.partnerships-hero__name a' ).exists() ).toBe( false );
	} );
} );

describe( 'HeroView: actions', () => {
	it( 'endorses with a bounded comment', async () => {
		const heroes = fakeRepository();
		heroes.endorse.mockResolvedValue( { ok: true } );
		const wrapper = mountView( bob, { userName: 'Erin', heroes } );
		await wrapper.find( 'textarea' ).setValue( 'x'.repeat( 501 ) );
		expect( wrapper.text() ).toContain( '(partnerships-heroes-comment-too-long: 500)' );
		expect( wrapper.find( '.partnerships-hero__endorse-button' ).attributes( 'disabled' ) ).toBeDefined();
		await wrapper.find( 'textarea' ).setValue( '  Well deserved  ' );
		expect( wrapper.text() ).toContain( '(partnerships-heroes-characters: 17, 500)' );
		await wrapper.find( '.partnerships-hero__endorse-button' ).trigger( 'click' );
		await flushPromises();
		expect( heroes.endorse ).toHaveBeenCalledWith( bob, 'Well deserved' );
		expect( wrapper.emitted( 'changed' )?.[ 0 ] ).toEqual( [ '(partnerships-heroes-endorsed)' ] );
	} );

	it( 'shows why an endorsement failed', async () => {
		const heroes = fakeRepository();
		heroes.endorse.mockResolvedValue( { ok: false, reason: 'exists', code: 'articleexists', message: '' } );
		const wrapper = mountView( bob, { userName: 'Erin', heroes } );
		await wrapper.find( '.partnerships-hero__endorse-button' ).trigger( 'click' );
		await flushPromises();
		expect( wrapper.text() ).toContain( '(partnerships-heroes-error-exists)' );
		expect( wrapper.emitted( 'changed' ) ).toBeUndefined();
	} );

	it( 'celebrates with the talk message, and offers to post it again when it failed', async () => {
		const heroes = fakeRepository();
		heroes.celebrate.mockResolvedValue( { ok: true, talk: 'failed' } );
		heroes.postTalk.mockResolvedValueOnce( 'failed' ).mockResolvedValueOnce( 'posted' );
		const wrapper = mountView( ready, { userName: 'Admin', canCelebrate: true, heroes } );
		await wrapper.find( '.partnerships-hero__celebrate' ).trigger( 'click' );
		await flushPromises();
		const talk = { title: 'User talk:Bob', sectionTitle: 'Hero', text: 'Celebrated: bob-2026' };
		expect( heroes.celebrate ).toHaveBeenCalledWith( ready, talk );
		expect( wrapper.emitted( 'changed' )?.[ 0 ] ).toEqual( [ '(partnerships-heroes-celebrated-talk-failed: \u2068Bob\u2069)' ] );
		expect( wrapper.text() ).toContain( '(partnerships-heroes-talk-failed)' );
		const retry = wrapper.findAll( 'button' ).find( ( b ) => b.text() === '(partnerships-heroes-talk-retry)' );
		await retry!.trigger( 'click' );
		await flushPromises();
		expect( heroes.postTalk ).toHaveBeenCalledWith( talk );
		expect( wrapper.text() ).toContain( '(partnerships-heroes-talk-failed)' );
		await retry!.trigger( 'click' );
		await flushPromises();
		expect( heroes.postTalk ).toHaveBeenCalledTimes( 2 );
		expect( wrapper.emitted( 'changed' )?.[ 1 ] ).toEqual( [ '(partnerships-heroes-celebrated-talk-posted: \u2068Bob\u2069)' ] );
		expect( wrapper.text() ).not.toContain( '(partnerships-heroes-talk-failed)' );
	} );

	it( 'keeps a group name that overrides its direction from reordering the sentence it is in', async () => {
		const hostile = { ...group, record: { ...group.record, nominee: { kind: 'group' as const, name: 'Wikimedians \u202Eof G\u2069 x' } } };
		const heroes = fakeRepository();
		heroes.celebrate.mockResolvedValue( { ok: true, talk: 'none' } );
		const wrapper = mountView( hostile, { userName: 'Admin', canCelebrate: true, heroes } );
		await wrapper.find( '.partnerships-hero__celebrate' ).trigger( 'click' );
		await flushPromises();
		// The override stays inside an isolate that nothing in the name can end early.
		expect( wrapper.emitted( 'changed' )?.[ 0 ] ).toEqual( [ '(partnerships-heroes-celebrated-talk-none: \u2068Wikimedians \u202Eof G x\u2069)' ] );
	} );

	it( 'celebrates a group without a talk message', async () => {
		const heroes = fakeRepository();
		heroes.celebrate.mockResolvedValue( { ok: true, talk: 'none' } );
		const wrapper = mountView( group, { userName: 'Admin', canCelebrate: true, heroes } );
		await wrapper.find( '.partnerships-hero__celebrate' ).trigger( 'click' );
		await flushPromises();
		expect( heroes.celebrate ).toHaveBeenCalledWith( group, null );
		expect( wrapper.emitted( 'changed' )?.[ 0 ] ).toEqual( [ '(partnerships-heroes-celebrated-talk-none: \u2068Wikimedians of G\u2069)' ] );
	} );

	it( 'declines only after a confirmation', async () => {
		const heroes = fakeRepository();
		heroes.decline.mockResolvedValue( { ok: true } );
		const wrapper = mountView( ready, { userName: 'Bob', heroes } );
		await wrapper.find( '.partnerships-hero__decline button' ).trigger( 'click' );
		expect( heroes.decline ).not.toHaveBeenCalled();
		expect( wrapper.text() ).toContain( '(partnerships-heroes-decline-confirm)' );
		await wrapper.find( '.partnerships-hero__decline-confirm' ).trigger( 'click' );
		await flushPromises();
		expect( heroes.decline ).toHaveBeenCalledWith( ready );
		expect( wrapper.emitted( 'changed' )?.[ 0 ] ).toEqual( [ '(partnerships-heroes-declined)' ] );
	} );
} );

describe( 'HeroView: what the history says', () => {
	const tampered: Nomination = {
		...bob,
		changed: { revid: 7, latest: 9 },
		rejected: [ { title: `${ bob.title }/Endorsements/Carol`, reason: 'tampered' }, { title: `${ bob.title }/x`, reason: 'unknown-page' } ],
	};

	it( 'shows a changed nomination with a link to the difference', () => {
		const changed = mountView( tampered ).find( '.partnerships-hero__changed' );
		expect( changed.text() ).toContain( '(partnerships-heroes-changed)' );
		expect( changed.find( 'a' ).attributes( 'href' ) ).toContain( 'diff=9' );
		expect( mountView( bob ).find( '.partnerships-hero__changed' ).exists() ).toBe( false );
	} );

	it( 'lists tampered pages to those who may celebrate only', () => {
		const list = mountView( tampered, { userName: 'Admin', canCelebrate: true } ).find( '.partnerships-hero__tampered' );
		expect( list.findAll( 'li' ).map( ( li ) => li.text() ) ).toEqual( [ `${ bob.title }/Endorsements/Carol` ] );
		expect( mountView( tampered, { userName: 'Carol', canCelebrate: false } ).find( '.partnerships-hero__tampered' ).exists() ).toBe( false );
	} );
} );
