// The hall of heroes at scale, for `npm run bench -- --parts=heroes`: a scratch wiki with
// the extension seeded with generated nominations, endorsements, celebrations and
// declines through MediaWiki's own importDump.php (each revision's contributor the
// account the page belongs to, created beforehand in one maintenance run), the last
// editors checked through the API, then the hall opened cold in Debian's Chromium.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Request } from 'playwright-core';
import { startWiki, Wiki } from '../wiki/harness';
import { HttpActionApi } from '../../src/shared/api/HttpActionApi';
import type { TestBrowser } from '../../tests/e2e/browser';
import { exportXml } from './importRecords';
import {
	CELEBRATION_PAGE,
	CELEBRATION_SCHEMA,
	DECLINE_PAGE,
	DECLINE_SCHEMA,
	DEFAULT_THRESHOLD,
	ENDORSEMENTS_FOLDER,
	ENDORSEMENT_SCHEMA,
	HERO_CATEGORIES,
	HEROES_FOLDER,
	NOMINATION_SCHEMA,
} from '../../src/heroes/domain/heroes';

const ROOT = 'Project:Partnerships';
const FOLDER = `${ ROOT }/${ HEROES_FOLDER }`;
const SETTLED = '.partnerships-heroes[data-partnerships-state="ready"], .partnerships-heroes[data-partnerships-state="error"]';
const CARDS = '.partnerships-hall__cards > li';
/** Accounts that nominate, are nominated and endorse. */
const POOL = 60;
const COORDINATOR = 'Bench coordinator';

export interface HeroScale {
	nominations: number;
	endorsements: number;
}

interface SeedPage {
	title: string;
	text: string;
	user: string;
	model: 'json' | 'wikitext';
}

/** Milliseconds: creating the accounts, importDump.php, checking the last editors */
export interface SeedTimings {
	accountsMs: number;
	importMs: number;
	checkMs: number;
}

export interface HeroSeed {
	pages: SeedPage[];
	accounts: string[];
	/** Nominations the hall must show */
	celebrated: number;
	declined: number;
}

/**
 * @param i An index
 * @return The i-th account of the pool
 */
function poolUser( i: number ): string {
	return `Bench user ${ String( ( i % POOL ) + 1 ).padStart( 3, '0' ) }`;
}

/**
 * Nominations with endorsements spread unevenly (0 to twice the mean, the total exact),
 * every third ready one celebrated by a coordinator, every tenth user nominee declining.
 *
 * @param scale How many nominations and endorsement pages
 * @return The pages, each with the account that must be its last editor
 */
export function generateHeroes( scale: HeroScale ): HeroSeed {
	const { nominations: n, endorsements: e } = scale;
	const base = Math.floor( e / n );
	const counts = Array.from( { length: n }, ( _v, i ) => base + ( i < e % n ? 1 : 0 ) );
	// Move some endorsements between neighbours: varied counts, same total.
	for ( let i = 0; i + 1 < n; i += 2 ) {
		const d = Math.min( ( i / 2 ) % ( base + 1 ), counts[ i ] );
		counts[ i ] -= d;
		counts[ i + 1 ] += d;
	}
	if ( Math.max( ...counts ) > POOL - 2 ) {
		throw new Error( `At most ${ POOL - 2 } endorsements per nomination` );
	}
	const start = Date.parse( '2025-01-01T00:00:00Z' );
	const time = ( minutes: number ): string => new Date( start + minutes * 60000 ).toISOString().replace( /\.\d{3}Z$/, 'Z' );
	const json = ( value: object ): string => JSON.stringify( value, null, '\t' );
	const pages: SeedPage[] = [ {
		title: FOLDER,
		text: `Generated nominations under [[Special:PrefixIndex/${ FOLDER }/]].`,
		user: COORDINATOR,
		model: 'wikitext',
	} ];
	let celebrated = 0;
	let declined = 0;
	for ( let i = 0; i < n; i++ ) {
		const id = `bench-hero-${ String( i + 1 ).padStart( 5, '0' ) }`;
		const title = `${ FOLDER }/${ id }`;
		const nominator = poolUser( i );
		const kind = i % 6 < 4 ? 'user' : i % 6 === 4 ? 'group' : 'community';
		const nomineeUser = poolUser( i + 1 );
		const nominee = kind === 'user' ? { kind, user: nomineeUser } :
			kind === 'group' ? { kind, name: `Bench user group ${ i + 1 }` } :
				{ kind, language: 'sw', region: '002', name: `Bench community ${ i + 1 }` };
		pages.push( {
			title,
			user: nominator,
			model: 'json',
			text: json( {
				schema: NOMINATION_SCHEMA,
				nominee,
				category: HERO_CATEGORIES[ i % HERO_CATEGORIES.length ],
				citation: `Generated nomination ${ i + 1 } of ${ n }: years of patient work with newcomers and partners.`,
				partnerships: [],
				regions: [ '002' ],
				languages: [ 'en' ],
				nominator,
				created: time( i * 10 ),
			} ),
		} );
		// Endorsers: the pool after the nominator and the nominee.
		for ( let k = 0; k < counts[ i ]; k++ ) {
			pages.push( {
				title: `${ title }/${ ENDORSEMENTS_FOLDER }/${ poolUser( i + 2 + k ) }`,
				user: poolUser( i + 2 + k ),
				model: 'json',
				text: json( { schema: ENDORSEMENT_SCHEMA, comment: k % 2 ? '' : `Endorsement ${ k + 1 }.`, time: time( i * 10 + k + 1 ) } ),
			} );
		}
		if ( kind === 'user' && i % 10 === 9 ) {
			declined++;
			const text = json( { schema: DECLINE_SCHEMA, time: time( i * 10 + 9 ) } );
			pages.push( { title: `${ title }/${ DECLINE_PAGE }`, user: nomineeUser, model: 'json', text } );
		} else if ( counts[ i ] >= DEFAULT_THRESHOLD && i % 3 === 0 ) {
			celebrated++;
			const text = json( { schema: CELEBRATION_SCHEMA, time: time( i * 10 + 9 ) } );
			pages.push( { title: `${ title }/${ CELEBRATION_PAGE }`, user: COORDINATOR, model: 'json', text } );
		}
	}
	const accounts = [ COORDINATOR, ...Array.from( { length: POOL }, ( _v, i ) => poolUser( i ) ) ];
	return { pages, accounts, celebrated, declined };
}

