// Record builders shared by the domain tests.
import { Partnership, normalisePartnership } from '../../src/knowledge/domain/partnership';

/** A complete, valid record using every field. */
export const FULL_RECORD: Partnership = normalisePartnership( {
	schema: 'partnership/1',
	name: 'Rijksmuseum open collection',
	partners: [ { label: 'Rijksmuseum', wikidata: 'Q190804' } ],
	type: 'glam',
	themes: [ 'art', 'open data' ],
	stewards: [ { organisation: 'Wikimedia Nederland', role: 'lead' } ],
	regions: [ '150' ],
	countries: [ 'NL' ],
	languages: [ 'nl', 'en' ],
	priorities: [ 'open-access' ],
	status: 'active',
	start: '2013-01-15',
	end: '2020-12-31',
	values: [ 'Public domain stays public domain' ],
	obligations: [ { party: 'Rijksmuseum', role: 'content partner', obligations: [ 'Publish images' ] } ],
	goals: [ { description: 'Images on Commons', target: 1000, achieved: 250, unit: 'files' } ],
	donation: { categories: [ 'Images from the Rijksmuseum' ], licence: 'CC0', logo: 'Logo Rijksmuseum.svg', files: 250 },
	lessons: { worked: 'Open licence', didNotWork: 'Metadata', advice: 'Map metadata first' },
	documentation: [ { label: 'Report', url: 'https://example.org/report' } ],
	contacts: [ 'Example user' ],
	summary: { en: 'Images', nl: 'Afbeeldingen' },
} );

/**
 * @param overrides Fields to set
 * @return A normalised record: a minimal valid one with the overrides
 */
export function makeRecord( overrides: Partial<Partnership> = {} ): Partnership {
	return normalisePartnership( {
		schema: 'partnership/1',
		name: 'Test partnership',
		partners: [ { label: 'Test partner' } ],
		type: 'other',
		status: 'active',
		...overrides,
	} );
}
