/**
 * The nomination form's values, what they mean and what is wrong with them: pure, so
 * that the form's composable keeps only what Vue needs (refs, timers, the store).
 */
import {
	HERO_CATEGORIES, NOMINEE_KINDS, Nomination, NomineeKind, Nominee, canonicalUserName, openNominationOf,
} from './heroes';
import { isLanguageTag, isUserName, isWikidataId } from './heroesView';
import { CITATION_MAX_LENGTH, CITATION_MIN_LENGTH, REGIONS } from '../../shared/schema/constants';
import { isolate } from '../../shared/i18n/messages';
import type { MessageFunction } from '../../shared/wikiContext';

/** The form as it is filled in (and kept as a draft) */
export interface NominationFormState {
	kind: NomineeKind;
	user: string;
	name: string;
	wikidata: string;
	language: string;
	region: string | null;
	category: string | null;
	citation: string;
	partnerships: string[];
	regions: string[];
	languages: string[];
}

/** What the account lookup found for the name typed */
export type UserStatus = 'idle' | 'checking' | 'exists' | 'missing' | 'invalid' | 'error';

/** Fields that can be wrong ('duplicate': the nominee has an open nomination already) */
export type NominationField = 'user' | 'name' | 'wikidata' | 'language' | 'region' | 'category' | 'citation' |
'languages' | 'duplicate';

/** Longest group name, in characters */
const GROUP_NAME_MAX_LENGTH = 200;

/**
 * @return An empty form: a user nominee, nothing chosen
 */
export function emptyNominationForm(): NominationFormState {
	return {
		kind: 'user',
		user: '',
		name: '',
		wikidata: '',
		language: '',
		region: null,
		category: null,
		citation: '',
		partnerships: [],
		regions: [],
		languages: [],
	};
}

/**
 * The account named in the field: trimmed, and without a "User:" people paste with a
 * link's title.
 *
 * @param typed The user field as typed
 * @return The name, or ''
 */
export function typedUserName( typed: string ): string {
	return typed.trim().replace( /^user\s*:\s*/i, '' );
}

/**
 * @param text A text
 * @return Its length in characters (code points), as the schema counts them
 */
export function characterCount( text: string ): number {
	return [ ...text ].length;
}

/**
 * @param state The form
 * @return The nominee it names, normalised as it would be saved
 */
export function nomineeOf( state: NominationFormState ): Nominee {
	switch ( state.kind ) {
		case 'user':
			return { kind: 'user', user: canonicalUserName( typedUserName( state.user ) ) };
		case 'group':
			return {
				kind: 'group',
				name: state.name.trim(),
				...( state.wikidata.trim() ? { wikidata: state.wikidata.trim().toUpperCase() } : {} ),
			};
		default:
			return { kind: 'community', language: state.language.trim().toLowerCase(), region: state.region ?? '' } as Nominee;
	}
}

/**
 * @param nominations Public nominations
 * @param nominee The nominee of the form
 * @return The open nomination of that nominee, once the nominee is complete enough to say
 */
export function duplicateOf( nominations: Nomination[], nominee: Nominee ): Nomination | undefined {
	const complete = nominee.kind === 'user' ? !!nominee.user :
		nominee.kind === 'group' ? !!nominee.name : !!nominee.language && !!nominee.region;
	return complete ? openNominationOf( nominations, nominee ) : undefined;
}

/** What the errors depend on besides the form's values */
export interface NominationCheck {
	/** What the account lookup found */
	userStatus: UserStatus;
	/** The duplicate nominee's name, when there is a duplicate */
	duplicateName?: string;
}

/**
 * @param state The form
 * @param check The account lookup and the duplicate
 * @param msg The message function
 * @return What is wrong, by field, as plain text
 */
