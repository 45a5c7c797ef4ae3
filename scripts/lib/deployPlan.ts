// What the deploy command writes: every page the gadgets need, with its new text.
import { existsSync, readFileSync } from 'node:fs';
import { CONFIG_PAGE, GADGETS, mergeDefinition } from '../../gadgets/gadgets';
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

/**
 * @return Every page the gadgets need, with its new text
 */
export function planPages( options: { config?: string } = {} ): PagePlan[] {
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
	plan.push( { title: 'MediaWiki:Gadgets-definition', text: mergeDefinition } );
	return plan;
}
