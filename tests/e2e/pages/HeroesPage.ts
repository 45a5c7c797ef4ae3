// Page object of the community-heroes page (<root>/Heroes), for the browser tests.
import type { Locator, Page } from 'playwright-core';

export const HEROES_TITLE = 'Project:Partnerships/Heroes';

export class HeroesPage {
	public readonly page: Page;

	private readonly base: string;

	/**
	 * @param page A browser page
	 * @param base The wiki's URL
	 */
	public constructor( page: Page, base: string ) {
		this.page = page;
		this.base = base;
	}

	/**
	 * @param options
	 * @param options.query uselang, useskin and other query parameters (default uselang=qqx)
	 * @param options.fragment The view, e.g. "hero=bob-2026"
	 */
	public async open( options: { query?: Record<string, string>; fragment?: string } = {} ): Promise<void> {
		const query = new URLSearchParams( { title: HEROES_TITLE, uselang: 'qqx', ...options.query } );
		// A URL that differs from the current one only in its fragment would not load
		// the page again (and so not read the nominations again).
		await this.page.goto( 'about:blank' );
		await this.page.goto( `${ this.base }/index.php?${ query }${ options.fragment ? '#' + options.fragment : '' }` );
		await this.ready();
	}

	public async ready(): Promise<void> {
		await this.page.locator( '.partnerships-heroes[data-partnerships-state="ready"]' ).waitFor( { timeout: 60000 } );
	}

	public get root(): Locator {
		return this.page.locator( '.partnerships-heroes' );
	}

	public fragment(): Promise<string> {
		return this.page.evaluate( () => location.hash.replace( /^#/, '' ) );
	}

	/**
	 * @param key The tab's message key, e.g. "partnerships-heroes-tab-nominate"
	 */
	public async tab( key: string ): Promise<void> {
		await this.page.locator( '.partnerships-heroes__tab', { hasText: `(${ key })` } ).click();
	}

	// The form

	public get userInput(): Locator {
		return this.page.locator( '.partnerships-nominate__user input' );
	}

	public get userStatus(): Locator {
		return this.page.locator( '.partnerships-nominate__user-status' );
	}

	/**
	 * @param select The CdxSelect's own class, e.g. "partnerships-nominate__category"
	 * @param option The option's text (or part of it)
	 */
	public async choose( select: string, option: string ): Promise<void> {
		await this.page.locator( `.${ select } .cdx-select-vue__handle` ).click();
		await this.page.locator( `.${ select } [role="option"]`, { hasText: option } ).first().click();
	}

	public get citation(): Locator {
		return this.page.locator( '.partnerships-nominate__citation textarea' );
	}

	public async submit(): Promise<void> {
		await this.page.locator( '.partnerships-nominate__submit' ).click();
	}

	// One nomination

	public get heroName(): Locator {
		return this.page.locator( '.partnerships-hero__name' );
	}

	public get actions(): Locator {
		return this.page.locator( '.partnerships-hero__actions' );
	}

	public get notice(): Locator {
		return this.page.locator( '.partnerships-heroes__notice' );
	}

	/**
	 * @param comment The endorsement's comment
	 */
	public async endorse( comment: string ): Promise<void> {
		await this.page.locator( '.partnerships-hero__endorse textarea' ).fill( comment );
		await this.page.locator( '.partnerships-hero__endorse-button' ).click();
		await this.notice.filter( { hasText: '(partnerships-heroes-endorsed)' } ).waitFor( { timeout: 30000 } );
	}

	// The hall

	public card( id: string ): Locator {
		return this.page.locator( `.partnerships-hero-card[data-hero="${ id }"]` );
	}

	public cards(): Promise<string[]> {
		return this.page.locator( '.partnerships-hero-card' ).evaluateAll( ( els ) => els.map( ( e ) => e.getAttribute( 'data-hero' ) ?? '' ) );
	}

	/**
	 * @param name A filter: year, category, region, language
	 * @param option The option's text (or part of it)
	 */
	public async filter( name: string, option: string ): Promise<void> {
		const filter = `.partnerships-hall__filter[data-filter="${ name }"]`;
		await this.page.locator( `${ filter } .cdx-select-vue__handle` ).click();
		await this.page.locator( `${ filter } [role="option"]`, { hasText: option } ).first().click();
	}
}
