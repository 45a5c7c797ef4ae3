// Demo data: a handful of realistic partnership records, written through the Action API
// as an ordinary logged-in editor would.
import { readFileSync } from 'node:fs';
import { ActionApi, ApiError } from '../../src/shared/api/ActionApi';
import { RECORDS_FOLDER } from '../../src/knowledge/data/partnershipRepository';
import { HEROES_FOLDER } from '../../src/heroes/domain/heroes';

export interface DemoRecord {
	id: string;
	record: object;
}

/**
 * @return The demo records shipped in demo/partnerships.json
 */
export function demoRecords(): DemoRecord[] {
	return JSON.parse( readFileSync( new URL( '../../demo/partnerships.json', import.meta.url ), 'utf8' ) );
}

/**
 * Write the records root page, the hall of heroes' page (where the page-view loader opens
 * it: without it, the hall would show under "There is currently no text in this page" with
 * a 404 status) and the demo records; pages that exist are left alone.
 *
 * @param api A logged-in API
 * @param root Records root title, e.g. "Project:Partnerships"
 * @param records Records to write
 * @return How many pages were created
 */
export async function seedDemo( api: ActionApi, root: string, records = demoRecords() ): Promise<number> {
	let created = 0;
	const pages = [
		{
			title: root,
			text: 'This page lists the partnerships of the Wikimedia movement. Records are kept as JSON pages under [[Special:PrefixIndex/' + root + '/' + RECORDS_FOLDER + '/]].',
			contentmodel: 'wikitext',
		},
		{
			title: `${ root }/${ HEROES_FOLDER }`,
			text: 'Community heroes of the Wikimedia partnerships: people, user groups and emerging communities, nominated, endorsed and celebrated by their peers. Nominations are kept as JSON pages under [[Special:PrefixIndex/' + root + '/' + HEROES_FOLDER + '/]].',
			contentmodel: 'wikitext',
		},
		...records.map( ( r ) => ( {
			title: `${ root }/${ RECORDS_FOLDER }/${ r.id }`,
			text: JSON.stringify( r.record, null, '\t' ),
			contentmodel: 'json',
		} ) ),
	];
	for ( const page of pages ) {
		try {
			await api.postWithEditToken( {
				action: 'edit',
				title: page.title,
				text: page.text,
				contentmodel: page.contentmodel,
				summary: 'Partnerships demo data',
				createonly: true,
				assert: 'user',
			} );
			created++;
		} catch ( e ) {
			if ( !( e instanceof ApiError && e.code === 'articleexists' ) ) {
				throw e;
			}
		}
	}
	return created;
}