/**
 * @param pages The pages
 * @return A MediaWiki XML export (0.11), one revision per page by the page's own account
 */
function dumpXml( pages: SeedPage[] ): string {
	const now = Date.now();
	return exportXml( pages.map( ( page, i ) => ( {
		title: page.title,
		text: page.text,
		model: page.model === 'json' ? { model: 'json', format: 'application/json' } : { model: 'wikitext', format: 'text/x-wiki' },
		timestamp: new Date( now - ( pages.length - i ) * 1000 ).toISOString().replace( /\.\d{3}Z$/, 'Z' ),
		user: page.user,
	} ) ), '', 'Partnerships: generated heroes' );
}

/**
 * Create the accounts, import the pages, and check through the API that every page's
 * last editor is the account it was generated for (else the hall would rightly reject
 * it as a forgery and the figures would measure something else).
 *
 * @param wiki A scratch wiki with the extension
 * @param seed The generated pages
 * @return Milliseconds: accounts, importDump.php, check
 */
export async function seedHeroPages( wiki: Wiki, seed: HeroSeed ): Promise<SeedTimings> {
	const t0 = Date.now();
	await wiki.createUsers( seed.accounts.map( ( username ) => ( {
		username,
		password: `bench-${ username.replace( / /g, '-' ) }-password`,
		groups: username === COORDINATOR ? [ 'sysop' ] : [],
	} ) ) );
	const t1 = Date.now();
	const dir = mkdtempSync( join( tmpdir(), 'partnerships-heroes-' ) );
	try {
		const file = join( dir, 'heroes.xml' );
		writeFileSync( file, dumpXml( seed.pages ) );
		const result = await wiki.runMaintenance( 'importDump', [ '--no-updates', `--report=${ seed.pages.length }`, file ] );
		if ( !/Done!|pages? \(/.test( result.stdout + result.stderr ) ) {
			throw new Error( `importDump.php did not report success:\n${ result.stdout }\n${ result.stderr }` );
		}
	} finally {
		rmSync( dir, { recursive: true, force: true } );
	}
	const t2 = Date.now();
	const expected = new Map( seed.pages.map( ( p ) => [ p.title.replace( /^Project:/, '' ), p.user ] ) );
	const session = new HttpActionApi( wiki.api );
	const seen = new Map<string, string>();
	let cont: Record<string, string> = {};
	do {
		const answer = await session.get( {
			action: 'query', generator: 'allpages', gapnamespace: 4, gapprefix: `Partnerships/${ HEROES_FOLDER }`,
			gaplimit: 'max', prop: 'revisions', rvprop: 'user', formatversion: 2, ...cont,
		} );
		for ( const page of answer.query?.pages ?? [] ) {
			if ( page.revisions ) {
				seen.set( String( page.title ).replace( /^[^:]+:/, '' ), String( page.revisions[ 0 ].user ) );
			}
		}
		cont = answer.continue ?? {};
	} while ( Object.keys( cont ).length );
	const wrong = [ ...expected ].filter( ( [ title, user ] ) => seen.get( title ) !== user );
	if ( wrong.length || seen.size !== expected.size ) {
		const [ title, user ] = wrong[ 0 ] ?? [ '', '' ];
		throw new Error( `Imported ${ seen.size } of ${ expected.size } hero pages; ${ wrong.length } with another last editor ` +
			`(e.g. ${ title }: ${ JSON.stringify( seen.get( title ) ) }, not ${ JSON.stringify( user ) })` );
	}
	return { accountsMs: t1 - t0, importMs: t2 - t1, checkMs: Date.now() - t2 };
}

export interface HallOpen {
	/** api.php requests from navigation until ready */
	requests: number;
	/** …of which generator=allpages (the pages, in batches) */
	pageBatches: number;
	/** …of which list=users (rights of celebrators) */
	userChecks: number;
	/** Navigation start → ready, ms; null when it never got ready */
	readyMs: number | null;
	/** Cards in the hall */
	heroes: number;
	state: string;
}

export interface HeroScaleResult extends HeroScale {
	pages: number;
	celebrated: number;
	seed: SeedTimings;
	runs: HallOpen[];
	errors: string[];
}

/**
 * @param browser A launched browser
 * @param url The hall
 * @param timeoutMs How long to wait for it
 * @return One cold open's figures
 */
async function openHall(
	browser: TestBrowser, url: string, timeoutMs: number,
): Promise<HallOpen & { errors: string[] }> {
	const { page, context, requests, errors } = await browser.newPage();
	try {
		await page.goto( url );
		const settled = await page.waitForFunction( ( selector ) => {
			const el = document.querySelector( selector );
			return el ? { at: performance.now(), state: el.getAttribute( 'data-partnerships-state' ) } : false;
		}, SETTLED, { timeout: timeoutMs, polling: 20 } )
			.then( ( h ) => h.jsonValue() as Promise<{ at: number; state: string }> )
			.catch( () => ( { at: null, state: 'timeout' } ) );
		const api = requests.filter( ( r: Request ) => new URL( r.url() ).pathname.endsWith( '/api.php' ) );
		const param = ( r: Request, name: string ): string => {
			const get = new URL( r.url() ).searchParams.get( name );
			return get ?? new URLSearchParams( r.postData() ?? '' ).get( name ) ?? '';
		};
		return {
			requests: api.length,
			pageBatches: api.filter( ( r ) => param( r, 'generator' ) === 'allpages' ).length,
			userChecks: api.filter( ( r ) => param( r, 'list' ) === 'users' ).length,
			readyMs: settled.state === 'ready' ? settled.at : null,
			heroes: settled.state === 'ready' ? await page.locator( CARDS ).count() : 0,
			state: settled.state,
			errors,
		};
	} finally {
		await context.close().catch( () => undefined );
	}
}

/**
 * @param scale Nominations and endorsement pages
 * @param browser A launched browser
 * @param runs Cold opens
 * @param onWiki Called with the wiki once started (to stop it on Ctrl-C), and null once stopped
 * @return The figures
 */
export async function benchHeroes(
	scale: HeroScale, browser: TestBrowser, runs: number, onWiki: ( started: Wiki | null ) => void,
): Promise<HeroScaleResult> {
	const wiki = await startWiki( { site: 'benchheroes', partnerships: true, log: () => undefined } );
	onWiki( wiki );
	try {
		const seed = generateHeroes( scale );
		const seeded = await seedHeroPages( wiki, seed );
		console.log( `  ${ seed.pages.length.toLocaleString( 'en' ) } pages (${ seed.celebrated } celebrated, ${ seed.declined } declined): ` +
			`accounts ${ ( seeded.accountsMs / 1000 ).toFixed( 1 ) } s, importDump ${ ( seeded.importMs / 1000 ).toFixed( 1 ) } s, last editors checked` );
		const url = `${ wiki.url }/index.php?${ new URLSearchParams( { title: FOLDER } ) }`;
		const results: HallOpen[] = [];
		const errors: string[] = [];
		for ( let run = 0; run < runs; run++ ) {
			const timeoutMs = Math.max( 120000, seed.pages.length * 100 );
			const { errors: runErrors, ...open } = await openHall( browser, url, timeoutMs );
			errors.push( ...runErrors );
			results.push( open );
			console.log( `  run ${ run + 1 }: ${ open.state }, ${ open.requests } api.php (${ open.pageBatches } page batches, ` +
				`${ open.userChecks } list=users), ${ open.readyMs === null ? 'n/a' : `${ ( open.readyMs / 1000 ).toFixed( 2 ) } s` }, ${ open.heroes } heroes` );
		}
		return {
			...scale,
			pages: seed.pages.length,
			celebrated: seed.celebrated,
			seed: seeded,
			runs: results,
			errors: [ ...new Set( errors ) ],
		};
	} finally {
		await wiki.stop();
		onWiki( null );
	}
}
