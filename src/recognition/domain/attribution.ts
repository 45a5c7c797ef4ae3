/**
 * Attribution for reusers of a file, from its `imageinfo` (extmetadata, user, url).
 * Extmetadata values are HTML written on the wiki: untrusted, so they become plain
 * text here and are only ever shown as text.
 */

/** Turns HTML into its text content, without running anything (DOMParser in the page) */
export type HtmlToText = ( html: string ) => string;

export interface Attribution {
	/** The work's name (ObjectName, else the file name without extension) */
	object: string;
	/** Author (Attribution or Artist), else the uploader; '' when unknown */
	author: string;
	/** Where to find the file and its full credits (the description page), http(s) only; '' when unknown */
	source: string;
	/** Licence short name; '' when unknown */
	licence: string;
	/** Licence URL, http(s) only; '' when unknown */
	licenceUrl: string;
	/** Credit line as written on the wiki; '' when none */
	credit: string;
	/** The ready-to-copy line */
	line: string;
}

export interface AttributionContext {
	/** The file's title, e.g. "File:Vase.jpg" */
	fileTitle: string;
	/** The wiki's name, for "via …" */
	wikiName: string;
	/** The licence the donation's record names, for files whose page says none */
	recordLicence?: string;
	/** HTML → text (injected: DOMParser in the page, anything in tests) */
	toText: HtmlToText;
	/**
	 * Builds the line from its parts (a message in the page)
	 *
	 * @param object The work
	 * @param author Its author
	 * @param licence Its licence ('' when unknown)
	 * @param wikiName The wiki
	 */
	formatLine( object: string, author: string, licence: string, wikiName: string ): string;
}

const MAX_LENGTH = 500;

/**
 * The text of some HTML, parsed inert: DOMParser documents run no script and load
 * nothing. The source of scripts and styles is not text anyone wrote for readers.
 *
 * @param html HTML from the wiki
 * @return Its text
 */
export function domParserText( html: string ): string {
	const body = new DOMParser().parseFromString( html, 'text/html' ).body;
	Array.from( body.querySelectorAll( 'script, style, template, noscript' ) ).forEach( ( node ) => node.remove() );
	return body.textContent ?? '';
}

/**
 * @param value A URL from the wiki
 * @return It, when it is an absolute or protocol-relative http(s) URL; else ''
 */
export function httpUrl( value: unknown ): string {
	if ( typeof value !== 'string' ) {
		return '';
	}
	const text = value.trim();
	try {
		const url = new URL( text.startsWith( '//' ) ? `https:${ text }` : text );
		return url.protocol === 'https:' || url.protocol === 'http:' ? url.toString() : '';
	} catch {
		return '';
	}
}

function clean( text: string ): string {
	// eslint-disable-next-line no-control-regex
	const flat = text.replace( /[\u0000-\u001f\u007f]+/g, ' ' ).replace( /\s+/g, ' ' ).trim();
	return flat.length > MAX_LENGTH ? `${ flat.slice( 0, MAX_LENGTH - 1 ) }…` : flat;
}

/**
 * @param meta An imageinfo entry (untrusted)
 * @param context What the file's page knows besides
 * @return The attribution, every part plain text
 */
export function attributionText( meta: unknown, context: AttributionContext ): Attribution {
	const info = meta && typeof meta === 'object' ? meta as Record<string, unknown> : {};
	const ext = info.extmetadata && typeof info.extmetadata === 'object' ?
		info.extmetadata as Record<string, unknown> :
		{};
	const field = ( name: string ): string => {
		const entry = ext[ name ];
		const value = entry && typeof entry === 'object' ? ( entry as Record<string, unknown> ).value : undefined;
		if ( typeof value === 'string' ) {
			return clean( context.toText( value ) );
		}
		return typeof value === 'number' ? String( value ) : '';
	};
	const fileName = context.fileTitle.replace( /^[^:]*:/, '' );
	const object = field( 'ObjectName' ) || clean( fileName.replace( /\.[a-z0-9]+$/i, '' ) );
	const user = typeof info.user === 'string' ? clean( info.user ) : '';
	const author = field( 'Attribution' ) || field( 'Artist' ) || user;
	const licence = field( 'LicenseShortName' ) || clean( context.recordLicence ?? '' );
	const licenceEntry = ext.LicenseUrl && typeof ext.LicenseUrl === 'object' ?
		( ext.LicenseUrl as Record<string, unknown> ).value :
		undefined;
	const licenceUrl = typeof licenceEntry === 'string' ? httpUrl( context.toText( licenceEntry ) ) : '';
	const source = httpUrl( info.descriptionurl );
	const credit = field( 'Credit' );
	return {
		object,
		author,
		source,
		licence,
		licenceUrl,
		credit,
		line: context.formatLine( object, author, licence, context.wikiName ),
	};
}
