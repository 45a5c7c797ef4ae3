/**
 * The donation badge's DOM: plain DOM (no Vue, no Codex) styled with Codex design
 * tokens. It reads nothing of `mw`: messages, links and the dialog come in as
 * arguments from the badge's init code, so that it runs in a test without a wiki.
 */
import './badge.less';
import { MessageFunction, isolate } from '../../shared/i18n/messages';
import type { DonationHit, LinkedDonation } from '../domain/donations';

// A logo: a file name as the record schema allows it (no "File:", none of the characters
// MediaWiki forbids in titles, an image extension), checked again here because the index
// is a wiki page anyone with the right can edit.
// eslint-disable-next-line no-control-regex
const FILE_NAME = /^[^#<>[\]|{}/:\\\u0000-\u001f\u007f]{1,236}\.(?:png|jpe?g|svg|gif|webp)$/i;
/** The logo's box, in CSS pixels: fixed, so that nothing moves when the image arrives */
export const LOGO_SIZE = 48;

/** Opens the recognition dialog (its module's open()) */
export type OpenDialog = ( hit: LinkedDonation, options: { returnFocus: HTMLElement } ) => void;

export interface BadgeOptions {
	/** The donation the loader found */
	hit: DonationHit;
	/** The page's marker element, if any (from Template:Partnership donation) */
	marker: Element | null;
	/** A message as plain text */
	message: MessageFunction;
	/** A link to the donation's record */
	recordUrl: string;
	/**
	 * @param file A logo's file name, checked
	 * @return Where the logo is, LOGO_SIZE * 2 pixels wide
	 */
	logoUrl( file: string ): string;
	/** Loads the recognition dialog, the first time the button is pressed */
	loadDialog(): PromiseLike<OpenDialog>;
}

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
 * @param box The badge's container
 * @param marker The page's marker element, if any (from Template:Partnership donation)
 * @return Whether the container was placed on the page
 */
function place( box: HTMLElement, marker: Element | null ): boolean {
	// Space reserved before the first paint: the marker template's, or (with the
	// extension, on a page found by category) the empty slot the server put at the top of
	// the content. The badge goes inside, and nothing on the page moves.
	const slot = marker || document.querySelector( '.partnerships-badge-slot' );
	if ( slot ) {
		slot.appendChild( box );
		return true;
	}
	// Found by category with the gadgets: no server code reserved a place, and the badge
	// arrives after the first paint, so anything put above what the reader sees would push
	// it down (a layout shift). So the badge goes where nothing the reader sees comes
	// after it: below the content and its category links when that point is under the
	// bottom of the window (on most file pages the image, its history and its usage fill
	// the screen); on a page short enough to end on screen, right after the footer, the
	// last thing on the page: the page grows, nothing moves. The browser tests measure it
	// (Cumulative Layout Shift).
	const content = document.getElementById( 'mw-content-text' );
	if ( !content ) {
		return false;
	}
	const catlinks = document.getElementById( 'catlinks' );
	const after = catlinks && catlinks.parentNode ? catlinks : content;
	const footer = document.querySelector( '#footer, .mw-footer, #mw-footer' );
	if ( footer && after.getBoundingClientRect().bottom < window.innerHeight ) {
		box.className += ' partnerships-badge-host--end';
		footer.after( box );
	} else if ( after === content ) {
		content.appendChild( box );
	} else {
		after.after( box );
	}
	return true;
}

/**
 * @param file A logo file name (from the index: untrusted, checked)
 * @param logoUrl Where a checked file is
 * @return An image of the logo, or null
 */
function logoImage( file: string | undefined, logoUrl: BadgeOptions[ 'logoUrl' ] ): HTMLImageElement | null {
	if ( !file || !FILE_NAME.test( file ) ) {
		return null;
	}
	const image = element( 'img', 'partnerships-badge__logo' );
	// The institution is named in the text beside it.
	image.alt = '';
	image.width = LOGO_SIZE;
	image.height = LOGO_SIZE;
	image.setAttribute( 'loading', 'lazy' );
	image.setAttribute( 'decoding', 'async' );
	// A file that fails to load keeps its box (no shift) but shows no broken image.
	image.addEventListener( 'error', () => {
		image.style.visibility = 'hidden';
	} );
	image.src = logoUrl( file );
	return image;
}

/**
 * Build the badge and put it on the page.
 *
 * @param options What it shows and does
 * @return The badge (the `aside`), placed on the page when the page has a place for it
 */
export function renderBadge( options: BadgeOptions ): HTMLElement {
	const { hit, message: msg } = options;
	const host = element( 'div', 'partnerships-badge-host' );
	const badge = element( 'aside', 'partnerships-badge' );
	badge.setAttribute( 'aria-label', msg( 'partnerships-badge-label' ) );
	const logo = logoImage( hit.logo, options.logoUrl );
	if ( logo ) {
		badge.appendChild( logo );
	}
	const text = element( 'div', 'partnerships-badge__text' );
	// Names from records are bidi-isolated: an RTL name, or a direction override left
	// open in one, cannot reorder the sentence around it.
	const institution = isolate( hit.institution );
	const partnership = isolate( hit.partnership );
	text.appendChild( element( 'strong', 'partnerships-badge__institution', msg( 'partnerships-badge-donated-by', institution ) ) );
	text.appendChild( element( 'span', 'partnerships-badge__partnership', msg( 'partnerships-badge-part-of', partnership ) ) );
	text.appendChild( element( 'span', 'partnerships-badge__thanks', msg( 'partnerships-badge-thanks', institution ) ) );
	badge.appendChild( text );

	const actions = element( 'div', 'partnerships-badge__actions' );
	const link = element( 'a', 'partnerships-badge__record', msg( 'partnerships-badge-record' ) );
	link.href = options.recordUrl;
	actions.appendChild( link );
	const button = element( 'button', 'partnerships-badge__button', msg( 'partnerships-badge-achieved' ) );
	button.type = 'button';
	button.addEventListener( 'click', () => {
		button.disabled = true;
		options.loadDialog().then( ( open ) => {
			button.disabled = false;
			open( { ...hit, recordUrl: link.href }, { returnFocus: button } );
		}, () => {
			button.disabled = false;
		} );
	} );
	actions.appendChild( button );
	badge.appendChild( actions );
	host.appendChild( badge );
	// Built whole, then placed: one layout.
	place( host, options.marker );
	return badge;
}
