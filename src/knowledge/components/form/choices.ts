import type { MenuItemData } from '@wikimedia/codex';
import type { MessageFunction } from '../../../shared/wikiContext';

/**
 * @param values The values to choose from
 * @param messagePrefix A value's label is the message of this key followed by the value
 * @param message The services' message function
 * @return Menu items (for a CdxSelect) or checkbox choices, labelled
 */
export function choiceItems(
	values: readonly string[],
	messagePrefix: string,
	message: MessageFunction,
): MenuItemData[] {
	return values.map( ( value ) => ( { value, label: message( messagePrefix + value ) } ) );
}
