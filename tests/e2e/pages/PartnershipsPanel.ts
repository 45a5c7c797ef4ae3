// Page object of the partnerships panel, for the browser tests.
import type { Locator, Page } from 'playwright-core';

export class PartnershipsPanel {
	public readonly page: Page;

	private readonly base: string;

	private readonly title: string;

	/**
	 * @param page A browser page
	 * @param base The wiki's URL
	 * @param title The page the panel is on (Special:Partnerships or the records root)
	 */
	public constructor( page: Page, base: string, title = 'Special:Partnerships' ) {
		this.page = page;
		this.base = base;
		this.title = title;
	}

	/**
	 * @param options
	 * @param options.query uselang, useskin and other query parameters
	 * @param options.fragment The view state
	 */
	public async open( options: { query?: Record<string, string>; fragment?: string } = {} ): Promise<void> {
		const query = new URLSearchParams( { title: this.title, ...options.query } );
		await this.page.goto( `${ this.base }/index.php?${ query }${ options.fragment ? '#' + options.fragment : '' }` );
		await this.ready();
	}

	public async ready(): Promise<void> {
		await this.page.locator( '.partnerships-app[data-partnerships-state="ready"]' ).waitFor( { timeout: 60000 } );
	}

	public get root(): Locator {
		return this.page.locator( '.partnerships-app' );
	}

	public get searchBox(): Locator {
		return this.page.locator( '.partnerships-search input' );
	}

	public get rows(): Locator {
		return this.page.locator( '.partnerships-list__table tbody tr' );
	}

	public get count(): Locator {
		return this.page.locator( '.partnerships-browser__count' );
	}

	public async names(): Promise<string[]> {
		return this.page.locator( '.partnerships-list__table tbody tr a' ).allTextContents();
	}

	/**
	 * @param text What to type, replacing what is there
	 */
	public async search( text: string ): Promise<void> {
		await this.searchBox.fill( text );
	}

	/**
	 * @param label The checkbox's label text (e.g. "(partnerships-type-glam) (3)" in qqx, or a prefix of it)
	 */
	public async toggleFilter( label: string ): Promise<void> {
		await this.page.locator( '.partnerships-facets label', { hasText: label } ).first().click();
	}

	public fragment(): Promise<string> {
		return this.page.evaluate( () => location.hash.replace( /^#/, '' ) );
	}

	/**
	 * @param name A record's name as listed
	 */
	public async openRecord( name: string ): Promise<void> {
		await this.page.locator( '.partnerships-list__table tbody a', { hasText: name } ).first().click();
		await this.page.locator( '.partnerships-record__name' ).waitFor();
	}
}

/**
 * Log in through Special:UserLogin, as a person would.
 *
 * @param page A browser page
 * @param base The wiki's URL
 * @param username Account name
 * @param password Its password
 */
export async function logIn( page: Page, base: string, username: string, password: string ): Promise<void> {
	await page.goto( `${ base }/index.php?title=Special:UserLogin` );
	await page.fill( '#wpName1', username );
	await page.fill( '#wpPassword1', password );
	await Promise.all( [ page.waitForNavigation(), page.click( '#wpLoginAttempt' ) ] );
	const name = await page.evaluate( () => mw.config.get( 'wgUserName' ) );
	if ( name !== username ) {
		throw new Error( `Login as ${ username } failed` );
	}
}
