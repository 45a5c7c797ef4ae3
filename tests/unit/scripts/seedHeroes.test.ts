// @vitest-environment node
// The demo nominations that `npm start` and the browser tests seed: each page is valid, and
// put together as readers do they give what the demo is meant to show (two celebrated
// heroes, one open nomination).
import { describe, expect, it } from 'vitest';
import { demoHeroes } from '../../../scripts/lib/seedHeroes';
import { demoRecords } from '../../../scripts/lib/seed';
import {
	DEFAULT_CELEBRATE_POLICY,
	DEFAULT_THRESHOLD,
	HeroPage,
	assembleNominations,
	parseNomination,
} from '../../../src/heroes/domain/heroes';

const FOLDER = 'Project:Partnerships/Heroes';

function pages(): HeroPage[] {
	const out: HeroPage[] = [];
	let revid = 1;
	for ( const hero of demoHeroes() ) {
		const title = `${ FOLDER }/${ hero.id }`;
		out.push( { title, content: JSON.stringify( hero.nomination ), user: hero.nominator, revid: revid++, timestamp: '2026-01-01T00:00:00Z' } );
		for ( const e of hero.endorsements ) {
			out.push( {
				title: `${ title }/Endorsements/${ e.user }`,
				content: JSON.stringify( { schema: 'endorsement/1', comment: e.comment, time: e.time } ),
				user: e.user,
				revid: revid++,
				timestamp: e.time,
			} );
		}
		if ( hero.celebration ) {
			out.push( {
				title: `${ title }/Celebration`,
				content: JSON.stringify( { schema: 'celebration/1', time: hero.celebration.time } ),
				user: hero.celebration.user,
				revid: revid++,
				timestamp: hero.celebration.time,
			} );
		}
	}
	return out;
}

describe( 'demo heroes', () => {
	it( 'are valid nominations naming demo partnerships and their nominators', () => {
		const ids = new Set( demoRecords().map( ( r ) => r.id ) );
		for ( const hero of demoHeroes() ) {
			const parsed = parseNomination( JSON.stringify( hero.nomination ) );
			expect( parsed.ok, hero.id + ( parsed.ok ? '' : `: ${ parsed.detail }` ) ).toBe( true );
			if ( parsed.ok ) {
				expect( parsed.record.nominator ).toBe( hero.nominator );
				for ( const id of parsed.record.partnerships ) {
					expect( ids.has( id ), id ).toBe( true );
				}
			}
		}
	} );

	it( 'put together give two celebrated heroes and one open nomination', () => {
		const accounts = new Map( [ [ 'Admin', { groups: [ 'sysop', 'user' ], rights: [] } ] ] );
		const result = assembleNominations( FOLDER, pages(), accounts, DEFAULT_CELEBRATE_POLICY, DEFAULT_THRESHOLD );
		expect( result.invalid ).toEqual( [] );
		expect( result.nominations.map( ( n ) => [ n.id, n.status, n.endorsements.length, n.rejected.length ] ) ).toEqual( [
			[ 'bob-2026', 'open', 1, 0 ],
			[ 'dagbani-wikimedians-user-group-2026', 'celebrated', 2, 0 ],
			[ 'carol-2026', 'celebrated', 2, 0 ],
		] );
	} );
} );
