/**
 * Value lists of the partnership record. The schema's `enum`s are made from these, and
 * the TypeScript unions are derived from them, so a new value is added in one place.
 */

/** The `schema` value of the current major version of a partnership record. */
export const PARTNERSHIP_SCHEMA = 'partnership/1';

export const PARTNERSHIP_TYPES = [
	'glam',
	'education',
	'science',
	'health',
	'government',
	'library-data',
	'campaign',
	'open-technology',
	'media',
	'other',
] as const;

export const PARTNERSHIP_STATUSES = [
	'proposed',
	'discussion',
	'active',
	'paused',
	'concluded',
] as const;

export const STEWARD_ROLES = [
	'lead',
	'co-lead',
	'advisor',
	'funder',
	'fiscal-sponsor',
	'contact-point',
	'other',
] as const;

/**
 * UN M49 region codes. Deliberately a short list: the regions people route partnerships
 * by, not the whole M49 tree (countries are recorded separately, by ISO code).
 */
export const REGIONS = [
	// World
	'001',
	// Africa
	'002',
	// Americas
	'019',
	// Asia
	'142',
	// Europe
	'150',
	// Oceania
	'009',
	// Latin America and the Caribbean
	'419',
	// Western Asia (Middle East)
	'145',
] as const;

/** Priority areas and knowledge gaps. */
export const PRIORITY_AREAS = [
	'gender-gap',
	'geographic-gap',
	'language-gap',
	'underrepresented-communities',
	'indigenous-knowledge',
	'climate-and-environment',
	'health-information',
	'open-access',
	'accessibility',
	'content-quality',
	'capacity-building',
	'technology',
] as const;

/** Wikidata item id. */
export const WIKIDATA_ID_PATTERN = '^Q[1-9][0-9]*$';

/** ISO 3166-1 alpha-2 country code. */
export const COUNTRY_PATTERN = '^[A-Z]{2}$';

/** A BCP 47 language tag, loosely: a primary language subtag and optional subtags. */
export const LANGUAGE_PATTERN = '^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$';

/** Calendar date as written in records. */
export const DATE_PATTERN = '^[0-9]{4}-[0-9]{2}-[0-9]{2}$';

/** At least one character that is not white space. */
export const NOT_BLANK_PATTERN = '\\S';

/**
 * A wiki user name: no characters MediaWiki forbids in titles, no "/" (subpages), "@"
 * (so no e-mail address fits) or ":" (interwiki and namespace prefixes), no control
 * characters, no white space at either end. Written so that matching takes linear time
 * whatever the input.
 */
export const USERNAME_PATTERN = '^[^#<>[\\]|{}/@:\\u0000-\\u001f\\u007f\\s](?:[^#<>[\\]|{}/@:\\u0000-\\u001f\\u007f]*[^#<>[\\]|{}/@:\\u0000-\\u001f\\u007f\\s])?$';

/**
 * Characters no title may have: those outside MediaWiki's $wgLegalTitleChars (# < > [ ]
 * | { } and ASCII controls), the direction marks and embeddings MediaWiki strips from
 * titles, the line and paragraph separators, U+FFFD and lone surrogates (not UTF-8). For a character class, in patterns
 * matched with the "u" flag (as JSON Schema's are).
 */
const TITLE_ILLEGAL = '#<>[\\]|{}\\u0000-\\u001f\\u007f\\u200e\\u200f\\u2028\\u2029\\u202a-\\u202e\\ufffd\\ud800-\\udfff';

/**
 * Lookaheads refusing, anywhere in a title, what MediaWiki refuses (percent-encodings,
 * character references, three tildes) and relative segments ("." or ".." between
 * slashes or at either end). See ./titles.ts, which says the same in code.
 */
const TITLE_REFUSED = '(?![\\s\\S]*(?:%[0-9A-Fa-f]{2}|&[A-Za-z0-9\\u0080-\\uffff]+;|&#[0-9]+;|&#x[0-9A-Fa-f]+;|~{3}))' +
	'(?!(?:[\\s\\S]*/)?\\.\\.?(?:/|$))(?!:)';

/**
 * A Commons category name, without the "Category:" prefix: a title MediaWiki accepts as
 * it is (no white space or underscore at either end), no relative segment. Linear-time.
 */
export const CATEGORY_PATTERN = `^(?![Cc][Aa][Tt][Ee][Gg][Oo][Rr][Yy]:)${ TITLE_REFUSED }` +
	`[^${ TITLE_ILLEGAL }\\s_](?:[^${ TITLE_ILLEGAL }]*[^${ TITLE_ILLEGAL }\\s_])?$`;

/**
 * A page name in a folder, e.g. the id of a related partnership record (…/Records/<id>):
 * a title MediaWiki accepts as it is, with no "/" (it cannot leave its folder).
 * Linear-time.
 */
export const TITLE_SEGMENT_PATTERN = `^${ TITLE_REFUSED }` +
	`[^${ TITLE_ILLEGAL }/\\s_](?:[^${ TITLE_ILLEGAL }/]*[^${ TITLE_ILLEGAL }/\\s_])?$`;

/**
 * A logo: a Commons file name without the "File:" prefix (so no ":" at all), with the
 * characters MediaWiki allows in file names (none of #<>[]|{}, no "/" or backslash, no control
 * characters, no white space at either end) and an extension browsers show as an image.
 * Linear-time like the others.
 */
export const LOGO_PATTERN = '^[^#<>[\\]|{}/:\\\\\\u0000-\\u001f\\u007f\\s][^#<>[\\]|{}/:\\\\\\u0000-\\u001f\\u007f]*\\.(?:[Pp][Nn][Gg]|[Jj][Pp][Ee]?[Gg]|[Ss][Vv][Gg]|[Gg][Ii][Ff]|[Ww][Ee][Bb][Pp])$';

/** The longest logo file name: MediaWiki's limit for file names is 240 bytes. */
export const LOGO_MAX_LENGTH = 240;

/** The `schema` values of the community-heroes pages (…/Heroes/<id> and its subpages). */
export const NOMINATION_SCHEMA = 'nomination/1';
export const ENDORSEMENT_SCHEMA = 'endorsement/1';
export const CELEBRATION_SCHEMA = 'celebration/1';
export const DECLINE_SCHEMA = 'decline/1';

/** Who can be nominated: a user account, a user group or affiliate, an emerging community. */
export const NOMINEE_KINDS = [ 'user', 'group', 'community' ] as const;

/** What a hero is recognised as. */
export const HERO_CATEGORIES = [
	'volunteer',
	'organiser',
	'mentor',
	'technical',
	'partnership-builder',
	'emerging-community',
] as const;

/** Bounds of a nomination's citation, in characters (code points). */
export const CITATION_MIN_LENGTH = 30;
export const CITATION_MAX_LENGTH = 2000;

/** Bound of an endorsement's optional comment, in characters. */
export const ENDORSEMENT_COMMENT_MAX_LENGTH = 500;

/** A record id (the last part of a page title), as made by recordId(). */
export const RECORD_ID_PATTERN = '^[a-z0-9]+(-[a-z0-9]+)*$';

/** A timestamp as the API gives them: YYYY-MM-DDThh:mm:ssZ. */
export const TIMESTAMP_PATTERN = '^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(\\.[0-9]{1,3})?Z$';
