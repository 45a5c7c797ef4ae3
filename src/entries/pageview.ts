/**
 * The page-view loader: runs on every page view, so it stays tiny, has no
 * dependencies and makes no request unless this page needs the app.
 */
// Files beside a ResourceLoader package module are only reachable with require().
/* eslint-disable @typescript-eslint/no-require-imports */
import { isLocation, parsePageLocation } from '../domain/pageLocation';

const config = require( './partnerships-config.json' );
const root = parsePageLocation( config.PartnershipsRecordsRoot, mw.config.get( 'wgNamespaceIds' ) );

if (
	mw.config.get( 'wgAction' ) === 'view' &&
	isLocation( root, mw.config.get( 'wgNamespaceNumber' ), mw.config.get( 'wgTitle' ) )
) {
	// The extension registers its module; on a wiki with the gadgets it is the gadget.
	mw.loader.load( mw.loader.getState( 'ext.partnerships.app' ) ?
		'ext.partnerships.app' :
		'ext.gadget.partnerships-app' );
}
