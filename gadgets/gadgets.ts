/**
 * The gadgets, defined once. Both forms of the definition (the lines of
 * MediaWiki:Gadgets-definition and the JSON of a "Gadget definition:" page) and the
 * deploy command's list of pages come from here.
 */

export interface GadgetPage {
	/** Page name after "MediaWiki:Gadget-", e.g. "partnerships-app.js" */
	page: string;
	/** File in the repository (after a build) whose text the page holds */
	source: string;
}

export interface GadgetSpec {
	name: string;
	/** Loaded for everyone by default */
	default: boolean;
	/** Not listed in Special:Preferences */
	hidden: boolean;
	dependencies: string[];
	pages: GadgetPage[];
}

export const CONFIG_PAGE: GadgetPage = { page: 'partnerships-config.json', source: 'gadgets/partnerships-config.json' };
const MESSAGES_PAGE: GadgetPage = { page: 'partnerships-messages.json', source: 'extension/modules/messages.json' };
/** Built by the deploy command from the records on the wiki (see scripts/lib/donationIndex.ts) */
export const DONATIONS_PAGE: GadgetPage = { page: 'partnerships-donations.json', source: 'donations-index' };

export const GADGETS: GadgetSpec[] = [
	{
		name: 'partnerships-pageview',
		default: true,
		hidden: true,
		dependencies: [],
		pages: [
			{ page: 'partnerships-pageview.js', source: 'extension/modules/pageview.js' },
			CONFIG_PAGE,
			DONATIONS_PAGE,
		],
	},
	{
		name: 'partnerships-app',
		default: false,
		hidden: true,
		dependencies: [ 'vue', '@wikimedia/codex', 'mediawiki.api', 'mediawiki.util' ],
		pages: [
			{ page: 'partnerships-app.js', source: 'extension/modules/app.js' },
			{ page: 'partnerships-app.css', source: 'extension/modules/app.css' },
			CONFIG_PAGE,
			MESSAGES_PAGE,
		],
	},
	{
		name: 'partnerships-badge',
		default: false,
		hidden: true,
		dependencies: [ 'mediawiki.util' ],
		pages: [
			{ page: 'partnerships-badge.js', source: 'extension/modules/badge.js' },
			{ page: 'partnerships-badge.css', source: 'extension/modules/badge.css' },
			CONFIG_PAGE,
			MESSAGES_PAGE,
		],
	},
	{
		name: 'partnerships-recognition',
		default: false,
		hidden: true,
		dependencies: [ 'vue', '@wikimedia/codex', 'mediawiki.api', 'mediawiki.util' ],
		pages: [
			{ page: 'partnerships-recognition.js', source: 'extension/modules/recognition.js' },
			{ page: 'partnerships-recognition.css', source: 'extension/modules/recognition.css' },
			CONFIG_PAGE,
			MESSAGES_PAGE,
		],
	},
	{
		name: 'partnerships-wall',
		default: false,
		hidden: true,
		dependencies: [ 'vue', '@wikimedia/codex', 'mediawiki.api', 'mediawiki.util' ],
		pages: [
			{ page: 'partnerships-wall.js', source: 'extension/modules/wall.js' },
			{ page: 'partnerships-wall.css', source: 'extension/modules/wall.css' },
			CONFIG_PAGE,
			MESSAGES_PAGE,
			DONATIONS_PAGE,
		],
	},
	{
		name: 'partnerships-heroes',
		default: false,
		hidden: true,
		dependencies: [ 'vue', '@wikimedia/codex', 'mediawiki.api', 'mediawiki.util', 'mediawiki.user' ],
		pages: [
			{ page: 'partnerships-heroes.js', source: 'extension/modules/heroes.js' },
			{ page: 'partnerships-heroes.css', source: 'extension/modules/heroes.css' },
			CONFIG_PAGE,
			MESSAGES_PAGE,
		],
	},
];

export const SECTION = 'partnerships';

/**
 * @param gadget A gadget
 * @return Its line in MediaWiki:Gadgets-definition
 */
export function definitionLine( gadget: GadgetSpec ): string {
	// requiresES6: without it Gadgets validates the code as ES5 and refuses ours.
	const options = [ 'ResourceLoader', 'package', 'requiresES6' ];
	if ( gadget.default ) {
		options.push( 'default' );
	}
	if ( gadget.hidden ) {
		options.push( 'hidden' );
	}
	if ( gadget.dependencies.length ) {
		options.push( `dependencies=${ gadget.dependencies.join( ',' ) }` );
	}
	return `* ${ gadget.name }[${ options.join( '|' ) }]|${ gadget.pages.map( ( p ) => p.page ).join( '|' ) }`;
}

/**
 * @return Our section of MediaWiki:Gadgets-definition
 */
export function definitionSection(): string {
	return [ `== ${ SECTION } ==`, ...GADGETS.map( definitionLine ) ].join( '\n' );
}

/**
 * @param gadget A gadget
 * @return The JSON form (a "Gadget definition:<name>" page, $wgGadgetsRepo = 'json-definition')
 */
export function definitionJson( gadget: GadgetSpec ): object {
	return {
		settings: {
			rights: [],
			default: gadget.default,
			package: true,
			hidden: gadget.hidden,
			skins: [],
			actions: [],
			namespaces: [],
			contentModels: [],
			categories: [],
			supportsUrlLoad: false,
			requiresES6: true,
			section: SECTION,
		},
		module: {
			pages: gadget.pages.map( ( p ) => p.page ),
			dependencies: gadget.dependencies,
			peers: [],
			messages: [],
			type: '',
		},
	};
}

/**
 * Put our section into the existing definition page, keeping every other gadget as
 * it is: our section replaces our old lines where the first of them was, or is
 * appended when there were none.
 *
 * @param current The page's text ('' when it does not exist)
 * @return The new text
 */
export function mergeDefinition( current: string ): string {
	const ours = new RegExp( `^(\\*\\s*partnerships-[a-z-]+\\s*\\[.*|==\\s*${ SECTION }\\s*==\\s*)$` );
	const lines = current === '' ? [] : current.replace( /\n+$/, '' ).split( '\n' );
	const first = lines.findIndex( ( line ) => ours.test( line ) );
	const kept = lines.filter( ( line ) => !ours.test( line ) );
	const section = definitionSection().split( '\n' );
	if ( first === -1 ) {
		return [ ...kept, ...( kept.length ? [ '' ] : [] ), ...section ].join( '\n' ) + '\n';
	}
	// Lines before the first of ours are unchanged, so `first` is still the place.
	kept.splice( first, 0, ...section );
	return kept.join( '\n' ) + '\n';
}
