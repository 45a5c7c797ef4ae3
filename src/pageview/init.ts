/**
 * The page-view loader: runs on every page view, so it stays tiny, has no
 * dependencies and makes no request unless this page needs something: the app on the
 * records page, the hall of heroes on <root>/Heroes, the badge on donated content (found from the page's marker or its
 * categories, against the donations index shipped with this module), the wall where a
 * page shows one.
 */
// Files beside a ResourceLoader package module are only reachable with require().
/* eslint-disable @typescript-eslint/no-require-imports */
import { isLocation, parsePageLocation } from '../shared/wiki/pageLocation';
import { findDonation } from '../recognition';

const config = require( './partnerships-config.json' );
const root = parsePageLocation( config.PartnershipsRecordsRoot, mw.config.get( 'wgNamespaceIds' ) );
// The extension registers its modules; on a wiki with the gadgets they are gadgets.
const extension = mw.loader.getState( 'ext.partnerships.app' ) !== null;
const moduleName = ( name: string ): string => extension ? `ext.partnerships.${ name }` : `ext.gadget.partnerships-${ name }`;

if ( mw.config.get( 'wgAction' ) === 'view' ) {
	if ( isLocation( root, mw.config.get( 'wgNamespaceNumber' ), mw.config.get( 'wgTitle' ) ) ) {
		mw.loader.load( moduleName( 'app' ) );
	}
	if ( isLocation( { namespace: root.namespace, title: root.title + '/Heroes' }, mw.config.get( 'wgNamespaceNumber' ), mw.config.get( 'wgTitle' ) ) ) {
		mw.loader.load( moduleName( 'heroes' ) );
	}
	const marker = document.querySelector( '.partnerships-donation[data-partnership]' );
	const hit = findDonation( require( './partnerships-donations.json' ), {
		categories: mw.config.get( 'wgCategories' ) || [],
		marker: marker && marker.getAttribute( 'data-partnership' ),
	} );
	if ( hit ) {
		const badge = moduleName( 'badge' );
		mw.loader.using( badge ).then( ( req ) => req( badge ).show( hit, marker ) );
	}
	if ( document.querySelector( '.partnerships-wall' ) ) {
		mw.loader.load( moduleName( 'wall' ) );
	}
}
