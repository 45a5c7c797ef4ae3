import {
	CATEGORY_PATTERN,
	COUNTRY_PATTERN,
	LOGO_MAX_LENGTH,
	LOGO_PATTERN,
	LANGUAGE_PATTERN,
	NOT_BLANK_PATTERN,
	PARTNERSHIP_SCHEMA,
	PARTNERSHIP_STATUSES,
	PARTNERSHIP_TYPES,
	PRIORITY_AREAS,
	REGIONS,
	STEWARD_ROLES,
	USERNAME_PATTERN,
	WIKIDATA_ID_PATTERN,
} from '../../shared/schema/constants';

/*
 * The partnership record, version "partnership/1": the one source of truth. The
 * TypeScript type is derived from it (see ../partnership.ts), the run-time validator
 * interprets it (see ../validate.ts) and schemas/partnership-1.schema.json is a copy of
 * it written by scripts/write-schema.ts for publication.
 *
 * Properties with a `default` are optional in a stored page and present after
 * normalisation; json-schema-to-ts makes them required in the derived type for that
 * reason. Only keywords that the validator interprets may be used here.
 */

const wikidataId = {
	type: 'string',
	pattern: WIKIDATA_ID_PATTERN,
	maxLength: 20,
} as const;

const label = {
	type: 'string',
	minLength: 1,
	maxLength: 200,
	pattern: NOT_BLANK_PATTERN,
} as const;

const text500 = {
	type: 'string',
	minLength: 1,
	maxLength: 500,
	pattern: NOT_BLANK_PATTERN,
} as const;

const longText = {
	type: 'string',
	maxLength: 5000,
	default: '',
} as const;

const date = {
	type: 'string',
	format: 'date',
} as const;

const count = {
	type: 'number',
	minimum: 0,
} as const;

