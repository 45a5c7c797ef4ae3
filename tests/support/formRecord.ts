// A record for the partnership form's tests: every field, and two rows in most lists
// (the form's row mapping needs more than one).
import { Partnership, normalisePartnership } from '../../src/knowledge/domain/partnership';

export const FORM_RECORD: Partnership = normalisePartnership( {
	schema: 'partnership/1',
	name: 'Health articles in Swahili',
	partners: [ { label: 'Ministry of Health', wikidata: 'Q1' }, { label: 'A clinic' } ],
	type: 'health',
	themes: [ 'medicine', 'translation' ],
	stewards: [ { organisation: 'Wikimedia Community User Group Kenya', wikidata: 'Q2', role: 'lead' }, { organisation: 'WMF', role: 'funder' } ],
	regions: [ '002' ],
	countries: [ 'KE', 'TZ' ],
	languages: [ 'sw', 'en' ],
	priorities: [ 'language-gap', 'health-information' ],
	status: 'active',
	start: '2025-01-01',
	end: '2026-12-31',
	values: [ 'Open knowledge', 'Accuracy' ],
	obligations: [ { party: 'Ministry', role: 'Reviewer', obligations: [ 'Review articles', 'Share images' ] } ],
	goals: [ { description: 'Articles', target: 200, achieved: 150.5, unit: 'articles' }, { description: 'Events' } ],
	donation: { categories: [ 'Health in Kenya' ], licence: 'CC BY-SA 4.0', logo: 'Ministry of Health logo.png', files: 30 },
	lessons: { worked: 'Edit-a-thons', didNotWork: 'Online only', advice: 'Meet in person' },
	documentation: [ { label: 'Report', url: 'https://meta.wikimedia.org/wiki/Report' } ],
	contacts: [ 'Alice', 'Bob' ],
	summary: { en: 'Summary', sw: 'Muhtasari' },
} );
