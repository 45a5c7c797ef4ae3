/**
 * Record ids and page titles: where the record with an id lives, and which titles are
 * records. Namespace names are local to each wiki (and language): the canonical name is
 * used until the wiki's own is seen in an answer, and asked for only when there is none.
 */
import { PageLocation, folderPrefix } from '../../shared/wiki/pageLocation';
import { Read, namespaceName } from '../../shared/wiki/query';

export const RECORDS_FOLDER = 'Records';

/** MediaWiki's canonical namespace names, valid on every wiki whatever its language. */
const CANONICAL_NAMESPACES: Record<number, string> = {
	0: '',
	1: 'Talk',
	2: 'User',
	3: 'User talk',
	4: 'Project',
	5: 'Project talk',
	6: 'File',
	7: 'File talk',
	8: 'MediaWiki',
	9: 'MediaWiki talk',
	10: 'Template',
	11: 'Template talk',
	12: 'Help',
	13: 'Help talk',
	14: 'Category',
	15: 'Category talk',
};

/**
 * @param id A proposed record id
 * @return Whether it can be part of a page title
 */
export function isValidRecordId( id: string ): boolean {
	// Characters MediaWiki never allows in titles, control characters, and
	// percent-encodings (which titles may not contain either).
	// eslint-disable-next-line no-control-regex
	const illegal = /[#<>[\]|{}\u0000-\u001f\u007f]|%[0-9A-Fa-f]{2}/;
	return id.length > 0 && id.length <= 200 && id.trim() === id && !illegal.test( id ) &&
		!id.split( '/' ).some( ( part ) => part === '' || part === '.' || part === '..' );
}

/**
 * The titles of the record pages under one root.
 */
export class RecordTitles {
	/** The records root */
	public readonly root: PageLocation;

	/** Title prefix (without namespace) of every record page */
	public readonly prefix: string;

	/** The name of the root's namespace as this wiki writes it, once seen */
	private namespaceName: string | null;

	/**
	 * @param root The records root
	 */
	public constructor( root: PageLocation ) {
		this.root = root;
		this.prefix = folderPrefix( root, RECORDS_FOLDER );
		this.namespaceName = Object.prototype.hasOwnProperty.call( CANONICAL_NAMESPACES, root.namespace ) ?
			CANONICAL_NAMESPACES[ root.namespace ] : null;
	}

	/**
	 * @param id Record id
	 * @param read How to ask the wiki for the namespace name, when it is not known
	 * @return The full title of the record's page
	 */
	public async titleOf( id: string, read: Read ): Promise<string> {
		if ( this.namespaceName === null ) {
			this.namespaceName = await namespaceName( read, this.root.namespace );
		}
		const text = this.prefix + id;
		return this.namespaceName ? `${ this.namespaceName }:${ text }` : text;
	}

	/**
	 * @param title A full title the wiki gave, in the root's namespace
	 */
	public learnNamespace( title: string ): void {
		if ( this.root.namespace !== 0 && title.includes( ':' ) ) {
			this.namespaceName = title.slice( 0, title.indexOf( ':' ) );
		}
	}

	/**
	 * @param title A full title
	 * @param namespace Its namespace number
	 * @return The record id, if the page is a record page under our root
	 */
	public idOf( title: string, namespace: number = this.root.namespace ): string | null {
		if ( namespace !== this.root.namespace ) {
			return null;
		}
		// Namespace names never contain a colon; titles in the main namespace have no prefix.
		const text = namespace === 0 ? title : title.slice( title.indexOf( ':' ) + 1 );
		const prefix = this.prefix;
		return text.startsWith( prefix ) && text.length > prefix.length ? text.slice( prefix.length ) : null;
	}
}