export const PARTNERSHIP_JSON_SCHEMA = {
	$schema: 'http://json-schema.org/draft-07/schema#',
	title: 'Partnership',
	description: 'A partnership of the Wikimedia movement with an organisation, stored as a JSON page on a wiki.',
	type: 'object',
	properties: {
		schema: {
			description: 'Kind and major version of the record.',
			const: PARTNERSHIP_SCHEMA,
		},
		name: {
			description: 'Name of the partnership.',
			...label,
		},
		partners: {
			description: 'Partner organisations.',
			type: 'array',
			minItems: 1,
			maxItems: 50,
			items: {
				type: 'object',
				properties: {
					label,
					wikidata: wikidataId,
				},
				required: [ 'label' ],
				additionalProperties: false,
			},
		},
		type: {
			description: 'Kind of partnership.',
			type: 'string',
			enum: PARTNERSHIP_TYPES,
		},
		themes: {
			description: 'Thematic areas, as free tags.',
			type: 'array',
			maxItems: 30,
			items: {
				type: 'string',
				minLength: 1,
				maxLength: 100,
				pattern: NOT_BLANK_PATTERN,
			},
			default: [],
		},
		stewards: {
			description: 'Movement organisations looking after the partnership, and their role.',
			type: 'array',
			maxItems: 50,
			items: {
				type: 'object',
				properties: {
					organisation: label,
					wikidata: wikidataId,
					role: {
						type: 'string',
						enum: STEWARD_ROLES,
					},
				},
				required: [ 'organisation', 'role' ],
				additionalProperties: false,
			},
			default: [],
		},
		regions: {
			description: 'UN M49 region codes.',
			type: 'array',
			maxItems: REGIONS.length,
			items: {
				type: 'string',
				enum: REGIONS,
			},
			default: [],
		},
		countries: {
			description: 'ISO 3166-1 alpha-2 country codes.',
			type: 'array',
			maxItems: 250,
			items: {
				type: 'string',
				pattern: COUNTRY_PATTERN,
			},
			default: [],
		},
		languages: {
			description: 'BCP 47 language tags of the content and people involved.',
			type: 'array',
			maxItems: 300,
			items: {
				type: 'string',
				pattern: LANGUAGE_PATTERN,
				maxLength: 35,
			},
			default: [],
		},
		priorities: {
			description: 'Priority areas and knowledge gaps the partnership works on.',
			type: 'array',
			maxItems: PRIORITY_AREAS.length,
			items: {
				type: 'string',
				enum: PRIORITY_AREAS,
			},
			default: [],
		},
		status: {
			description: 'Where the partnership stands.',
			type: 'string',
			enum: PARTNERSHIP_STATUSES,
		},
		start: {
			description: 'Start date, YYYY-MM-DD.',
			...date,
		},
		end: {
			description: 'End date, YYYY-MM-DD, not before the start date.',
			...date,
		},
		values: {
			description: 'Shared values and principles agreed by the partners.',
			type: 'array',
			maxItems: 50,
			items: text500,
			default: [],
		},
		obligations: {
			description: 'What each party agreed to do, and in which role.',
			type: 'array',
			maxItems: 50,
			items: {
				type: 'object',
				properties: {
					party: label,
					role: {
						type: 'string',
						maxLength: 200,
						default: '',
					},
					obligations: {
						type: 'array',
						maxItems: 50,
						items: text500,
						default: [],
					},
				},
				required: [ 'party' ],
				additionalProperties: false,
			},
			default: [],
		},
		goals: {
			description: 'Measurable goals and how far they were reached.',
			type: 'array',
			maxItems: 50,
			items: {
				type: 'object',
				properties: {
					description: text500,
					target: count,
					achieved: count,
					unit: {
						type: 'string',
						maxLength: 50,
					},
				},
				required: [ 'description' ],
				additionalProperties: false,
			},
			default: [],
		},
		donation: {
			description: 'Content donated to Wikimedia Commons.',
			type: 'object',
			properties: {
				categories: {
					description: 'Commons category names, without the "Category:" prefix.',
					type: 'array',
					maxItems: 100,
					items: {
						type: 'string',
						minLength: 1,
						maxLength: 255,
						pattern: CATEGORY_PATTERN,
					},
					default: [],
				},
				licence: {
					type: 'string',
					maxLength: 100,
				},
				logo: {
					description: 'The donor institution\'s logo: a Commons file name without the "File:" prefix, e.g. "Rijksmuseum logo.svg".',
					type: 'string',
					minLength: 5,
					maxLength: LOGO_MAX_LENGTH,
					pattern: LOGO_PATTERN,
				},
				files: {
					type: 'integer',
					minimum: 0,
				},
			},
			additionalProperties: false,
		},
		lessons: {
			description: 'Lessons learned, for people starting a similar partnership.',
			type: 'object',
			properties: {
				worked: longText,
				didNotWork: longText,
				advice: longText,
			},
			additionalProperties: false,
			default: { worked: '', didNotWork: '', advice: '' },
		},
		documentation: {
			description: 'Links to reports, agreements and project pages.',
			type: 'array',
			maxItems: 100,
			items: {
				type: 'object',
				properties: {
					label,
					url: {
						type: 'string',
						maxLength: 2000,
						format: 'http-url',
					},
				},
				required: [ 'label', 'url' ],
				additionalProperties: false,
			},
			default: [],
		},
		contacts: {
			description: 'Wiki user names of contact people (user names only: no e-mail addresses or other private data).',
			type: 'array',
			maxItems: 50,
			items: {
				type: 'string',
				minLength: 1,
				maxLength: 85,
				pattern: USERNAME_PATTERN,
			},
			default: [],
		},
		summary: {
			description: 'Summaries keyed by BCP 47 language tag.',
			type: 'object',
			propertyNames: {
				pattern: LANGUAGE_PATTERN,
				maxLength: 35,
			},
			additionalProperties: {
				type: 'string',
				minLength: 1,
				maxLength: 2000,
				pattern: NOT_BLANK_PATTERN,
			},
			default: {},
		},
	},
	required: [ 'schema', 'name', 'partners', 'type', 'status' ],
	additionalProperties: false,
} as const;

/**
 * The pre-release draft of the record, read so that early pages keep working; see
 * MIGRATIONS in ../partnership.ts.
 */
export const PARTNERSHIP_V0_JSON_SCHEMA = {
	type: 'object',
	properties: {
		schema: { const: 'partnership/0' },
		title: label,
		partner: label,
		kind: {
			type: 'string',
			enum: PARTNERSHIP_TYPES,
		},
		state: {
			type: 'string',
			enum: PARTNERSHIP_STATUSES,
		},
		description: {
			type: 'string',
			maxLength: 2000,
		},
	},
	required: [ 'schema', 'title', 'partner', 'kind', 'state' ],
	additionalProperties: false,
} as const;

/**
 * The text of schemas/partnership-1.schema.json, the published copy of the schema.
 *
 * @return Tab-indented JSON with a final newline
 */
export function partnershipSchemaFileText(): string {
	return JSON.stringify( PARTNERSHIP_JSON_SCHEMA, null, '\t' ) + '\n';
}
