// What the deploy command writes: every page the gadgets need, with its new text.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { CONFIG_PAGE, DONATIONS_PAGE, GADGETS, mergeDefinition } from '../../gadgets/gadgets';
import { readAllMessages } from './messages';

export interface PagePlan {
	title: string;
	/** New text, or a function of the current text (for pages we share with others) */
	text: string | ( ( current: string ) => string );
	contentmodel?: string;
}

function contentModel( page: string ): string | undefined {
	if ( page.endsWith( '.js' ) ) {
		return 'javascript';
	}
	if ( page.endsWith( '.css' ) ) {
		return 'css';
	}
	if ( page.endsWith( '.json' ) ) {
		return 'json';
	}
	return undefined;
}

export const TEMPLATES_DIR = 'gadgets/templates';

/** Where the extension's page-view hook reads the donations index from ($wgPartnershipsDonationsPage) */
export const EXTENSION_DONATIONS_PAGE = 'MediaWiki:Partnerships-donations.json';

/**
 * @return The wiki templates kept in the repository (Template:Partnership donation, …)
 */
export function templatePages(): PagePlan[] {
	if ( !existsSync( TEMPLATES_DIR ) ) {
		return [];
	}
	return readdirSync( TEMPLATES_DIR )
		.filter( ( f ) => f.endsWith( '.wikitext' ) )
		.sort()
		.map( ( f ) => ( {
			title: `Template:${ f.replace( /\.wikitext$/, '' ).replace( /_/g, ' ' ) }`,
			text: readFileSync( `${ TEMPLATES_DIR }/${ f }`, 'utf8' ),
		} ) );
}

/**
 * @param options
 * @param options.config A wiki's own configuration file, instead of the repository's
 * @param options.donations The donations index (JSON text), built from the records
 * @param options.extension The wiki runs the extension: write only its donations index
 *  and the templates (the code comes with the extension)
 * @return Every page the gadgets (or the extension) need, with its new text
 */
export function planPages( options: { config?: string; donations?: string; extension?: boolean } = {} ): PagePlan[] {
	const donations = options.donations ?? '{}';
	if ( options.extension ) {
		return [ { title: EXTENSION_DONATIONS_PAGE, text: donations, contentmodel: 'json' }, ...templatePages() ];
	}
	const plan: PagePlan[] = [];
	const seen = new Set<string>();
	const messages = readAllMessages();
	for ( const gadget of GADGETS ) {
		for ( const { page, source: defaultSource } of gadget.pages ) {
			// The wiki's own configuration, when given, instead of the repository's defaults.
			const source = page === CONFIG_PAGE.page && options.config ? options.config : defaultSource;
			if ( seen.has( page ) ) {
				continue;
			}
			seen.add( page );
			if ( page === DONATIONS_PAGE.page ) {
				plan.push( { title: `MediaWiki:Gadget-${ page }`, text: donations, contentmodel: 'json' } );
				continue;
			}
			if ( !existsSync( source ) ) {
				throw new Error( `${ source } is missing: run "npm run build" first` );
			}
			plan.push( { title: `MediaWiki:Gadget-${ page }`, text: readFileSync( source, 'utf8' ), contentmodel: contentModel( page ) } );
		}
		for ( const [ lang, texts ] of Object.entries( messages ) ) {
			const text = texts[ `gadget-${ gadget.name }` ];
			if ( text !== undefined ) {
				plan.push( { title: `MediaWiki:Gadget-${ gadget.name }${ lang === 'en' ? '' : `/${ lang }` }`, text } );
			}
		}
	}
	plan.push( { title: 'MediaWiki:Gadgets-definition', text: mergeDefinition }, ...templatePages() );
	return plan;
}
