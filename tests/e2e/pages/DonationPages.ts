// Page object of what a reader sees of a content donation — the badge on a donated file or
// page, the recognition dialog it opens, the recognition wall — for the browser tests.
import type { Locator, Page } from 'playwright-core';

/** How long the badge, the dialog and the wall may take to come (they load on demand). */
const TIMEOUT = 30000;

/** The badge, for checks made on it as a whole (axe) */
export const BADGE = '.partnerships-badge';
/** The recognition dialog, likewise */
export const DIALOG = '[role="dialog"]';

/** One layout shift, as Chromium reports it. */
export interface LayoutShift {
	value: number;
	/** performance.now() of the frame */
	time: number;
	/** What moved: tag#id.class of each source node */
	sources: string[];
}

export interface LayoutShiftSummary {
	/** Every shift without recent input, summed */
	cls: number;
	/** The same, from the frame the badge arrived in on */
	badgeCls: number;
	/** When the badge entered the page (performance.now()), or null if it never did */
	badgeAt: number | null;
	shifts: LayoutShift[];
}

/** Where a figure's sources and its time sit, in pixels below what is above them. */
export interface StatLayout {
	stat: string;
	/** From the figure to its sources */
	below: number;
	/** From the last source to the time it was counted */
	timeBelow: number;
}

/**
 * Notes when the badge enters the page (window.badgeAt, a performance.now() time): run
 * before the page's own scripts (see watchBadgeArrival).
 */
function watchBadge(): void {
	new MutationObserver( ( records, observer ) => {
		for ( const record of records ) {
			for ( const node of Array.from( record.addedNodes ) ) {
				if ( node instanceof Element && ( node.matches( '.partnerships-badge' ) || node.querySelector( '.partnerships-badge' ) ) ) {
					( window as unknown as { badgeAt: number } ).badgeAt = performance.now();
					observer.disconnect();
					return;
				}
			}
		}
	} ).observe( document, { childList: true, subtree: true } );
}

export class DonationPages {
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
	 * @param title A page title
	 * @param query uselang, useskin and other query parameters
	 * @return Its URL on this wiki
	 */
	public url( title: string, query: Record<string, string> = {} ): string {
		return `${ this.base }/index.php?${ new URLSearchParams( { title, ...query } ) }`;
	}

	/**
	 * @param title A page title
	 * @param query uselang, useskin and other query parameters
	 */
	public async open( title: string, query: Record<string, string> = {} ): Promise<void> {
		await this.page.goto( this.url( title, query ) );
	}

	// The badge

	public get badge(): Locator {
		return this.page.locator( BADGE );
	}

	/** The badge inside the marker template's box */
	public get markedBadge(): Locator {
		return this.page.locator( '.partnerships-donation .partnerships-badge' );
	}

	/** The space the extension reserves at the top of a page in a donation's category */
	public get slots(): Locator {
		return this.page.locator( '.partnerships-badge-slot' );
	}

	/** The reserved space the badge shows in: the marker's, or the slot's */
	public get reservedBox(): Locator {
		return this.page.locator( '.partnerships-donation, .partnerships-badge-slot' ).first();
	}

	public get badgeLink(): Locator {
		return this.badge.locator( 'a' );
	}

	public get logo(): Locator {
		return this.badge.locator( 'img' );
	}

	public async waitForBadge(): Promise<void> {
		await this.badge.waitFor( { timeout: TIMEOUT } );
	}

	/**
	 * @param title A page title
	 * @param query uselang, useskin and other query parameters
	 */
	public async openWithBadge( title: string, query: Record<string, string> = {} ): Promise<void> {
		await this.open( title, query );
		await this.waitForBadge();
	}

	public async badgeText(): Promise<string> {
		return ( await this.badge.textContent() ) ?? '';
	}

	/**
	 * @return The logo's natural width once it has loaded (0 while it has not)
	 */
	public logoLoaded(): Promise<number | false> {
		return this.logo.evaluate( ( img: HTMLImageElement ) => img.complete && img.naturalWidth );
	}

	/**
	 * @return The logo's alt, width, height and loading attributes
	 */
	public logoAttributes(): Promise<( string | null )[]> {
		return this.logo.evaluate( ( img: HTMLImageElement ) => [
			img.getAttribute( 'alt' ), img.getAttribute( 'width' ), img.getAttribute( 'height' ), img.loading,
		] );
	}

	public async logoSource(): Promise<URL> {
		return new URL( await this.logo.evaluate( ( img: HTMLImageElement ) => img.src ) );
	}

	public logoWidth(): Promise<number> {
		return this.logo.evaluate( ( img ) => img.getBoundingClientRect().width );
	}

	/**
	 * @return Each image in the badge: its src and its attribute names
	 */
	public badgeImages(): Promise<[ string, string ][]> {
		return this.badge.locator( 'img' ).evaluateAll( ( imgs ) => imgs.map( ( img ): [ string, string ] => [
			( img as HTMLImageElement ).src, img.getAttributeNames().join( ' ' ),
		] ) );
	}

	/**
	 * @return The height of the reserved box, its min-height and the badge's height in it
	 */
	public reservedSpace(): Promise<number[]> {
		return this.reservedBox.evaluate( ( box ) => [
			box.getBoundingClientRect().height, parseFloat( getComputedStyle( box ).minHeight ),
			box.querySelector( '.partnerships-badge' )!.getBoundingClientRect().height,
		] );
	}

