/**
 * Three-way merge of records, for edit conflicts: someone saved the page (theirs) while
 * we were editing our copy (ours) of the revision we started from (base). Changes to
 * different fields merge; changes to the same field go to the person. Nothing is ever
 * dropped without a conflict being reported.
 */
import { PARTNERSHIP_JSON_SCHEMA } from './partnershipSchema';
import { Partnership, normalisePartnership } from './partnership';
import { isJsonObject, jsonEqual } from '../../shared/schema/validate';

export interface FieldConflict {
	/** A top-level field ("name") or a sub-key ("summary/fr", "lessons/advice", "donation/licence"). */
	field: string;
	/** The value in each version; undefined when it is absent there. */
	base: unknown;
	theirs: unknown;
	ours: unknown;
}

export interface MergeResult {
	/** The merged record, holding their value for every conflicting field until resolved. */
	merged: Partnership;
	conflicts: FieldConflict[];
}

export type ConflictChoice = 'theirs' | 'ours';

type Fields = Record<string, unknown>;

/** Fields merged by sub-key rather than as one value. */
const BY_SUB_KEY = new Set( [ 'summary', 'lessons', 'donation' ] );

const FIELDS = Object.keys( PARTNERSHIP_JSON_SCHEMA.properties );

function clone<T>( value: T ): T {
	return value === undefined ? value : JSON.parse( JSON.stringify( value ) );
}

function own( object: unknown, key: string ): unknown {
	return isJsonObject( object ) && Object.prototype.hasOwnProperty.call( object, key ) ? object[ key ] : undefined;
}

function subKeys( field: string, versions: unknown[] ): string[] {
	if ( field === 'summary' ) {
		const keys = new Set<string>();
		for ( const version of versions ) {
			if ( isJsonObject( version ) ) {
				Object.keys( version ).forEach( ( k ) => keys.add( k ) );
			}
		}
		return [ ...keys ].sort();
	}
	const schema = PARTNERSHIP_JSON_SCHEMA.properties[ field as 'lessons' | 'donation' ];
	return Object.keys( schema.properties );
}

/**
 * Set a value in a field map, building it with defineProperty so that no key (not even
 * "__proto__") can reach a prototype; undefined removes the key.
 *
 * @param target The map
 * @param key The key
 * @param value The value
 */
function put( target: Fields, key: string, value: unknown ): void {
	if ( value === undefined ) {
		delete target[ key ];
	} else {
		Object.defineProperty( target, key, { value, enumerable: true, writable: true, configurable: true } );
	}
}

/**
 * Merge two edits of the same base record, field by field. For each field (and each
 * sub-key of `summary`, `lessons` and `donation` when all three versions have it): if
 * ours did not change it, theirs is taken; if theirs did not, ours; if both made the same
 * change, that; otherwise it is a conflict. Lists are compared as whole values; so is a
 * donation that one version does not have.
 *
 * @param base The revision both edits started from
 * @param theirs The revision saved in the meantime
 * @param ours Our edit
 * @return The merged record and the conflicts left for the person
 */
export function mergePartnerships( base: Partnership, theirs: Partnership, ours: Partnership ): MergeResult {
	const merged: Fields = {};
	const conflicts: FieldConflict[] = [];
	const decide = ( field: string, b: unknown, t: unknown, o: unknown ): unknown => {
		if ( jsonEqual( o, b ) || jsonEqual( o, t ) ) {
			return clone( t );
		}
		if ( jsonEqual( t, b ) ) {
			return clone( o );
		}
		conflicts.push( { field, base: clone( b ), theirs: clone( t ), ours: clone( o ) } );
		return clone( t );
	};
	const versions = [ base, theirs, ours ] as unknown as Fields[];
	for ( const field of FIELDS ) {
		const [ b, t, o ] = versions.map( ( v ) => own( v, field ) );
		// An object that one version does not have at all (a donation added or removed)
		// is merged as one value: its sub-keys would otherwise be filled back in from
		// defaults and the removal lost.
		if ( BY_SUB_KEY.has( field ) && isJsonObject( b ) && isJsonObject( t ) && isJsonObject( o ) ) {
			const out: Fields = {};
			for ( const key of subKeys( field, [ b, t, o ] ) ) {
				put( out, key, decide( `${ field }/${ key }`, own( b, key ), own( t, key ), own( o, key ) ) );
			}
			merged[ field ] = out;
		} else {
			put( merged, field, decide( field, b, t, o ) );
		}
	}
	return { merged: normalisePartnership( merged ), conflicts };
}

/**
 * Apply the person's choice for every conflict.
 *
 * @param result From mergePartnerships()
 * @param choices For each conflicting field, whose value to keep
 * @return The resolved record
 * @throws {Error} When a conflict has no choice
 */
export function resolveConflicts( result: MergeResult, choices: Record<string, ConflictChoice> ): Partnership {
	const record = clone( result.merged ) as unknown as Fields;
	for ( const conflict of result.conflicts ) {
		const choice = Object.prototype.hasOwnProperty.call( choices, conflict.field ) ?
			choices[ conflict.field ] : undefined;
		if ( choice !== 'theirs' && choice !== 'ours' ) {
			throw new Error( `No choice for the conflict on "${ conflict.field }"` );
		}
		const value = clone( choice === 'ours' ? conflict.ours : conflict.theirs );
		const slash = conflict.field.indexOf( '/' );
		if ( slash === -1 ) {
			put( record, conflict.field, value );
		} else {
			const field = conflict.field.slice( 0, slash );
			const parent = isJsonObject( record[ field ] ) ? record[ field ] as Fields : {};
			put( parent, conflict.field.slice( slash + 1 ), value );
			record[ field ] = parent;
		}
	}
	return normalisePartnership( record );
}
