import {
	CELEBRATION_SCHEMA,
	CITATION_MAX_LENGTH,
	CITATION_MIN_LENGTH,
	DECLINE_SCHEMA,
	ENDORSEMENT_COMMENT_MAX_LENGTH,
	ENDORSEMENT_SCHEMA,
	HERO_CATEGORIES,
	LANGUAGE_PATTERN,
	NOMINATION_SCHEMA,
	NOMINEE_KINDS,
	NOT_BLANK_PATTERN,
	REGIONS,
	TIMESTAMP_PATTERN,
	USERNAME_PATTERN,
	WIKIDATA_ID_PATTERN,
} from '../../shared/schema/constants';

/*
 * The community-heroes pages, one source of truth for each (see ../heroes.ts):
 *
 * - …/Heroes/<id>                       a nomination ("nomination/1")
 * - …/Heroes/<id>/Endorsements/<user>   one endorsement per account ("endorsement/1");
 *   one page each, created with createonly, so that concurrent endorsements never
 *   touch the same page: none is lost, none doubled.
 * - …/Heroes/<id>/Celebration           marks it celebrated ("celebration/1")
 * - …/Heroes/<id>/Decline               the nominee declined ("decline/1")
 *
 * Who wrote an endorsement, a celebration or a decline is not taken from the page's
 * text: readers check the page's last editor against the account named in its title,
 * the rights needed to celebrate, or the nominee (see ../heroes.ts).
 */

const timestamp = {
	type: 'string',
	pattern: TIMESTAMP_PATTERN,
	maxLength: 30,
} as const;

const userName = {
	type: 'string',
	minLength: 1,
	maxLength: 85,
	pattern: USERNAME_PATTERN,
} as const;

/** Record ids of partnerships (…/Records/<id>): no character a title cannot hold. */
const RELATED_ID_PATTERN = '^[^#<>[\\]|{}\\u0000-\\u001f\\u007f\\s](?:[^#<>[\\]|{}\\u0000-\\u001f\\u007f]*[^#<>[\\]|{}\\u0000-\\u001f\\u007f\\s])?$';

export const NOMINATION_JSON_SCHEMA = {
	$schema: 'http://json-schema.org/draft-07/schema#',
	title: 'Community hero nomination',
	description: 'A nomination of a person, a user group or affiliate, or an emerging community.',
	type: 'object',
	properties: {
		schema: {
			type: 'string',
			const: NOMINATION_SCHEMA,
		},
		nominee: {
			description: 'Who is nominated. "user": `user` is required; "group": `name` is required; ' +
				'"community": `language` and `region` are required.',
			type: 'object',
			properties: {
				kind: {
					type: 'string',
					enum: NOMINEE_KINDS,
				},
				user: userName,
				name: {
					description: 'Name of the user group, affiliate or community.',
					type: 'string',
					minLength: 1,
					maxLength: 200,
					pattern: NOT_BLANK_PATTERN,
				},
				wikidata: {
					type: 'string',
					pattern: WIKIDATA_ID_PATTERN,
					maxLength: 20,
				},
				language: {
					type: 'string',
					pattern: LANGUAGE_PATTERN,
					maxLength: 35,
				},
				region: {
					type: 'string',
					enum: REGIONS,
				},
			},
			required: [ 'kind' ],
			additionalProperties: false,
		},
		category: {
			type: 'string',
			enum: HERO_CATEGORIES,
		},
		citation: {
			description: 'Why this nominee; plain text.',
			type: 'string',
			minLength: CITATION_MIN_LENGTH,
			maxLength: CITATION_MAX_LENGTH,
			pattern: NOT_BLANK_PATTERN,
		},
		partnerships: {
			description: 'Ids of related partnership records.',
			type: 'array',
			maxItems: 20,
			items: {
				type: 'string',
				minLength: 1,
				maxLength: 200,
				pattern: RELATED_ID_PATTERN,
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
		languages: {
			description: 'BCP 47 language tags.',
			type: 'array',
			maxItems: 50,
			items: {
				type: 'string',
				pattern: LANGUAGE_PATTERN,
				maxLength: 35,
			},
			default: [],
		},
		nominator: userName,
		created: timestamp,
	},
	required: [ 'schema', 'nominee', 'category', 'citation', 'nominator', 'created' ],
	additionalProperties: false,
} as const;

export const ENDORSEMENT_JSON_SCHEMA = {
	$schema: 'http://json-schema.org/draft-07/schema#',
	title: 'Endorsement of a nomination',
	type: 'object',
	properties: {
		schema: {
			type: 'string',
			const: ENDORSEMENT_SCHEMA,
		},
		comment: {
			type: 'string',
			maxLength: ENDORSEMENT_COMMENT_MAX_LENGTH,
			default: '',
		},
		time: timestamp,
	},
	required: [ 'schema', 'time' ],
	additionalProperties: false,
} as const;

export const CELEBRATION_JSON_SCHEMA = {
	$schema: 'http://json-schema.org/draft-07/schema#',
	title: 'Celebration of a nomination',
	type: 'object',
	properties: {
		schema: {
			type: 'string',
			const: CELEBRATION_SCHEMA,
		},
		time: timestamp,
	},
	required: [ 'schema', 'time' ],
	additionalProperties: false,
} as const;

export const DECLINE_JSON_SCHEMA = {
	$schema: 'http://json-schema.org/draft-07/schema#',
	title: 'A nominee declining a nomination',
	type: 'object',
	properties: {
		schema: {
			type: 'string',
			const: DECLINE_SCHEMA,
		},
		time: timestamp,
	},
	required: [ 'schema', 'time' ],
	additionalProperties: false,
} as const;
