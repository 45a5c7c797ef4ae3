/**
 * The panel's entry point: the only code of the app that reads `mw`. It builds the
 * services, provides them, creates its own container and mounts the app there.
 */
// Files beside a ResourceLoader package module are only reachable with require().
/* eslint-disable @typescript-eslint/no-require-imports */
import { createMwApp } from 'vue';
import PartnershipsApp from './components/PartnershipsApp.vue';
import { MwActionApi } from '../shared/api/MwActionApi';
import { PartnershipRepository } from './data/partnershipRepository';
import { LocalStorageDraftStore, accountDraftPrefix } from '../shared/wiki/drafts';
import { FetchWikidataSearch } from './data/wikidataSearch';
import { parsePageLocation } from '../shared/wiki/pageLocation';
import { AppServices, ServicesKey } from './services';
import { recordsApi, recordsCache } from './init/records';
import { contentContainer, setMessageBundle } from '../shared/mw/page';
import { mwWikiContext } from '../shared/mw/wikiContext';
import { WikiContextKey } from '../shared/wikiContext';

const config = require( './partnerships-config.json' );
const bundle = require( './partnerships-messages.json' );

/**
 * @return A new element for the app, placed on this page; null when the page has
 *  no place for it
 */
function createContainer(): HTMLElement | null {
	// Special:Partnerships renders a placeholder of its own; elsewhere the app goes
	// above the page's content.
	const special = document.getElementById( 'partnerships-special' );
	if ( special ) {
		const container = document.createElement( 'div' );
		container.className = 'partnerships-mount';
		special.textContent = '';
		special.appendChild( container );
		return container;
	}
	return contentContainer( 'partnerships-mount' );
}

async function main(): Promise<void> {
	setMessageBundle( bundle );
	const container = createContainer();
	if ( !container ) {
		return;
	}
	const api = new MwActionApi( await recordsApi( config ) );
	const recordsRoot = parsePageLocation( config.PartnershipsRecordsRoot, mw.config.get( 'wgNamespaceIds' ) );
	const drafts = new LocalStorageDraftStore( accountDraftPrefix( 'partnerships-draft:', mw.config.get( 'wgUserName' ) ) );
	const repository = new PartnershipRepository( {
		api,
		root: recordsRoot,
		cache: recordsCache( config ),
		drafts,
		userName: mw.config.get( 'wgUserName' ) ?? undefined,
	} );
	// Read the browser's cache while Vue mounts the app.
	repository.prepare();
	const services: AppServices = {
		...mwWikiContext(),
		api,
		repository,
		drafts,
		wikidata: new FetchWikidataSearch( config.PartnershipsWikidataApi ),
		recordsRoot,
	};
	createMwApp( PartnershipsApp )
		.provide( ServicesKey, services )
		.provide( WikiContextKey, services )
		.mount( container );
}

main().catch( ( e ) => mw.log.error( e ) );
