// Demo community heroes: nominations, endorsements and celebrations, each page written by
// the account it belongs to (readers count an endorsement or a celebration only when its
// page's last editor is that account), as those people would through the Action API.
import { readFileSync } from 'node:fs';
import { ActionApi, ApiError } from '../../src/shared/api/ActionApi';
import { CELEBRATION_PAGE, ENDORSEMENTS_FOLDER, HEROES_FOLDER } from '../../src/heroes/domain/heroes';

export interface DemoHero {
	id: string;
	nominator: string;
	nomination: object;
	endorsements: { user: string; comment: string; time: string }[];
	celebration?: { user: string; time: string };
}

/**
 * @return The demo nominations shipped in demo/heroes.json
 */
export function demoHeroes(): DemoHero[] {
	return JSON.parse( readFileSync( new URL( '../../demo/heroes.json', import.meta.url ), 'utf8' ) );
}

/**
 * @param api A logged-in API
 * @param title Page title
 * @param text Page text
 * @param contentmodel Content model
 * @return Whether the page was created (false: it existed)
 */
async function create( api: ActionApi, title: string, text: string, contentmodel: string ): Promise<boolean> {
	try {
		await api.postWithEditToken( {
			action: 'edit',
			title,
			text,
			contentmodel,
			summary: 'Partnerships demo data',
			createonly: true,
			assert: 'user',
		} );
		return true;
	} catch ( e ) {
		if ( e instanceof ApiError && e.code === 'articleexists' ) {
			return false;
		}
		throw e;
	}
}

/**
 * Write the heroes page and the demo nominations; pages that exist are left alone.
 *
 * @param as An API logged in as the named account
 * @param root Records root title, e.g. "Project:Partnerships"
 * @param heroes Nominations to write
 * @return How many pages were created
 */
export async function seedHeroes(
	as: ( user: string ) => Promise<ActionApi>,
	root: string,
	heroes = demoHeroes(),
): Promise<number> {
	const folder = `${ root }/${ HEROES_FOLDER }`;
	let created = 0;
	const intro = 'The hall of heroes and the open nominations of the Wikimedia community. ' +
		'Nominations are kept as JSON pages under [[Special:PrefixIndex/' + folder + '/]].';
	created += Number( await create( await as( 'Admin' ), folder, intro, 'wikitext' ) );
	const json = ( value: object ): string => JSON.stringify( value, null, '\t' );
	for ( const hero of heroes ) {
		const title = `${ folder }/${ hero.id }`;
		created += Number( await create( await as( hero.nominator ), title, json( hero.nomination ), 'json' ) );
		for ( const e of hero.endorsements ) {
			const page = `${ title }/${ ENDORSEMENTS_FOLDER }/${ e.user }`;
			const body = { schema: 'endorsement/1', comment: e.comment, time: e.time };
			created += Number( await create( await as( e.user ), page, json( body ), 'json' ) );
		}
		if ( hero.celebration ) {
			const page = `${ title }/${ CELEBRATION_PAGE }`;
			const body = { schema: 'celebration/1', time: hero.celebration.time };
			created += Number( await create( await as( hero.celebration.user ), page, json( body ), 'json' ) );
		}
	}
	return created;
}
