/**
 * The donation badge: plain DOM (no Vue, no Codex) styled with Codex design tokens,
 * loaded by the page-view loader only on pages that show donated content. A click on
 * its button loads the recognition dialog (Vue and Codex load only then).
 */
// Files beside a ResourceLoader package module are only reachable with require().
/* eslint-disable @typescript-eslint/no-require-imports */
import './badge.less';
import { messagesFor } from '../domain/messages';
import { recordUrl } from './shared/mwLinks';

const bundle = require( './partnerships-messages.json' );
const config = require( './partnerships-config.json' );

/** What the loader found: a record of the donations index */
export interface BadgeHit {
	/** Record id (page name after Records/) */
	id: string;
	/** Name of the partnership */
	partnership: string;
	/** The donor institution */
	institution: string;
	/** A Commons file name for the institution's logo, if the record names one */
	logo?: string;
	/** The donation's categories (spaces, no "Category:") */
	categories: string[];
}

const FILE_NAME = /^[^#<>[\]|{}/:]+\.(png|jpe?g|svg|gif|webp)$/i;

function element<K extends keyof HTMLElementTagNameMap>(
	tag: K,
	className: string,
	text?: string,
): HTMLElementTagNameMap[ K ] {
	const node = document.createElement( tag );
	node.className = className;
	if ( text !== undefined ) {
		node.textContent = text;
	}
	return node;
}

/**
 * @param marker The page's marker element, if any (from Template:Partnership donation)
 * @return A container of ours for the badge, placed on the page
 */
function container( marker: Element | null ): HTMLElement | null {
	const box = element( 'div', 'partnerships-badge-host' );
	if ( marker ) {
		// The marker reserves the badge's space; the badge goes inside it.
		marker.appendChild( box );
		return box;
	}
	// Found by category: after the page's content, where adding it moves nothing above.
	const content = document.getElementById( 'mw-content-text' );
	if ( !content ) {
		return null;
	}
	content.appendChild( box );
	return box;
}

/**
 * Show the badge.
 *
 * @param hit The donation the loader found
 * @param marker The page's marker element, if any
 */
export function show( hit: BadgeHit, marker: Element | null ): void {
	const language = mw.config.get( 'wgUserLanguage' );
	if ( Object.keys( bundle ).length ) {
		mw.messages.set( messagesFor( bundle, language ) );
	}
	const msg = ( key: string, ...params: string[] ): string => mw.message( key, ...params ).text();
	const host = container( marker );
	if ( !host ) {
		return;
	}
	const badge = element( 'aside', 'partnerships-badge' );
	badge.setAttribute( 'aria-label', msg( 'partnerships-badge-label' ) );
	if ( hit.logo && FILE_NAME.test( hit.logo ) ) {
		const logo = element( 'img', 'partnerships-badge__logo' );
		logo.alt = '';
		logo.width = 48;
		logo.height = 48;
		logo.src = `https://commons.wikimedia.org/wiki/Special:FilePath/${ encodeURIComponent( hit.logo ) }?width=96`;
		badge.appendChild( logo );
	}
	const text = element( 'div', 'partnerships-badge__text' );
	text.appendChild( element( 'strong', 'partnerships-badge__institution', msg( 'partnerships-badge-donated-by', hit.institution ) ) );
	text.appendChild( element( 'span', 'partnerships-badge__partnership', msg( 'partnerships-badge-part-of', hit.partnership ) ) );
	text.appendChild( element( 'span', 'partnerships-badge__thanks', msg( 'partnerships-badge-thanks', hit.institution ) ) );
	badge.appendChild( text );

	const actions = element( 'div', 'partnerships-badge__actions' );
	const link = element( 'a', 'partnerships-badge__record', msg( 'partnerships-badge-record' ) );
	link.href = recordUrl( hit.id, config );
	actions.appendChild( link );
	const button = element( 'button', 'partnerships-badge__button', msg( 'partnerships-badge-achieved' ) );
	button.type = 'button';
	button.addEventListener( 'click', () => {
		const name = mw.loader.getState( 'ext.partnerships.recognition' ) !== null ?
			'ext.partnerships.recognition' :
			'ext.gadget.partnerships-recognition';
		button.disabled = true;
		mw.loader.using( name ).then( ( req ) => {
			button.disabled = false;
			req( name ).open( { ...hit, recordUrl: link.href }, { returnFocus: button } );
		}, () => {
			button.disabled = false;
		} );
	} );
	actions.appendChild( button );
	badge.appendChild( actions );
	host.appendChild( badge );
}