	/**
	 * Make the badge's module fail to load, to see the page without it.
	 */
	public async blockBadge(): Promise<void> {
		await this.page.route( /\/load\.php\?/, ( route ) => /partnerships[.-]badge/.test( decodeURIComponent( route.request().url() ) ) ?
			route.abort() : route.continue() );
	}

	/**
	 * Note when the badge enters the page (for badgeAt in layoutShift): call before open().
	 */
	public async watchBadgeArrival(): Promise<void> {
		await this.page.addInitScript( watchBadge );
	}

	/**
	 * Cumulative Layout Shift of the page so far, as Chromium reports it (every
	 * `layout-shift` entry without recent input, summed: stricter than the session windows of
	 * the web-vitals definition), in all and from the frame the badge arrived in on.
	 *
	 * @return The sums and the shifts, on a page that has settled
	 */
	public layoutShift(): Promise<LayoutShiftSummary> {
		return this.page.evaluate( () => new Promise<LayoutShiftSummary>( ( resolve ) => {
			const shifts: LayoutShift[] = [];
			const name = ( node: Node | null ): string => {
				if ( !node || !( node instanceof Element ) ) {
					return node ? node.nodeName : '?';
				}
				return node.tagName.toLowerCase() + ( node.id ? `#${ node.id }` : '' ) +
					( typeof node.className === 'string' && node.className ? `.${ node.className.trim().split( /\s+/ ).join( '.' ) }` : '' );
			};
			type Entry = PerformanceEntry & { value: number; hadRecentInput: boolean; sources?: { node: Node | null }[] };
			const observer = new PerformanceObserver( ( list ) => {
				for ( const entry of list.getEntries() as Entry[] ) {
					if ( !entry.hadRecentInput ) {
						shifts.push( { value: entry.value, time: entry.startTime, sources: ( entry.sources || [] ).map( ( s ) => name( s.node ) ) } );
					}
				}
			} );
			observer.observe( { type: 'layout-shift', buffered: true } );
			// Buffered entries arrive in the first callback, after a task.
			setTimeout( () => {
				observer.disconnect();
				const badgeAt = ( window as unknown as { badgeAt?: number } ).badgeAt ?? null;
				const sum = ( list: LayoutShift[] ): number => list.reduce( ( total, s ) => total + s.value, 0 );
				resolve( {
					cls: sum( shifts ),
					badgeCls: badgeAt === null ? 0 : sum( shifts.filter( ( s ) => s.time >= badgeAt ) ),
					badgeAt,
					shifts,
				} );
			}, 300 );
		} ) );
	}

	// The recognition dialog

	public get dialog(): Locator {
		return this.page.getByRole( 'dialog' );
	}

	/**
	 * Open the recognition dialog from the badge.
	 */
	public async openDialog(): Promise<void> {
		await this.badge.locator( '.partnerships-badge__button' ).click();
		await this.dialog.waitFor( { timeout: TIMEOUT } );
	}

	public async dialogText(): Promise<string> {
		return ( await this.dialog.textContent() ) ?? '';
	}

	/**
	 * @param text Part of the link text, e.g. "(partnerships-recognition-source"
	 * @return The dialog's links with that text
	 */
	public dialogLinks( text: string ): Locator {
		return this.dialog.locator( 'a', { hasText: text } );
	}

	/** The attribution line to copy */
	public get attributionLine(): Locator {
		return this.dialog.locator( 'textarea' );
	}

	/** The licence, in the attribution's list */
	public get licence(): Locator {
		return this.dialog.locator( '.partnerships-recognition__attribution dd' ).nth( 2 );
	}

	/** One item per figure */
	public get stats(): Locator {
		return this.dialog.locator( '.partnerships-recognition__stat' );
	}

	public get statSourceLinks(): Locator {
		return this.stats.locator( '.partnerships-stat-sources a' );
	}

	/**
	 * @return Where each figure's sources and time sit
	 */
	public statLayout(): Promise<StatLayout[]> {
		return this.stats.evaluateAll( ( lis ) => lis.map( ( li ) => {
			const links = [ ...li.querySelectorAll( '.partnerships-stat-sources a' ) ];
			return {
				stat: li.className,
				below: Math.round( li.querySelector( '.partnerships-stat-sources' )!.getBoundingClientRect().top - li.firstElementChild!.getBoundingClientRect().bottom ),
				// And when it was counted, under the sources.
				timeBelow: Math.round( li.querySelector( '.partnerships-stat-sources time' )!.getBoundingClientRect().top - links[ links.length - 1 ].getBoundingClientRect().bottom ),
			};
		} ) );
	}

	// The recognition wall

	/** The wall's whole box */
	public get wallBox(): Locator {
		return this.page.locator( '.partnerships-wall' );
	}

	/** The wall's table, there once the wall has loaded */
	public get wall(): Locator {
		return this.page.locator( '.partnerships-wall table' );
	}

	/**
	 * @param title A page with the wall's template
	 * @param query uselang, useskin and other query parameters
	 */
	public async openWall( title: string, query: Record<string, string> = {} ): Promise<void> {
		await this.open( title, query );
		await this.wall.waitFor( { timeout: TIMEOUT } );
	}
}
