// Fast seeding for benchmarks and scale tests: many partnership records written as a
// MediaWiki XML export and loaded with MediaWiki's own importDump.php (minutes of
// API edits become seconds), then recent changes and site statistics rebuilt so that
// the wiki looks as if the pages had been saved one by one.
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Wiki } from '../wiki/harness';
import {
	PARTNERSHIP_SCHEMA,
	PARTNERSHIP_STATUSES,
	PARTNERSHIP_TYPES,
	PRIORITY_AREAS,
	PartnershipStatus,
	PartnershipType,
	PriorityArea,
	Region,
} from '../../src/knowledge/domain/partnership';

export interface RecordPage {
	/** Page name under <root>/Records/ */
	id: string;
	/** Page text (JSON) */
	text: string;
}

export interface ImportOptions {
	/** Author of the imported revisions; must be an account of the wiki. Default 'Admin'. */
	user?: string;
	/** Also import the root page itself (a short wikitext page). Default true. */
	withRootPage?: boolean;
	/** Progress lines */
	log?: ( line: string ) => void;
}

export interface ImportTimings {
	/** Whole import, milliseconds */
	ms: number;
	/** Writing the XML */
	xmlMs: number;
	/** importDump.php */
	importMs: number;
	/** rebuildrecentchanges.php and initSiteStats.php */
	rebuildMs: number;
}

/** The content of each page's main slot: MediaWiki's own JSON content model. */
const JSON_MODEL = { model: 'json', format: 'application/json' };
const WIKITEXT_MODEL = { model: 'wikitext', format: 'text/x-wiki' };

