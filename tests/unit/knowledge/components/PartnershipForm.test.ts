// The partnership form as a whole (container, sections, row lists, drafts and saving), mounted
// with the services a page would give it. One file (over 400 lines) because each case drives
// the same mounted form through a person's steps; the parts have their own tests beside.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DOMWrapper, flushPromises, mount, VueWrapper } from '@vue/test-utils';
import { ref } from 'vue';
import { CdxSelect } from '@wikimedia/codex';
import PartnershipForm from '../../../../src/knowledge/components/PartnershipForm.vue';
import ConflictResolver from '../../../../src/knowledge/components/ConflictResolver.vue';
import { AppServices, ServicesKey } from '../../../../src/knowledge/services';
import { PartnershipStore, StoreKey } from '../../../../src/knowledge/composables/usePartnershipStore';
import { MemoryDraftStore } from '../../../../src/shared/wiki/drafts';
import type { RecordEntry, SaveOutcome, SaveRequest } from '../../../../src/knowledge/data/partnershipRepository';
import { Partnership, normalisePartnership } from '../../../../src/knowledge/domain/partnership';
import type { WikidataHit } from '../../../../src/knowledge/data/wikidataSearch';
import { fakeServices } from '../../../support/fakes';

const hostile = '<img src=x onerror="window.pwned=1">';

function record( extra: Partial<Partnership> = {} ): Partnership {
	return normalisePartnership( {
		schema: 'partnership/1',
		name: 'Musée d’Orsay',
		partners: [ { label: 'Musée d’Orsay', wikidata: 'Q23402' } ],
		type: 'glam',
		status: 'active',
		...extra,
	} );
}

function entry( id: string, rec: Partnership, revid = 10 ): RecordEntry {
	return { pageid: revid, title: `Project:Partnerships/Records/${ id }`, id, revid, timestamp: '2026-11-01T00:00:00Z', valid: true, record: rec };
}

const saved = ( id: string, rec: Partnership ): SaveOutcome => ( { status: 'saved', entry: entry( id, rec, 99 ), merged: false, attempts: 1 } );

interface Setup {
	entries?: RecordEntry[];
	outcomes?: SaveOutcome[];
	services?: Partial<AppServices>;
}

/** A store stand-in: the entries given, and saves answered in turn with the outcomes given. */
function fakeStore( entries: RecordEntry[], outcomes: SaveOutcome[] ): PartnershipStore & { save: ReturnType<typeof vi.fn> } {
	const list = ref( entries );
	return {
		entries: list,
		state: ref( 'ready' ),
		progress: ref( { loaded: entries.length, requests: 1 } ),
		error: ref( null ),
		lastOpen: ref( null ),
		open: () => Promise.resolve(),
		find: ( id: string ) => list.value.find( ( e ) => e.id === id ),
		save: vi.fn( async ( request: SaveRequest ): Promise<SaveOutcome> => {
			const next = outcomes.shift();
			return next ?? saved( request.id, request.record );
		} ),
	} as PartnershipStore & { save: ReturnType<typeof vi.fn> };
}

function mountForm( props: { id: string | null }, setup: Setup = {} ): { wrapper: VueWrapper; store: ReturnType<typeof fakeStore>; services: AppServices } {
	const store = fakeStore( setup.entries ?? [], setup.outcomes ?? [] );
	const services = fakeServices( {
		userName: 'Alice',
		drafts: new MemoryDraftStore(),
		wikidata: { search: (): Promise<WikidataHit[]> => Promise.resolve( [] ) },
		...setup.services,
	} );
	const wrapper = mount( PartnershipForm, {
		props,
		attachTo: document.body,
		global: {
			provide: { [ ServicesKey as symbol ]: services, [ StoreKey as symbol ]: store },
			// Transitions rendered for real, so that CdxMessage's attributes land on its element.
			stubs: { transition: false },
		},
	} );
	return { wrapper, store, services };
}

/** The CdxField whose label is the message given. */
function field( wrapper: VueWrapper, label: string ): DOMWrapper<Element> {
	const found = wrapper.findAll( '.cdx-field' ).filter( ( f ) => {
		const own = f.find( '.cdx-label__label__text' );
		return own.exists() && own.text() === label;
	} );
	expect( found, `field labelled ${ label }` ).toHaveLength( 1 );
	return found[ 0 ];
}

