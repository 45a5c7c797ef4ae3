import { HeroesServices } from '../services';
import { Nominee } from '../domain/heroes';
import { useDisplayNames } from '../../shared/i18n/useDisplayNames';
import { isolate } from '../../shared/i18n/messages';

export interface HeroLabels {
	/** @return The nominee as people name them (a user name, a group's name, a community's language and region) */
	nominee( nominee: Nominee ): string;
	/** @return What kind of nominee it is */
	kind( nominee: Nominee ): string;
	category( category: string ): string;
	region( code: string ): string;
	language( code: string ): string;
	/** @return Names as a list in the reader's language ("A, B and C") */
	list( names: string[] ): string;
	/** @return How many endorsements a nomination has, against how many it needs */
	endorsements( count: number ): string;
	/** @return A date (YYYY-MM-DD) from a timestamp */
	date( time: string ): string;
}

/**
 * Labels of the community-heroes values, as plain text.
 *
 * @param services The heroes services
 * @return Label functions
 */
export function useHeroLabels( services: HeroesServices ): HeroLabels {
	const msg = services.message;
	const names = useDisplayNames( services.languages, services.languageNames );
	// UN M49 regions have messages (Intl's names for them vary by browser).
	// Messages used here: partnerships-region-* (one per REGIONS value)
	const region = ( code: string ): string => msg( `partnerships-region-${ code }` );
	type ListFormat = { format( list: string[] ): string };
	// Intl.ListFormat is ES2021; where a browser lacks it, names are joined with commas.
	const ListFormatClass = ( Intl as unknown as {
		ListFormat?: new ( locales: string[], options: { type: string } ) => ListFormat;
	} ).ListFormat;
	let listFormat: ListFormat | null = null;
	try {
		listFormat = ListFormatClass ? new ListFormatClass( services.languages.filter( Boolean ), { type: 'conjunction' } ) : null;
	} catch {
		listFormat = null;
	}
	return {
		nominee: ( nominee ) => {
			switch ( nominee.kind ) {
				case 'user':
					return nominee.user ?? '';
				case 'group':
					return nominee.name ?? '';
				default:
					return nominee.name ||
						msg( 'partnerships-heroes-community-name', names.language( nominee.language ?? '' ), region( nominee.region ?? '' ) );
			}
		},
		// Messages used here: partnerships-heroes-kind-user, partnerships-heroes-kind-group,
		// partnerships-heroes-kind-community
		kind: ( nominee ) => msg( `partnerships-heroes-kind-${ nominee.kind }` ),
		// Messages used here: partnerships-heroes-category-* (one per HERO_CATEGORIES value)
		category: ( category ) => msg( `partnerships-heroes-category-${ category }` ),
		region,
		language: ( code ) => names.language( code ),
		// Each name isolated: one written right to left cannot reorder the others.
		list: ( list ) => {
			const isolated = list.map( isolate );
			return listFormat ? listFormat.format( isolated ) : isolated.join( ', ' );
		},
		// "4 of 2 endorsements" reads oddly: past the threshold, the count and what was needed.
		endorsements: ( count ) => count >= services.threshold ?
			msg( 'partnerships-heroes-endorsement-count-enough', count, services.threshold ) :
			msg( 'partnerships-heroes-endorsement-count', count, services.threshold ),
		date: ( time ) => time.slice( 0, 10 ),
	};
}
