/**
 * Small things every entry point does with the page: no dependencies beyond `mw`, so
 * that even the badge (plain DOM) can use them without growing.
 */
import { MessageBundle, messagesFor } from '../i18n/messages';

/**
 * Give mw.messages the gadget's message bundle in the reader's language. The extension
 * ships an empty bundle (ResourceLoader delivers its messages), and then nothing is set.
 *
 * @param bundle Messages by language (partnerships-messages.json)
 */
export function setMessageBundle( bundle: MessageBundle ): void {
	if ( Object.keys( bundle ).length ) {
		mw.messages.set( messagesFor( bundle, mw.config.get( 'wgUserLanguage' ) ) );
	}
}

/**
 * @param className Class of the new element
 * @return A new element of ours at the top of the page's content, to mount into; null
 *  when the page has no content area
 */
export function contentContainer( className: string ): HTMLElement | null {
	const content = document.getElementById( 'mw-content-text' );
	if ( !content ) {
		return null;
	}
	const container = document.createElement( 'div' );
	container.className = className;
	content.insertBefore( container, content.firstChild );
	return container;
}