function input( wrapper: VueWrapper, label: string ): DOMWrapper<HTMLInputElement> {
	return field( wrapper, label ).find( 'input' ) as DOMWrapper<HTMLInputElement>;
}

function button( wrapper: VueWrapper, text: string ): DOMWrapper<Element> {
	const found = wrapper.findAll( 'button' ).filter( ( b ) => b.text() === text );
	expect( found, `button ${ text }` ).toHaveLength( 1 );
	return found[ 0 ];
}

async function settle(): Promise<void> {
	// Validation runs 200 ms after the last change.
	await new Promise( ( resolve ) => {
		setTimeout( resolve, 220 );
	} );
	await flushPromises();
}

function errorText( f: DOMWrapper<Element> ): string | null {
	const message = f.find( '.cdx-field__validation-message' );
	return message.exists() ? message.text() : null;
}

afterEach( () => {
	document.body.innerHTML = '';
	vi.restoreAllMocks();
} );

describe( 'PartnershipForm', () => {
	it( 'asks a logged-out reader to log in, and shows no form', () => {
		const { wrapper } = mountForm( { id: null }, { services: { userName: null } } );
		expect( wrapper.find( '.cdx-message' ).text() ).toBe( '(partnerships-form-login-required)' );
		expect( wrapper.find( 'form' ).exists() ).toBe( false );
	} );

	it( 'groups the fields in sections with headings, and uses no positive tabindex', () => {
		const { wrapper } = mountForm( { id: null } );
		expect( wrapper.find( 'h2' ).text() ).toBe( '(partnerships-form-create-title)' );
		const headings = wrapper.findAll( 'section > h3' ).map( ( h ) => h.text() );
		expect( headings ).toEqual( [
			'(partnerships-form-section-about)',
			'(partnerships-form-section-organisations)',
			'(partnerships-form-section-scope)',
			'(partnerships-form-section-agreement)',
			'(partnerships-field-goals)',
			'(partnerships-field-donation)',
			'(partnerships-field-lessons)',
			'(partnerships-form-section-links)',
			'(partnerships-field-summary)',
			'(partnerships-form-section-save)',
		] );
		for ( const section of wrapper.findAll( 'section' ) ) {
			expect( section.attributes( 'aria-labelledby' ) ).toBe( section.find( 'h3' ).attributes( 'id' ) );
		}
		const tabindexes = wrapper.findAll( '[tabindex]' ).map( ( e ) => Number( e.attributes( 'tabindex' ) ) );
		expect( tabindexes.every( ( t ) => t <= 0 ) ).toBe( true );
		// Regions and priorities are checkbox groups labelled from messages.
		expect( field( wrapper, '(partnerships-field-regions)' ).element.tagName ).toBe( 'FIELDSET' );
		expect( field( wrapper, '(partnerships-field-regions)' ).text() ).toContain( '(partnerships-region-150)' );
		expect( field( wrapper, '(partnerships-field-priorities)' ).text() ).toContain( '(partnerships-priority-gender-gap)' );
	} );

	it( 'creates a record: builds the save request from the fields and reports the id', async () => {
		const { wrapper, store } = mountForm( { id: null }, {
			entries: [ entry( 'musee-d-orsay', record() ) ],
		} );
		await input( wrapper, '(partnerships-field-name)' ).setValue( 'Musée d’Orsay' );
		await input( wrapper, '(partnerships-form-partner: 1)' ).setValue( 'Musée d’Orsay' );
		await button( wrapper, '(partnerships-form-partner-add)' ).trigger( 'click' );
		await flushPromises();
		// Keyboard users land in the row they added.
		expect( document.activeElement ).toBe( input( wrapper, '(partnerships-form-partner: 2)' ).element );
		await input( wrapper, '(partnerships-form-partner: 2)' ).setValue( 'Wikimédia France' );
		wrapper.findAllComponents( CdxSelect )[ 0 ].vm.$emit( 'update:selected', 'glam' );
		wrapper.findAllComponents( CdxSelect )[ 1 ].vm.$emit( 'update:selected', 'active' );
		await input( wrapper, '(partnerships-field-start)' ).setValue( '2026-01-15' );

		await field( wrapper, '(partnerships-field-themes)' ).find( 'textarea' ).setValue( 'Impressionism\n' );
		// Lower case is normalised; duplicates and blank lines dropped.
		await field( wrapper, '(partnerships-field-countries)' ).find( 'textarea' ).setValue( 'fr\n\nFR' );
		await field( wrapper, '(partnerships-field-regions)' ).find( 'input[value="150"]' ).setValue( true );
		await field( wrapper, '(partnerships-field-priorities)' ).find( 'input[value="open-access"]' ).setValue( true );

		await field( wrapper, '(partnerships-field-values)' ).find( 'textarea' ).setValue( 'Openness\n\n  Respect  \n' );
		await button( wrapper, '(partnerships-form-goal-add)' ).trigger( 'click' );
		await input( wrapper, '(partnerships-form-goal-description: 1)' ).setValue( 'Upload paintings' );
		const goalRow = wrapper.findAll( '.partnerships-rows__row' ).find( ( r ) => r.text().includes( 'partnerships-form-goal-target' ) )!;
		await goalRow.findAll( 'input[type="number"]' )[ 0 ].setValue( '500' );
		await field( wrapper, '(partnerships-field-lessons-advice)' ).find( 'textarea' ).setValue( 'Start small' );
		await button( wrapper, '(partnerships-form-link-add)' ).trigger( 'click' );
		await input( wrapper, '(partnerships-form-link-label: 1)' ).setValue( 'Report' );
		await input( wrapper, '(partnerships-form-link-url: 1)' ).setValue( 'https://example.org/report' );
		// The summary row starts in the reader's language.
		expect( input( wrapper, '(partnerships-form-summary-language: 1)' ).element.value ).toBe( 'en' );
		await field( wrapper, '(partnerships-form-summary-text: 1)' ).find( 'textarea' ).setValue( 'Paintings on Commons.' );
		await input( wrapper, '(partnerships-form-edit-summary)' ).setValue( 'New partnership' );

		await wrapper.find( 'form' ).trigger( 'submit' );
		await flushPromises();

		expect( wrapper.findAll( '.cdx-field__validation-message' ).map( ( m ) => m.text() ) ).toEqual( [] );
		expect( store.save ).toHaveBeenCalledTimes( 1 );
		const request: SaveRequest = store.save.mock.calls[ 0 ][ 0 ];
		expect( request.id ).toBe( 'musee-d-orsay-2' );
		expect( request.base ).toBeNull();
		expect( request.summary ).toBe( 'New partnership' );
		expect( request.record ).toEqual( {
			schema: 'partnership/1',
			name: 'Musée d’Orsay',
			partners: [ { label: 'Musée d’Orsay' }, { label: 'Wikimédia France' } ],
			type: 'glam',
			themes: [ 'Impressionism' ],
			stewards: [],
			regions: [ '150' ],
			countries: [ 'FR' ],
			languages: [],
			priorities: [ 'open-access' ],
			status: 'active',
			start: '2026-01-15',
			values: [ 'Openness', 'Respect' ],
			obligations: [],
			goals: [ { description: 'Upload paintings', target: 500 } ],
			lessons: { worked: '', didNotWork: '', advice: 'Start small' },
			documentation: [ { label: 'Report', url: 'https://example.org/report' } ],
			contacts: [],
			summary: { en: 'Paintings on Commons.' },
		} );
		expect( wrapper.emitted( 'saved' ) ).toEqual( [ [ 'musee-d-orsay-2' ] ] );
	} );

	it( 'edits the donor\'s logo: a file name, "File:" and underscores taken off, a bad one shown on its field', async () => {
		const rijks = record( { donation: { categories: [ 'Images from the Rijksmuseum' ], licence: 'CC0' } } );
		const { wrapper, store } = mountForm( { id: 'rijks' }, { entries: [ entry( 'rijks', rijks ) ] } );
		await flushPromises();
		const logo = input( wrapper, '(partnerships-field-donation-logo)' );
		expect( field( wrapper, '(partnerships-field-donation-logo)' ).text() ).toContain( '(partnerships-form-logo-description)' );
		await logo.setValue( 'Report.pdf' );
		await logo.trigger( 'focusout' );
		await settle();
		expect( errorText( field( wrapper, '(partnerships-field-donation-logo)' ) ) ).toBe( '(partnerships-validation-pattern)' );
		await logo.setValue( 'File:Rijksmuseum_logo.svg' );
		await settle();
		expect( errorText( field( wrapper, '(partnerships-field-donation-logo)' ) ) ).toBeNull();
		await wrapper.find( 'form' ).trigger( 'submit' );
		await flushPromises();
		expect( store.save ).toHaveBeenCalledTimes( 1 );
		expect( store.save.mock.calls[ 0 ][ 0 ].record.donation ).toEqual( {
			categories: [ 'Images from the Rijksmuseum' ], licence: 'CC0', logo: 'Rijksmuseum logo.svg',
		} );
	} );

	it( 'shows errors on the right field only after it was touched or a save was tried', async () => {
		const { wrapper, store } = mountForm( { id: null } );
		await settle();
		// Nothing on first render, though the name and partners are missing.
		expect( wrapper.findAll( '.cdx-field__validation-message' ) ).toHaveLength( 0 );

		const name = field( wrapper, '(partnerships-field-name)' );
		await name.find( 'input' ).trigger( 'focus' );
		await name.find( 'input' ).trigger( 'focusout' );
		await settle();
		expect( errorText( field( wrapper, '(partnerships-field-name)' ) ) ).toBe( '(partnerships-validation-minLength: 1)' );
		expect( wrapper.findAll( '.cdx-field__validation-message' ) ).toHaveLength( 1 );

		// A bad end date, touched: its own error, on its own field.
		await input( wrapper, '(partnerships-field-start)' ).setValue( '2026-05-01' );
		const end = input( wrapper, '(partnerships-field-end)' );
		await end.setValue( '2026-01-01' );
		await end.trigger( 'focusout' );
		await settle();
		expect( errorText( field( wrapper, '(partnerships-field-end)' ) ) ).toBe( '(partnerships-validation-date-order: 2026-05-01)' );
		expect( errorText( field( wrapper, '(partnerships-field-start)' ) ) ).toBeNull();
		expect( errorText( field( wrapper, '(partnerships-field-partners)' ) ) ).toBeNull();

		// Saving shows every error, announces how many, focuses the first and saves nothing.
		await wrapper.find( 'form' ).trigger( 'submit' );
		await flushPromises();
		expect( store.save ).not.toHaveBeenCalled();
		const summary = wrapper.find( '.partnerships-form__summary' );
		expect( summary.text() ).toBe( '(partnerships-form-error-summary: 3)' );
		expect( summary.attributes( 'role' ) ).toBe( 'alert' );
		expect( errorText( field( wrapper, '(partnerships-field-partners)' ) ) ).toBe( '(partnerships-validation-minItems: 1)' );
		expect( document.activeElement ).toBe( input( wrapper, '(partnerships-field-name)' ).element );

		// A partner row with a malformed Wikidata id gets the error on that row.
		await input( wrapper, '(partnerships-field-name)' ).setValue( 'Fixed' );
		await input( wrapper, '(partnerships-form-partner: 1)' ).setValue( 'Someone' );
		await settle();
		expect( errorText( field( wrapper, '(partnerships-field-name)' ) ) ).toBeNull();
		expect( errorText( field( wrapper, '(partnerships-field-partners)' ) ) ).toBeNull();
		expect( wrapper.find( '.partnerships-form__summary' ).exists() ).toBe( true );
		await end.setValue( '' );
		await settle();
		expect( wrapper.find( '.partnerships-form__summary' ).exists() ).toBe( false );
	} );

	it( 'maps errors inside rows to that row', async () => {
		const { wrapper } = mountForm( { id: null } );
		await button( wrapper, '(partnerships-form-goal-add)' ).trigger( 'click' );
		await button( wrapper, '(partnerships-form-goal-add)' ).trigger( 'click' );
		await input( wrapper, '(partnerships-form-goal-description: 2)' ).setValue( 'Second' );
		const rows = wrapper.findAll( '.partnerships-rows__row' ).filter( ( r ) => r.text().includes( 'partnerships-form-goal-target' ) );
		await rows[ 1 ].findAll( 'input[type="number"]' )[ 1 ].setValue( '-3' );
		await wrapper.find( 'form' ).trigger( 'submit' );
		await settle();
		// The first goal row is empty and left out; the error is on the second row's field.
		const achieved = rows[ 1 ].findAll( '.cdx-field' ).find( ( f ) => f.text().includes( 'partnerships-form-goal-achieved' ) )!;
		expect( errorText( achieved ) ).toBe( '(partnerships-validation-minimum: 0)' );
		const firstAchieved = rows[ 0 ].findAll( '.cdx-field' ).find( ( f ) => f.text().includes( 'partnerships-form-goal-achieved' ) )!;
		expect( errorText( firstAchieved ) ).toBeNull();
	} );

	it( 'keeps the form filled and says why when the save ends as a draft', async () => {
		const { wrapper, store } = mountForm( { id: null }, {
			outcomes: [ { status: 'draft', reason: 'network', code: 'http', message: '<b>Gateway</b> timeout' } ],
		} );
		await input( wrapper, '(partnerships-field-name)' ).setValue( 'Offline partnership' );
		await input( wrapper, '(partnerships-form-partner: 1)' ).setValue( 'Library' );
		await wrapper.find( 'form' ).trigger( 'submit' );
		await flushPromises();

		expect( store.save ).toHaveBeenCalledTimes( 1 );
		const error = wrapper.find( '.partnerships-form__save-error' );
		expect( error.attributes( 'role' ) ).toBe( 'alert' );
		expect( error.text() ).toContain( '(partnerships-save-error-network)' );
		expect( error.text() ).toContain( '(partnerships-save-error-detail: <b>Gateway</b> timeout)' );
		expect( error.text() ).toContain( '(partnerships-save-draft-kept)' );
		expect( error.find( 'b' ).exists() ).toBe( false );
		expect( input( wrapper, '(partnerships-field-name)' ).element.value ).toBe( 'Offline partnership' );
		expect( input( wrapper, '(partnerships-form-partner: 1)' ).element.value ).toBe( 'Library' );
		expect( wrapper.emitted( 'saved' ) ).toBeUndefined();

		// Trying again sends the same record.
		await wrapper.find( 'form' ).trigger( 'submit' );
		await flushPromises();
		expect( store.save.mock.calls[ 1 ][ 0 ] ).toEqual( store.save.mock.calls[ 0 ][ 0 ] );
		expect( wrapper.emitted( 'saved' ) ).toEqual( [ [ 'offline-partnership' ] ] );
	} );

	it( 'says a content-model rate limit on creating is one, without the wiki\'s "permission" text', async () => {
		const { wrapper } = mountForm( { id: null }, {
			outcomes: [
				{ status: 'draft', reason: 'ratelimited', code: 'cantchangecontentmodel', message: 'You don\'t have permission to change the content model of a page.' },
				{ status: 'draft', reason: 'permission', code: 'cantchangecontentmodel', message: 'You don\'t have permission to change the content model of a page.' },
			],
		} );
		await input( wrapper, '(partnerships-field-name)' ).setValue( 'Ninth record' );
		await input( wrapper, '(partnerships-form-partner: 1)' ).setValue( 'Library' );
		await wrapper.find( 'form' ).trigger( 'submit' );
		await flushPromises();
		let error = wrapper.find( '.partnerships-form__save-error' ).text();
		expect( error ).toContain( '(partnerships-save-error-ratelimited-create)' );
		expect( error ).not.toContain( 'permission' );
		expect( error ).toContain( '(partnerships-save-draft-kept)' );

		// Without the right, it stays a permission problem, with the wiki's words.
		await wrapper.find( 'form' ).trigger( 'submit' );
		await flushPromises();
		error = wrapper.find( '.partnerships-form__save-error' ).text();
		expect( error ).toContain( '(partnerships-save-error-permission)' );
		expect( error ).toContain( '(partnerships-save-error-detail: You don\'t have permission to change the content model of a page.)' );
	} );

	it( 'takes another id after the wiki says a new record\'s id is taken', async () => {
		const { wrapper, store } = mountForm( { id: null }, {
			outcomes: [ { status: 'draft', reason: 'exists', code: 'articleexists', message: 'The page already exists.' } ],
		} );
		await input( wrapper, '(partnerships-field-name)' ).setValue( 'WHO' );
		await input( wrapper, '(partnerships-form-partner: 1)' ).setValue( 'World Health Organization' );
		await wrapper.find( 'form' ).trigger( 'submit' );
		await flushPromises();
		expect( wrapper.find( '.partnerships-form__save-error' ).text() ).toContain( '(partnerships-save-error-exists)' );
		await wrapper.find( 'form' ).trigger( 'submit' );
		await flushPromises();
		expect( store.save.mock.calls.map( ( c ) => c[ 0 ].id ) ).toEqual( [ 'who', 'who-2' ] );
		expect( wrapper.emitted( 'saved' ) ).toEqual( [ [ 'who-2' ] ] );
	} );

	it( 'resolves a conflict and saves the resolved record on their revision', async () => {
		const base = record( { summary: { en: 'Base' } } );
		const theirs = record( { name: 'Their name', summary: { en: 'Base', fr: 'Résumé' } } );
		const { wrapper, store } = mountForm( { id: 'orsay' }, {
			entries: [ entry( 'orsay', base, 10 ) ],
			outcomes: [ {
				status: 'conflict',
				conflicts: [ { field: 'name', base: base.name, theirs: 'Their name', ours: 'Our name' } ],
				merged: record( { name: 'Their name', summary: { en: 'Base', fr: 'Résumé' }, themes: [ 'Art' ] } ),
				theirs: { revid: 11, timestamp: '2026-11-02T00:00:00Z', user: 'Bob', record: theirs },
			} ],
		} );
		expect( wrapper.find( 'h2' ).text() ).toBe( '(partnerships-form-edit-title: Musée d’Orsay)' );
		await input( wrapper, '(partnerships-field-name)' ).setValue( 'Our name' );
		await input( wrapper, '(partnerships-form-edit-summary)' ).setValue( 'Rename' );
		await wrapper.find( 'form' ).trigger( 'submit' );
		await flushPromises();

		const first: SaveRequest = store.save.mock.calls[ 0 ][ 0 ];
		expect( first.id ).toBe( 'orsay' );
		expect( first.base ).toEqual( { revid: 10, timestamp: '2026-11-01T00:00:00Z', record: base } );
		expect( first.record.name ).toBe( 'Our name' );

		const resolver = wrapper.findComponent( ConflictResolver );
		expect( resolver.exists() ).toBe( true );
		expect( resolver.props( 'theirsUser' ) ).toBe( 'Bob' );
		expect( wrapper.find( 'form' ).exists() ).toBe( false );
		await resolver.find( 'input[value="ours"]' ).setValue( true );
		await resolver.findAll( 'button' ).find( ( b ) => b.text() === '(partnerships-conflict-resolve)' )!.trigger( 'click' );
		await flushPromises();

		expect( store.save ).toHaveBeenCalledTimes( 2 );
		const second: SaveRequest = store.save.mock.calls[ 1 ][ 0 ];
		expect( second.id ).toBe( 'orsay' );
		expect( second.base ).toEqual( { revid: 11, timestamp: '2026-11-02T00:00:00Z', record: theirs } );
		expect( second.record ).toEqual( record( { name: 'Our name', summary: { en: 'Base', fr: 'Résumé' }, themes: [ 'Art' ] } ) );
		expect( second.summary ).toBe( 'Rename' );
		expect( wrapper.emitted( 'saved' ) ).toEqual( [ [ 'orsay' ] ] );
	} );

	it( 'renders hostile text from a loaded record as text', async () => {
		const rec = record( {
			name: hostile,
			partners: [ { label: hostile } ],
			themes: [ hostile ],
			lessons: { worked: hostile, didNotWork: '', advice: '' },
			summary: { en: hostile },
		} );
		const { wrapper } = mountForm( { id: 'evil' }, { entries: [ entry( 'evil', rec ) ] } );
		await flushPromises();
		expect( wrapper.find( 'h2' ).text() ).toBe( `(partnerships-form-edit-title: ${ hostile })` );
		expect( input( wrapper, '(partnerships-field-name)' ).element.value ).toBe( hostile );
		expect( input( wrapper, '(partnerships-form-partner: 1)' ).element.value ).toBe( hostile );
		expect( ( field( wrapper, '(partnerships-field-themes)' ).find( 'textarea' ).element as HTMLTextAreaElement ).value ).toBe( hostile );
		expect( ( field( wrapper, '(partnerships-field-lessons-worked)' ).find( 'textarea' ).element as HTMLTextAreaElement ).value ).toBe( hostile );
		expect( document.querySelector( 'img' ) ).toBeNull();
		expect( ( window as unknown as { pwned?: number } ).pwned ).toBeUndefined();
	} );

	it( 'offers to restore a draft of the record, or to discard it', async () => {
		const drafts = new MemoryDraftStore();
		drafts.put( {
			key: 'Partnerships/orsay',
			id: 'orsay',
			record: { ...record(), name: 'Draft name' },
			base: { revid: 7, timestamp: '2026-10-01T00:00:00Z', record: record() },
			savedAt: '2026-11-03T10:00:00Z',
		} );
		const { wrapper, store } = mountForm( { id: 'orsay' }, {
			entries: [ entry( 'orsay', record(), 10 ) ],
			services: { drafts },
		} );
		const notice = wrapper.find( '.partnerships-form__draft' );
		expect( notice.text() ).toContain( '(partnerships-form-draft-found: ' );
		expect( input( wrapper, '(partnerships-field-name)' ).element.value ).toBe( 'Musée d’Orsay' );

		await button( wrapper, '(partnerships-form-draft-restore)' ).trigger( 'click' );
		expect( wrapper.find( '.partnerships-form__draft' ).exists() ).toBe( false );
		expect( input( wrapper, '(partnerships-field-name)' ).element.value ).toBe( 'Draft name' );

		// Saved against the revision the draft started from, so the wiki's changes merge in.
		await wrapper.find( 'form' ).trigger( 'submit' );
		await flushPromises();
		expect( store.save.mock.calls[ 0 ][ 0 ].base ).toEqual( { revid: 7, timestamp: '2026-10-01T00:00:00Z', record: record() } );
	} );

	it( 'discards a draft of a new record when asked', async () => {
		const drafts = new MemoryDraftStore();
		drafts.put( { key: 'Partnerships/new-one', id: 'new-one', record: { name: 'New one' }, base: null, savedAt: '2026-11-03T10:00:00Z' } );
		const { wrapper } = mountForm( { id: null }, { services: { drafts } } );
		expect( wrapper.find( '.partnerships-form__draft' ).exists() ).toBe( true );
		await button( wrapper, '(partnerships-form-draft-discard)' ).trigger( 'click' );
		expect( wrapper.find( '.partnerships-form__draft' ).exists() ).toBe( false );
		expect( drafts.list() ).toEqual( [] );
		expect( input( wrapper, '(partnerships-field-name)' ).element.value ).toBe( '' );
	} );

	it( 'asks before leaving with unsaved changes, in a dialog', async () => {
		const confirm = vi.spyOn( window, 'confirm' );
		const { wrapper } = mountForm( { id: null } );
		await button( wrapper, '(partnerships-form-cancel)' ).trigger( 'click' );
		expect( wrapper.emitted( 'cancel' ) ).toHaveLength( 1 );

		await input( wrapper, '(partnerships-field-name)' ).setValue( 'Something' );
		await button( wrapper, '(partnerships-form-cancel)' ).trigger( 'click' );
		await flushPromises();
		expect( wrapper.emitted( 'cancel' ) ).toHaveLength( 1 );
		const dialog = document.querySelector( '.cdx-dialog' );
		expect( dialog ).not.toBeNull();
		expect( dialog!.textContent ).toContain( '(partnerships-form-leave-body)' );
		const discard = [ ...dialog!.querySelectorAll( 'button' ) ].find( ( b ) => b.textContent!.trim() === '(partnerships-form-leave-discard)' )!;
		discard.click();
		await flushPromises();
		expect( wrapper.emitted( 'cancel' ) ).toHaveLength( 2 );
		expect( confirm ).not.toHaveBeenCalled();
	} );

	it( 'says so when the record to edit does not exist', () => {
		const { wrapper } = mountForm( { id: 'nothing' } );
		expect( wrapper.find( '.cdx-message--error' ).text() ).toBe( '(partnerships-record-missing: nothing)' );
		expect( wrapper.find( 'form' ).exists() ).toBe( false );
	} );
} );