export function nominationErrors(
	state: NominationFormState,
	check: NominationCheck,
	msg: MessageFunction,
): Partial<Record<NominationField, string>> {
	const out: Partial<Record<NominationField, string>> = {};
	if ( state.kind === 'user' ) {
		const name = typedUserName( state.user );
		if ( !name ) {
			out.user = msg( 'partnerships-validation-required' );
		} else if ( !isUserName( name ) ) {
			out.user = msg( 'partnerships-heroes-user-invalid' );
		} else if ( check.userStatus === 'missing' ) {
			out.user = msg( 'partnerships-heroes-user-missing', isolate( name ) );
		} else if ( check.userStatus === 'error' ) {
			out.user = msg( 'partnerships-heroes-user-check-failed' );
		}
	} else if ( state.kind === 'group' ) {
		if ( !state.name.trim() ) {
			out.name = msg( 'partnerships-validation-required' );
		} else if ( characterCount( state.name.trim() ) > GROUP_NAME_MAX_LENGTH ) {
			out.name = msg( 'partnerships-validation-maxLength', GROUP_NAME_MAX_LENGTH );
		}
		if ( state.wikidata.trim() && !isWikidataId( state.wikidata.trim().toUpperCase() ) ) {
			out.wikidata = msg( 'partnerships-heroes-wikidata-invalid' );
		}
	} else {
		if ( !state.language.trim() ) {
			out.language = msg( 'partnerships-validation-required' );
		} else if ( !isLanguageTag( state.language.trim().toLowerCase() ) ) {
			out.language = msg( 'partnerships-heroes-language-invalid', isolate( state.language.trim() ) );
		}
		if ( !state.region ) {
			out.region = msg( 'partnerships-validation-required' );
		}
	}
	if ( !state.category ) {
		out.category = msg( 'partnerships-validation-required' );
	}
	const citationLength = characterCount( state.citation.trim() );
	if ( citationLength < CITATION_MIN_LENGTH || citationLength > CITATION_MAX_LENGTH ) {
		out.citation = msg( 'partnerships-heroes-citation-bounds', citationLength, CITATION_MIN_LENGTH, CITATION_MAX_LENGTH );
	}
	const badLanguage = state.languages.find( ( l ) => !isLanguageTag( l ) );
	if ( badLanguage !== undefined ) {
		out.languages = msg( 'partnerships-heroes-language-invalid', isolate( badLanguage ) );
	}
	if ( check.duplicateName !== undefined ) {
		out.duplicate = msg( 'partnerships-heroes-duplicate', isolate( check.duplicateName ) );
	}
	return out;
}

/**
 * Put a draft back into the form, taking only what could have been typed or chosen.
 *
 * @param state The form (changed)
 * @param saved A draft's record as read back from storage (untrusted)
 */
export function restoreNominationForm( state: NominationFormState, saved: unknown ): void {
	if ( typeof saved !== 'object' || saved === null ) {
		return;
	}
	const data = saved as Record<string, unknown>;
	const text = ( key: 'user' | 'name' | 'wikidata' | 'language' | 'citation' ): void => {
		if ( typeof data[ key ] === 'string' ) {
			state[ key ] = data[ key ] as string;
		}
	};
	const list = ( key: 'partnerships' | 'regions' | 'languages', allowed?: readonly string[] ): void => {
		const value = data[ key ];
		if ( Array.isArray( value ) ) {
			state[ key ] = value.filter( ( v ): v is string => typeof v === 'string' && ( !allowed || allowed.includes( v ) ) );
		}
	};
	if ( typeof data.kind === 'string' && ( NOMINEE_KINDS as readonly string[] ).includes( data.kind ) ) {
		state.kind = data.kind as NomineeKind;
	}
	text( 'user' );
	text( 'name' );
	text( 'wikidata' );
	text( 'language' );
	text( 'citation' );
	if ( typeof data.region === 'string' && ( REGIONS as readonly string[] ).includes( data.region ) ) {
		state.region = data.region;
	}
	if ( typeof data.category === 'string' && ( HERO_CATEGORIES as readonly string[] ).includes( data.category ) ) {
		state.category = data.category;
	}
	list( 'partnerships' );
	list( 'regions', REGIONS );
	list( 'languages' );
}

/** A partnership a nomination can name as related (the same shape as RelatedPartnership) */
export interface PartnershipChoice {
	id: string;
	name: string;
}

/**
 * The related partnerships to offer: the chosen ones always (by id when their name is
 * unknown), then those matching the search, a few at a time.
 *
 * @param all Every partnership
 * @param chosen Ids chosen
 * @param query What was searched for
 * @param limit How many matches to offer
 * @return The partnerships to show
 */
export function partnershipChoices(
	all: PartnershipChoice[],
	chosen: string[],
	query: string,
	limit: number,
): PartnershipChoice[] {
	const q = query.trim().toLowerCase();
	const known = all.filter( ( p ) => chosen.includes( p.id ) );
	const matching = q ? all.filter( ( p ) => !chosen.includes( p.id ) &&
		( p.name.toLowerCase().includes( q ) || p.id.includes( q ) ) ).slice( 0, limit ) : [];
	const unknown = chosen.filter( ( id ) => !all.some( ( p ) => p.id === id ) ).map( ( id ) => ( { id, name: id } ) );
	return [ ...known, ...unknown, ...matching ];
}
