/**
 * Organisation lookup against Wikidata's wbsearchentities, read anonymously with
 * origin=* from a configurable endpoint (tests point it at a local replay server).
 */
export interface WikidataHit {
	/** Item id, e.g. "Q190804" */
	id: string;
	label: string;
	description: string;
}

export interface WikidataSearch {
	/**
	 * @param text What the person typed
	 * @param language Language of labels and descriptions
	 * @return Up to 10 items, best first
	 */
	search( text: string, language: string ): Promise<WikidataHit[]>;
}

const ITEM_ID = /^Q[1-9][0-9]*$/;

/**
 * @param answer A wbsearchentities answer (untrusted)
 * @return The hits in it that are well-formed
 */
export function readWikidataHits( answer: unknown ): WikidataHit[] {
	const list = answer && typeof answer === 'object' ? ( answer as { search?: unknown } ).search : null;
	if ( !Array.isArray( list ) ) {
		return [];
	}
	return list.flatMap( ( hit ) => {
		if ( !hit || typeof hit.id !== 'string' || !ITEM_ID.test( hit.id ) ) {
			return [];
		}
		const label = typeof hit.label === 'string' ? hit.label :
			( hit.display && hit.display.label && typeof hit.display.label.value === 'string' ? hit.display.label.value : hit.id );
		const description = typeof hit.description === 'string' ? hit.description :
			( hit.display && hit.display.description && typeof hit.display.description.value === 'string' ? hit.display.description.value : '' );
		return [ { id: hit.id, label, description } ];
	} ).slice( 0, 10 );
}

/**
 * WikidataSearch over fetch.
 */
export class FetchWikidataSearch implements WikidataSearch {
	private readonly endpoint: string;

	/**
	 * @param endpoint api.php URL, e.g. https://www.wikidata.org/w/api.php
	 */
	public constructor( endpoint: string ) {
		this.endpoint = endpoint;
	}

	public async search( text: string, language: string ): Promise<WikidataHit[]> {
		const query = text.trim();
		if ( !query ) {
			return [];
		}
		// qqx is MediaWiki's message-key pseudo-language; Wikidata has no labels in it.
		const lang = language === 'qqx' ? 'en' : language;
		const params = new URLSearchParams( {
			action: 'wbsearchentities',
			search: query,
			language: lang,
			uselang: lang,
			type: 'item',
			limit: '10',
			format: 'json',
			origin: '*',
		} );
		const response = await fetch( `${ this.endpoint }?${ params }`, { credentials: 'omit' } );
		if ( !response.ok ) {
			throw new Error( `HTTP ${ response.status }` );
		}
		return readWikidataHits( await response.json() );
	}
}
