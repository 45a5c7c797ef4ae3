/**
 * The form's repeatable lists (partners, stewards, obligations, goals, links, summaries),
 * described once: what each row holds, how its fields are laid out and labelled, and the
 * words of its buttons. form/RowListField.vue draws every list from its description.
 * Pure data, so that it is checked without Vue (every key is a message, every field a
 * property of the row).
 */
import { STEWARD_ROLES } from './partnership';
import { PartnershipFormState, RowListName, newRow } from './formModel';

/** The control a field of a row is edited with */
export type RowControl =
	/** One line of text */
	'text' |
	/** A number of zero or more, as typed */
	'number' |
	/** A web address */
	'url' |
	/** Lines of text */
	'textarea' |
	/** An organisation's name, with its Wikidata item when one is chosen */
	'organisation' |
	/** One of `choices` */
	'select';

type RowOf<K extends RowListName> = PartnershipFormState[ K ][ number ];

/** One field of a row. */
export interface RowField<R = Record<string, unknown>> {
	/** The row's property the field edits */
	key: Exclude<keyof R, 'key'> & string;
	/**
	 * Where its errors are, after "<list>/<row>/": the key unless given; '' for the row
	 * itself (a partner is one organisation, so its errors are the row's)
	 */
	path?: string;
	control: RowControl;
	/** Message key of its label */
	label: string;
	/** Whether the label names the row: the message takes the row's number as $1 */
	numbered: boolean;
	/** Message key of a sentence under the label */
	description?: string;
	/** Whether its label says it is optional (it may stay empty in a row that is kept) */
	optional?: boolean;
	/** For a select: the values to choose from */
	choices?: readonly string[];
	/** For a select: a choice's message key is this followed by the value */
	choiceMessage?: string;
	/** A class for a field narrower than the row */
	fieldClass?: string;
}

/** One repeatable list of the form. */
export interface RowListDefinition {
	/** Where its rows are in the form's state, and the field name of its errors */
	list: RowListName;
	/** Message key of its label (a fieldset's legend) */
	label: string;
	/** Message key of a sentence under the label */
	description?: string;
	/** Whether its label says it is optional (the list may be empty) */
	optional?: boolean;
	/** Whether the label is for assistive technology only (a section heading says it) */
	hideLabel?: boolean;
	/** Rows that must stay */
	min?: number;
	/** Message key of the add button */
	addLabel: string;
	/** Message key of a row's remove button; it takes the row's number as $1 */
	removeLabel: string;
	/** The fields of a row, in lines: a line of more than one field is laid out in columns */
	lines: RowField[][];
	/** A new, empty row */
	newRow(): { key: number };
}

/**
 * @param definition A list's description, checked against the rows of its list
 * @return It, for the form to draw
 */
function rowList<K extends RowListName>(
	definition: Omit<RowListDefinition, 'list' | 'lines' | 'newRow'> & {
		list: K;
		lines: RowField<RowOf<K>>[][];
		newRow(): RowOf<K>;
	},
): RowListDefinition {
	return definition as unknown as RowListDefinition;
}

export const PARTNERS = rowList( {
	list: 'partners',
	label: 'partnerships-field-partners',
	description: 'partnerships-form-organisation-description',
	min: 1,
	addLabel: 'partnerships-form-partner-add',
	removeLabel: 'partnerships-form-partner-remove',
	lines: [
		[ { key: 'organisation', path: '', control: 'organisation', label: 'partnerships-form-partner', numbered: true } ],
	],
	newRow: newRow.partner,
} );

export const STEWARDS = rowList( {
	list: 'stewards',
	label: 'partnerships-field-stewards',
	description: 'partnerships-form-stewards-description',
	optional: true,
	addLabel: 'partnerships-form-steward-add',
	removeLabel: 'partnerships-form-steward-remove',
	lines: [ [
		{ key: 'organisation', control: 'organisation', label: 'partnerships-form-steward', numbered: true },
		{
			key: 'role',
			control: 'select',
			label: 'partnerships-form-steward-role',
			numbered: true,
			choices: STEWARD_ROLES,
			// Messages used here:
			// * partnerships-steward-role-lead, partnerships-steward-role-co-lead,
			// * partnerships-steward-role-advisor, partnerships-steward-role-funder,
			// * partnerships-steward-role-fiscal-sponsor, partnerships-steward-role-contact-point,
			// * partnerships-steward-role-other
			choiceMessage: 'partnerships-steward-role-',
		},
	] ],
	newRow: newRow.steward,
} );

export const OBLIGATIONS = rowList( {
	list: 'obligations',
	label: 'partnerships-field-obligations',
	optional: true,
	addLabel: 'partnerships-form-obligation-add',
	removeLabel: 'partnerships-form-obligation-remove',
	lines: [
		[
			{ key: 'party', control: 'text', label: 'partnerships-form-obligation-party', numbered: true },
			{ key: 'role', control: 'text', label: 'partnerships-form-obligation-role', numbered: true, optional: true },
		],
		[ {
			key: 'obligations',
			control: 'textarea',
			label: 'partnerships-form-obligation-list',
			numbered: true,
			description: 'partnerships-form-one-per-line',
			optional: true,
		} ],
	],
	newRow: newRow.obligation,
} );

export const GOALS = rowList( {
	list: 'goals',
	label: 'partnerships-field-goals',
	optional: true,
	hideLabel: true,
	addLabel: 'partnerships-form-goal-add',
	removeLabel: 'partnerships-form-goal-remove',
	lines: [
		[ { key: 'description', control: 'text', label: 'partnerships-form-goal-description', numbered: true } ],
		[
			{ key: 'target', control: 'number', label: 'partnerships-form-goal-target', numbered: false, optional: true },
			{ key: 'achieved', control: 'number', label: 'partnerships-form-goal-achieved', numbered: false, optional: true },
			{ key: 'unit', control: 'text', label: 'partnerships-form-goal-unit', numbered: false, optional: true },
		],
	],
	newRow: newRow.goal,
} );

export const DOCUMENTATION = rowList( {
	list: 'documentation',
	label: 'partnerships-field-documentation',
	optional: true,
	addLabel: 'partnerships-form-link-add',
	removeLabel: 'partnerships-form-link-remove',
	lines: [ [
		{ key: 'label', control: 'text', label: 'partnerships-form-link-label', numbered: true },
		{ key: 'url', control: 'url', label: 'partnerships-form-link-url', numbered: true },
	] ],
	newRow: newRow.link,
} );

export const SUMMARIES = rowList( {
	list: 'summaries',
	label: 'partnerships-field-summary',
	optional: true,
	hideLabel: true,
	addLabel: 'partnerships-form-summary-add',
	removeLabel: 'partnerships-form-summary-remove',
	lines: [
		[ {
			key: 'language',
			control: 'text',
			label: 'partnerships-form-summary-language',
			numbered: true,
			fieldClass: 'partnerships-form__language',
		} ],
		[ { key: 'text', control: 'textarea', label: 'partnerships-form-summary-text', numbered: true } ],
	],
	newRow: () => newRow.summary(),
} );

/** Every repeatable list, in the order of the form */
export const ROW_LISTS: readonly RowListDefinition[] = [
	PARTNERS, STEWARDS, OBLIGATIONS, GOALS, DOCUMENTATION, SUMMARIES,
];
