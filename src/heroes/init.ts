/**
 * The community-heroes entry point, loaded by the page-view loader on <root>/Heroes:
 * the only code of the hall of heroes that reads `mw`. It builds the services, provides
 * them, creates its own container above the page's content and mounts the app there.
 */
// Files beside a ResourceLoader package module are only reachable with require().
/* eslint-disable @typescript-eslint/no-require-imports */
import { createMwApp } from 'vue';
import HeroesApp from './components/HeroesApp.vue';
import { MwActionApi } from '../shared/api/MwActionApi';
import { HeroesRepository } from './data/heroesRepository';
import { readPartnerships, recordUrl, recordsApi, recordsCache } from '../knowledge';
import { LocalStorageDraftStore, accountDraftPrefix } from '../shared/wiki/drafts';
import { parsePageLocation } from '../shared/wiki/pageLocation';
import { DEFAULT_THRESHOLD, mayCelebrate } from './domain/heroes';
import { HeroesServices, HeroesServicesKey, RelatedPartnership } from './services';
import { contentContainer, setMessageBundle } from '../shared/mw/page';
import { mwWikiContext } from '../shared/mw/wikiContext';
import { WikiContextKey } from '../shared/wikiContext';
import {
	PlainMessage, buildTalkMessage, plainMessageFrom, talkMessageKeys, talkMessageParts,
} from './domain/talkMessage';
import { messagesFor } from '../shared/i18n/messages';
import { returnToQuery, viewCarriedBack } from './domain/heroesView';

const config = require( './partnerships-config.json' );
const bundle = require( './partnerships-messages.json' );

/**
 * @param root The records root
 * @return Names of the knowledge base's partnerships, read once (from the browser's
 *  cache of records when the panel left one) the first time they are asked for
 */
function partnershipNames( root: ReturnType<typeof parsePageLocation> ): () => Promise<RelatedPartnership[]> {
	let names: Promise<RelatedPartnership[]> | null = null;
	return () => {
		names = names ?? ( async () => {
			const api = await recordsApi( config );
			const { entries } = await readPartnerships( {
				api: new MwActionApi( api ),
				root,
				cache: recordsCache( config ),
			} );
			return entries.flatMap( ( e ) => e.valid ? [ { id: e.id, name: e.record.name } ] : [] )
				.sort( ( a, b ) => a.name.localeCompare( b.name ) );
		} )();
		// A failed read may be tried again.
		names.catch( () => {
			names = null;
		} );
		return names;
	};
}

/**
 * The talk-page message's texts in the wiki's content language: the reader's own when
 * that is the same; else from the gadget's bundle, or (the extension) from the wiki.
 *
 * @param userLanguage The reader's language
 * @return A function to read them, once they are here
 */
function contentMessagesOf( userLanguage: string ): () => Promise<PlainMessage> {
	const contentLanguage: string = mw.config.get( 'wgContentLanguage' );
	let texts: Promise<Record<string, string | undefined>> | null = null;
	return async () => {
		if ( contentLanguage === userLanguage ) {
			return ( key, ...params ) => mw.message( key, ...params ).plain();
		}
		texts = texts ?? ( Object.keys( bundle ).length ?
			Promise.resolve( messagesFor( bundle, contentLanguage ) ) :
			Promise.resolve( new mw.Api().getMessages( talkMessageKeys(), { amlang: contentLanguage } ) ) );
		// A failed read may be tried again.
		texts.catch( () => {
			texts = null;
		} );
		return plainMessageFrom( await texts );
	};
}

async function main(): Promise<void> {
	// Back from logging in: the view in the fragment again, before anything reads it.
	const back = viewCarriedBack( new URL( location.href ) );
	if ( back !== null ) {
		history.replaceState( history.state, '', back );
	}
	const language = mw.config.get( 'wgUserLanguage' );
	setMessageBundle( bundle );
	const container = contentContainer( 'partnerships-heroes-mount' );
	if ( !container ) {
		return;
	}
	// Temporary accounts and IP editors act on nothing here (one person, one endorsement):
	// they are shown the view of a logged-out reader, with the way to a named account.
	const userName: string | null = mw.user.isNamed() ? mw.config.get( 'wgUserName' ) : null;
	const policy = {
		rights: config.PartnershipsCelebrateRights ?? [],
		groups: config.PartnershipsCelebrateGroups ?? [],
	};
	const threshold = Number( config.PartnershipsHeroesThreshold ) || DEFAULT_THRESHOLD;
	const rights = userName === null ? [] : await mw.user.getRights();
	const canCelebrate = userName !== null && mayCelebrate( { rights, groups: mw.config.get( 'wgUserGroups' ) || [] }, policy );
	const contentMessages = contentMessagesOf( language );
	const root = parsePageLocation( config.PartnershipsRecordsRoot, mw.config.get( 'wgNamespaceIds' ) );
	const services: HeroesServices = {
		...mwWikiContext(),
		userName,
		heroes: new HeroesRepository( {
			api: new MwActionApi( new mw.Api() ),
			root,
			policy,
			threshold,
			userName,
		} ),
		// A prefix of its own: the panel lists every draft under its prefix as a record's.
		drafts: new LocalStorageDraftStore( accountDraftPrefix( 'partnerships-heroes-draft:', userName ) ),
		partnerships: partnershipNames( root ),
		canCelebrate,
		threshold,
		loginUrl: ( view ) => {
			// The view comes back through the login page as a query (see viewCarriedBack).
			const query = returnToQuery( view );
			return mw.util.getUrl( 'Special:UserLogin', {
				returnto: mw.config.get( 'wgPageName' ),
				...( query ? { returntoquery: query } : {} ),
			} );
		},
		recordUrl: ( id ) => recordUrl( id, config ),
		plainMessage: ( key, ...params ) => mw.message( key, ...params ).plain(),
		talkMessage: async ( nomination ) => {
			if ( nomination.record.nominee.kind !== 'user' ) {
				return null;
			}
			const plain = await contentMessages();
			try {
				// Messages used here: partnerships-heroes-category-* (one per HERO_CATEGORIES value)
				const category = plain( `partnerships-heroes-category-${ nomination.record.category }` );
				const parts = talkMessageParts( nomination, category, plain( 'partnerships-heroes-talk-link' ) );
				return buildTalkMessage( parts, plain );
			} catch ( e ) {
				// A name or title that cannot be written safely: celebrate without a message.
				mw.log.warn( e );
				return null;
			}
		},
	};
	createMwApp( HeroesApp )
		.provide( HeroesServicesKey, services )
		.provide( WikiContextKey, services )
		.mount( container );
}

main().catch( ( e ) => mw.log.error( e ) );