function escapeXml( text: string ): string {
	return text.replace( /&/g, '&amp;' ).replace( /</g, '&lt;' ).replace( />/g, '&gt;' ).replace( /"/g, '&quot;' );
}

/**
 * @param text Revision text
 * @return SHA-1 in base 36, 31 digits: MediaWiki's rev_sha1 (SlotRecord::base36Sha1)
 */
export function base36Sha1( text: string ): string {
	const hex = createHash( 'sha1' ).update( text, 'utf8' ).digest( 'hex' );
	return BigInt( `0x${ hex }` ).toString( 36 ).padStart( 31, '0' );
}

/**
 * @param date A date
 * @return MediaWiki's XML timestamp form, 2024-05-01T12:00:00Z
 */
function xmlTimestamp( date: Date ): string {
	return date.toISOString().replace( /\.\d{3}Z$/, 'Z' );
}

export interface DumpPage {
	title: string;
	text: string;
	model: { model: string; format: string };
	timestamp: string;
	/** Author of this revision, if not the export's */
	user?: string;
}

/**
 * A MediaWiki XML export (schema 0.11) of the given pages, one revision each.
 *
 * @param pages The pages
 * @param user Author of every revision (unless the page names its own)
 * @param comment Edit summary of every revision
 * @return The XML
 */
export function exportXml( pages: DumpPage[], user: string, comment: string ): string {
	const out = [
		'<mediawiki xmlns="http://www.mediawiki.org/xml/export-0.11/" ' +
			'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" ' +
			'xsi:schemaLocation="http://www.mediawiki.org/xml/export-0.11/ http://www.mediawiki.org/xml/export-0.11.xsd" ' +
			'version="0.11" xml:lang="en">',
	];
	for ( const page of pages ) {
		out.push(
			'  <page>',
			`    <title>${ escapeXml( page.title ) }</title>`,
			'    <revision>',
			`      <timestamp>${ page.timestamp }</timestamp>`,
			`      <contributor><username>${ escapeXml( page.user ?? user ) }</username></contributor>`,
			`      <comment>${ escapeXml( comment ) }</comment>`,
			`      <model>${ page.model.model }</model>`,
			`      <format>${ page.model.format }</format>`,
			`      <text bytes="${ Buffer.byteLength( page.text, 'utf8' ) }" xml:space="preserve">${ escapeXml( page.text ) }</text>`,
			`      <sha1>${ base36Sha1( page.text ) }</sha1>`,
			'    </revision>',
			'  </page>',
		);
	}
	out.push( '</mediawiki>', '' );
	return out.join( '\n' );
}

/**
 * Import records into a wiki with importDump.php, then rebuild recent changes and site
 * statistics, so that the API lists them (list=allpages, list=recentchanges) as if they
 * had been saved through it. Pages that exist get one more revision.
 *
 * The revisions are dated a second apart, ending now: recent changes only keep what is
 * younger than $wgRCMaxAge.
 *
 * @param wiki A wiki of the harness
 * @param records The records
 * @param root Records root, e.g. "Project:Partnerships"
 * @param options
 * @return How long it took
 */
export async function importRecords(
	wiki: Pick<Wiki, 'runMaintenance'>,
	records: RecordPage[],
	root = 'Project:Partnerships',
	options: ImportOptions = {},
): Promise<ImportTimings> {
	const log = options.log ?? ( () => undefined );
	const t0 = Date.now();
	const now = Date.now();
	const pages: DumpPage[] = records.map( ( r, i ) => ( {
		title: `${ root }/Records/${ r.id }`,
		text: r.text,
		model: JSON_MODEL,
		timestamp: xmlTimestamp( new Date( now - ( records.length - i ) * 1000 ) ),
	} ) );
	if ( options.withRootPage ?? true ) {
		pages.unshift( {
			title: root,
			text: `Partnership records, kept as JSON pages under [[Special:PrefixIndex/${ root }/Records/]].`,
			model: WIKITEXT_MODEL,
			timestamp: xmlTimestamp( new Date( now - ( records.length + 1 ) * 1000 ) ),
		} );
	}
	const dir = mkdtempSync( join( tmpdir(), 'partnerships-import-' ) );
	try {
		const file = join( dir, 'records.xml' );
		writeFileSync( file, exportXml( pages, options.user ?? 'Admin', 'Partnerships: imported records' ) );
		const t1 = Date.now();
		log( `importDump.php: ${ pages.length } pages` );
		// --no-updates skips link tables, which JSON pages do not have.
		const result = await wiki.runMaintenance( 'importDump', [ '--no-updates', `--report=${ Math.max( 100, pages.length ) }`, file ] );
		const t2 = Date.now();
		const done = /Done!|pages? \(/.test( result.stdout + result.stderr );
		if ( !done ) {
			throw new Error( `importDump.php did not report success:\n${ result.stdout }\n${ result.stderr }` );
		}
		log( 'rebuildrecentchanges.php, initSiteStats.php --update' );
		await wiki.runMaintenance( 'rebuildrecentchanges' );
		await wiki.runMaintenance( 'initSiteStats', [ '--update' ] );
		const t3 = Date.now();
		return { ms: t3 - t0, xmlMs: t1 - t0, importMs: t2 - t1, rebuildMs: t3 - t2 };
	} finally {
		rmSync( dir, { recursive: true, force: true } );
	}
}

// ---------------------------------------------------------------------------------------
// Generated records

/**
 * A small deterministic random number generator (Park and Miller's minimal standard:
 * exact in doubles, no bitwise operations).
 *
 * @param seed Any integer
 * @return A function giving numbers in [0, 1)
 */
function random( seed: number ): () => number {
	const m = 2147483647;
	let state = ( ( Math.abs( Math.trunc( seed ) ) % ( m - 1 ) ) + 1 );
	return () => {
		state = ( state * 48271 ) % m;
		return ( state - 1 ) / ( m - 1 );
	};
}

interface Country {
	code: string;
	regions: Region[];
	languages: string[];
	place: string;
}

const COUNTRIES: Country[] = [
	{ code: 'NL', regions: [ '150' ], languages: [ 'nl' ], place: 'Amsterdam' },
	{ code: 'DE', regions: [ '150' ], languages: [ 'de' ], place: 'Berlin' },
	{ code: 'FR', regions: [ '150' ], languages: [ 'fr' ], place: 'Lyon' },
	{ code: 'GB', regions: [ '150' ], languages: [ 'en', 'cy' ], place: 'Cardiff' },
	{ code: 'PL', regions: [ '150' ], languages: [ 'pl' ], place: 'Kraków' },
	{ code: 'SE', regions: [ '150' ], languages: [ 'sv', 'se' ], place: 'Umeå' },
	{ code: 'ES', regions: [ '150' ], languages: [ 'es', 'ca', 'eu' ], place: 'Bilbao' },
	{ code: 'NG', regions: [ '002' ], languages: [ 'en', 'yo', 'ha', 'ig' ], place: 'Ibadan' },
	{ code: 'GH', regions: [ '002' ], languages: [ 'en', 'tw' ], place: 'Kumasi' },
	{ code: 'KE', regions: [ '002' ], languages: [ 'sw', 'en' ], place: 'Mombasa' },
	{ code: 'ZA', regions: [ '002' ], languages: [ 'zu', 'xh', 'af', 'en' ], place: 'Durban' },
	{ code: 'SN', regions: [ '002' ], languages: [ 'fr', 'wo' ], place: 'Dakar' },
	{ code: 'EG', regions: [ '002' ], languages: [ 'ar' ], place: 'Alexandria' },
	{ code: 'BR', regions: [ '019', '419' ], languages: [ 'pt' ], place: 'Recife' },
	{ code: 'MX', regions: [ '019', '419' ], languages: [ 'es', 'nah' ], place: 'Oaxaca' },
	{ code: 'AR', regions: [ '019', '419' ], languages: [ 'es' ], place: 'Córdoba' },
	{ code: 'PE', regions: [ '019', '419' ], languages: [ 'es', 'qu' ], place: 'Cusco' },
	{ code: 'CA', regions: [ '019' ], languages: [ 'en', 'fr', 'iu' ], place: 'Winnipeg' },
	{ code: 'US', regions: [ '019' ], languages: [ 'en', 'es' ], place: 'Chicago' },
	{ code: 'IN', regions: [ '142' ], languages: [ 'hi', 'ta', 'bn', 'en' ], place: 'Chennai' },
	{ code: 'ID', regions: [ '142' ], languages: [ 'id', 'jv' ], place: 'Yogyakarta' },
	{ code: 'JP', regions: [ '142' ], languages: [ 'ja' ], place: 'Sendai' },
	{ code: 'BD', regions: [ '142' ], languages: [ 'bn' ], place: 'Khulna' },
	{ code: 'PH', regions: [ '142' ], languages: [ 'tl', 'ceb', 'en' ], place: 'Cebu' },
	{ code: 'JO', regions: [ '142', '145' ], languages: [ 'ar' ], place: 'Irbid' },
	{ code: 'TR', regions: [ '142', '145' ], languages: [ 'tr', 'ku' ], place: 'İzmir' },
	{ code: 'AU', regions: [ '009' ], languages: [ 'en' ], place: 'Hobart' },
	{ code: 'NZ', regions: [ '009' ], languages: [ 'en', 'mi' ], place: 'Dunedin' },
	{ code: 'FJ', regions: [ '009' ], languages: [ 'fj', 'hif', 'en' ], place: 'Suva' },
];

/** Partners with their Wikidata items (ids checked; see tests/fixtures/wikidata/README.md). */
const KNOWN_PARTNERS = [
	{ label: 'Rijksmuseum', wikidata: 'Q190804' },
	{ label: 'British Library', wikidata: 'Q23308' },
	{ label: 'World Health Organization', wikidata: 'Q7817' },
	{ label: 'Smithsonian Institution', wikidata: 'Q131626' },
	{ label: 'Wikimedia Deutschland', wikidata: 'Q8288' },
];

const INSTITUTIONS: Record<PartnershipType, string[]> = {
	glam: [ 'City Museum of {place}', '{place} Municipal Archives', 'National Gallery of {country}', '{place} Photo Collection' ],
	education: [ 'University of {place}', '{place} Teachers College', '{place} Secondary School Network' ],
	science: [ '{place} Institute of Biodiversity', 'Observatory of {place}', '{place} Botanical Garden' ],
	health: [ '{place} School of Public Health', 'Ministry of Health of {country}', '{place} Medical Library' ],
	government: [ 'Statistics Office of {country}', 'City of {place}', '{country} Heritage Agency' ],
	'library-data': [ 'National Library of {country}', '{place} Public Library', '{place} Union Catalogue' ],
	campaign: [ '{place} Photographers Guild', '{country} Heritage Volunteers', '{place} Cultural Centre' ],
	'open-technology': [ '{place} Open Source Society', '{country} Language Technology Lab', '{place} Civic Tech Group' ],
	media: [ '{place} Public Radio', '{country} Broadcasting Archive', '{place} Film Institute' ],
	other: [ '{place} Community Foundation', '{country} Youth Association', '{place} Chamber of Commerce' ],
};

const PROJECTS: Record<PartnershipType, string[]> = {
	glam: [ 'image donation', 'collection on Wikidata', 'Wikimedian in residence', 'open access release' ],
	education: [ 'Wikipedia in the classroom', 'student editathons', 'course assignments' ],
	science: [ 'species photographs', 'open data on Wikidata', 'research outreach' ],
	health: [ 'health articles in local languages', 'medical illustrations', 'reviewed health content' ],
	government: [ 'open statistics', 'public domain archives', 'heritage register on Wikidata' ],
	'library-data': [ 'authority files on Wikidata', 'catalogue links', 'digitised books on Wikisource' ],
	campaign: [ 'Wiki Loves Monuments', 'Wiki Loves Earth', 'photo walks' ],
	'open-technology': [ 'speech corpus', 'machine translation data', 'keyboard layouts' ],
	media: [ 'archive footage on Commons', 'sound archive', 'newsreel release' ],
	other: [ 'community meetups', 'small grants', 'volunteer training' ],
};

const THEMES = [
	'art', 'history', 'architecture', 'biodiversity', 'climate', 'public health', 'literature', 'music',
	'women in science', 'local heritage', 'maps', 'photography', 'languages', 'open data', 'education',
];

const LESSONS = {
	worked: [
		'A named contact person on each side kept things moving.',
		'Starting with a small pilot set built trust before the full release.',
		'Regular short meetings worked better than long workshops.',
		'Volunteers who knew the collection wrote the best descriptions.',
	],
	didNotWork: [
		'Metadata needed more cleaning than planned.',
		'The first licence agreement took months to sign.',
		'Uploads stalled when the staff member left.',
		'Too many events in one month tired the volunteers.',
	],
	advice: [
		'Agree on the licence in writing before any upload.',
		'Plan for maintenance after the project ends.',
		'Measure page views from the start, to show the impact.',
		'Involve the local community from the first meeting.',
	],
};

/**
 * Generate valid, varied partnership records, always the same ones for the same seed.
 *
 * @param n How many
 * @param seed Any integer
 * @return Records with unique ids and their page text
 */
export function generateRecords( n: number, seed = 1 ): RecordPage[] {
	const rnd = random( seed );
	const pick = <T>( list: readonly T[] ): T => list[ Math.floor( rnd() * list.length ) ];
	const some = <T>( list: readonly T[], max: number ): T[] => {
		const count = 1 + Math.floor( rnd() * max );
		return [ ...new Set( Array.from( { length: count }, () => pick( list ) ) ) ];
	};
	const records: RecordPage[] = [];
	for ( let i = 0; i < n; i++ ) {
		const type: PartnershipType = pick( PARTNERSHIP_TYPES );
		const status: PartnershipStatus = pick( PARTNERSHIP_STATUSES );
		const countries = some( COUNTRIES, rnd() < 0.8 ? 1 : 3 );
		const first = countries[ 0 ];
		const fill = ( template: string ): string => template.replace( '{place}', first.place ).replace( '{country}', first.code );
		const partners: { label: string; wikidata?: string }[] = [ { label: fill( pick( INSTITUTIONS[ type ] ) ) } ];
		if ( rnd() < 0.15 ) {
			partners.push( { ...pick( KNOWN_PARTNERS ) } );
		}
		const project = pick( PROJECTS[ type ] );
		const name = `${ partners[ 0 ].label }: ${ project }`;
		const regions = [ ...new Set( countries.flatMap( ( c ) => c.regions ) ) ].sort();
		const languages = [ ...new Set( countries.flatMap( ( c ) => c.languages.slice( 0, 2 ) ) ) ];
		const priorities: PriorityArea[] = some( PRIORITY_AREAS, 3 );
		const record = {
			schema: PARTNERSHIP_SCHEMA,
			name,
			partners,
			type,
			themes: some( THEMES, 3 ),
			stewards: [],
			regions,
			countries: countries.map( ( c ) => c.code ).sort(),
			languages,
			priorities,
			status,
			values: [],
			obligations: [],
			goals: [],
			lessons: {
				worked: pick( LESSONS.worked ),
				didNotWork: status === 'proposed' ? '' : pick( LESSONS.didNotWork ),
				advice: pick( LESSONS.advice ),
			},
			documentation: [],
			contacts: [],
			summary: {
				en: `${ project[ 0 ].toUpperCase() }${ project.slice( 1 ) } with ${ partners.map( ( p ) => p.label ).join( ' and ' ) }, ` +
					`in ${ first.place } (${ countries.map( ( c ) => c.code ).join( ', ' ) }). Record ${ i + 1 } of a generated set.`,
			},
		};
		records.push( {
			id: `generated-${ String( i + 1 ).padStart( 5, '0' ) }-${ type }`,
			text: JSON.stringify( record, null, '\t' ),
		} );
	}
	return records;
}
