// Nominations and a fake heroes repository for unit and component tests.
import { vi } from 'vitest';
import { Nomination, NominationRecord, NominationStatus, normaliseNomination } from '../../src/heroes/domain/heroes';
import { HeroesRepository } from '../../src/heroes/data/heroesRepository';
import { HeroesServices, HeroesServicesKey } from '../../src/heroes/services';
import { HeroesStore, HeroesStoreKey, createHeroesStore } from '../../src/heroes/composables/useHeroesStore';
import { qqx } from './setup';
import { returnToQuery } from '../../src/heroes/domain/heroesView';
import { MemoryDraftStore } from '../../src/shared/wiki/drafts';

/**
 * @param id Nomination id
 * @param fields Record fields to change
 * @param extra Nomination fields to change (status, celebration, endorsements…)
 * @return A nomination as the repository assembles it
 */
export function nomination( id: string, fields: Partial<NominationRecord> = {}, extra: Partial<Nomination> = {} ): Nomination {
	const record = normaliseNomination( {
		schema: 'nomination/1',
		nominee: { kind: 'user', user: 'Bob' },
		category: 'mentor',
		citation: 'Bob has mentored dozens of new editors over the years.',
		nominator: 'Alice',
		created: '2026-03-01T10:00:00Z',
		...fields,
	} );
	const status: NominationStatus = extra.status ?? 'open';
	return {
		id,
		title: `Project:Partnerships/Heroes/${ id }`,
		record,
		revid: 10,
		endorsements: [],
		status,
		self: false,
		rejected: [],
		...extra,
	};
}

/**
 * @param id Nomination id
 * @param time Celebration time
 * @param fields Record fields
 * @return A celebrated nomination
 */
export function hero( id: string, time: string, fields: Partial<NominationRecord> = {} ): Nomination {
	return nomination( id, fields, {
		status: 'celebrated',
		celebration: { by: 'Admin', time },
		endorsements: [
			{ user: 'Carol', comment: 'Yes!', time: '2026-03-02T00:00:00Z', title: `Project:Partnerships/Heroes/${ id }/Endorsements/Carol` },
			{ user: 'Dave', comment: '', time: '2026-03-03T00:00:00Z', title: `Project:Partnerships/Heroes/${ id }/Endorsements/Dave` },
		],
	} );
}

export type FakeRepository = {
	[ K in 'load' | 'checkUser' | 'nominate' | 'endorse' | 'celebrate' | 'postTalk' | 'decline' | 'creatorOf' | 'folderTitle' ]: ReturnType<typeof vi.fn>;
};

/**
 * A repository whose every method rejects unless a test says otherwise.
 *
 * @param nominations What load() gives
 * @return The fake
 */
export function fakeRepository( nominations: Nomination[] = [] ): FakeRepository {
	const reject = ( name: string ): ReturnType<typeof vi.fn> => vi.fn( () => Promise.reject( new Error( `Unexpected ${ name }` ) ) );
	return {
		load: vi.fn( () => Promise.resolve( { nominations, invalid: [] } ) ),
		checkUser: reject( 'checkUser' ),
		nominate: reject( 'nominate' ),
		endorse: reject( 'endorse' ),
		celebrate: reject( 'celebrate' ),
		postTalk: reject( 'postTalk' ),
		decline: reject( 'decline' ),
		creatorOf: reject( 'creatorOf' ),
		folderTitle: vi.fn( () => Promise.resolve( 'Project:Partnerships/Heroes' ) ),
	};
}

/** Services a test replaces, the repository by a fake */
export type ServiceOverrides = Partial<Omit<HeroesServices, 'heroes'>> & { heroes?: FakeRepository };

/**
 * @param overrides Services to replace
 * @return Services for a component test (Alice, an ordinary user, by default)
 */
export function fakeHeroesServices( overrides: ServiceOverrides = {} ): HeroesServices {
	const { heroes, ...rest } = overrides;
	return {
		heroes: ( heroes ?? fakeRepository() ) as unknown as HeroesRepository,
		drafts: new MemoryDraftStore(),
		partnerships: () => Promise.resolve( [ { id: 'rijksmuseum', name: 'Rijksmuseum open collection' }, { id: 'who', name: 'WHO infographics' } ] ),
		userName: 'Alice',
		canCelebrate: false,
		threshold: 2,
		languages: [ 'en' ],
		pageUrl: ( title, query ) => `/wiki/${ encodeURIComponent( title ) }${ query ? '?' + new URLSearchParams( query ) : '' }`,
		loginUrl: ( view ) => `/wiki/Special:UserLogin?returnto=Heroes&returntoquery=${ encodeURIComponent( returnToQuery( view ) ) }`,
		recordUrl: ( id ) => `/wiki/Project:Partnerships/Records/${ id }`,
		message: qqx,
		plainMessage: qqx,
		talkMessage: async ( n ) => n.record.nominee.kind === 'user' ?
			{ title: `User talk:${ n.record.nominee.user }`, sectionTitle: 'Hero', text: `Celebrated: ${ n.id }` } :
			null,
		...rest,
	};
}

/**
 * What the heroes page provides to the components under it: the services and a store
 * over them, for mounting a component without HeroesApp.
 *
 * @param overrides Services to replace
 * @return The provide option of a mount, and the store in it
 */
export function provideHeroes( overrides: ServiceOverrides = {} ): { provide: Record<symbol, unknown>; store: HeroesStore } {
	const services = fakeHeroesServices( overrides );
	const store = createHeroesStore( services );
	return { provide: { [ HeroesServicesKey as symbol ]: services, [ HeroesStoreKey as symbol ]: store }, store };
}
