/**
 * A small JSON Schema interpreter for exactly the keywords the record schemas use.
 * It walks the schema as data: no code is generated, so no `eval` or `new Function`
 * (which a wiki's Content-Security-Policy may forbid, and which we would not want to
 * run on untrusted pages anyway).
 */

export type SchemaType = 'object' | 'array' | 'string' | 'number' | 'integer' | 'boolean' | 'null';

/** The subset of JSON Schema (draft-07) that this interpreter understands. */
export interface SchemaNode {
	readonly $schema?: string;
	readonly title?: string;
	readonly description?: string;
	readonly default?: unknown;
	readonly type?: SchemaType;
	readonly const?: unknown;
	readonly enum?: readonly unknown[];
	readonly properties?: { readonly [ key: string ]: SchemaNode };
	readonly required?: readonly string[];
	readonly additionalProperties?: boolean | SchemaNode;
	readonly propertyNames?: SchemaNode;
	readonly items?: SchemaNode;
	readonly minItems?: number;
	readonly maxItems?: number;
	readonly minLength?: number;
	readonly maxLength?: number;
	readonly pattern?: string;
	readonly minimum?: number;
	readonly format?: string;
}

/** Every keyword of SchemaNode; a unit test checks that schemas use no other. */
export const SUPPORTED_KEYWORDS: readonly ( keyof SchemaNode )[] = [
	'$schema', 'title', 'description', 'default',
	'type', 'const', 'enum', 'properties', 'required', 'additionalProperties', 'propertyNames',
	'items', 'minItems', 'maxItems', 'minLength', 'maxLength', 'pattern', 'minimum', 'format',
];

export type ValidationCode = 'required' | 'type' | 'const' | 'enum' | 'pattern' | 'minLength' | 'maxLength' |
	'minItems' | 'maxItems' | 'minimum' | 'additionalProperties' | 'format' | 'date-order';

export interface ValidationError {
	/**
	 * Where: JSON pointer segments without the leading slash, e.g. "partners/0/wikidata";
	 * '' for the document itself. For `required` and `additionalProperties` it is the
	 * path of the missing or unknown property.
	 */
	path: string;
	code: ValidationCode;
	params?: Record<string, string | number>;
}

/**
 * @param text A string in YYYY-MM-DD form
 * @return Whether it is a real calendar date (proleptic Gregorian, years 0001–9999)
 */
export function isCalendarDate( text: string ): boolean {
	const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec( text );
	if ( !match ) {
		return false;
	}
	const year = Number( match[ 1 ] );
	const month = Number( match[ 2 ] );
	const day = Number( match[ 3 ] );
	if ( year < 1 || month < 1 || month > 12 || day < 1 ) {
		return false;
	}
	const leap = year % 4 === 0 && ( year % 100 !== 0 || year % 400 === 0 );
	const days = [ 31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 ];
	return day <= days[ month - 1 ];
}

/**
 * Links in records are shown to readers, so only web addresses are allowed: no
 * `javascript:`, `data:` or other schemes, nothing relative, no white space or control
 * characters (which browsers would silently strip from a link).
 *
 * @param text Candidate address
 * @return Whether it is an absolute http: or https: URL with a host
 */
export function isHttpUrl( text: string ): boolean {
	// eslint-disable-next-line no-control-regex
	if ( !/^https?:\/\/[^\s/?#\\]/i.test( text ) || /[\s\u0000-\u001f\u007f]/.test( text ) ) {
		return false;
	}
	try {
		const url = new URL( text );
		return ( url.protocol === 'http:' || url.protocol === 'https:' ) && url.hostname !== '';
	} catch {
		return false;
	}
}

/** Checks for the `format` keyword. */
export const FORMATS: Readonly<Record<string, ( text: string ) => boolean>> = {
	date: isCalendarDate,
	'http-url': isHttpUrl,
};

/** At most this many errors are reported for one document. */
export const MAX_ERRORS = 100;

/**
 * @param value Any value
 * @return Whether it is a plain JSON object (not null, not an array)
 */
export function isJsonObject( value: unknown ): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray( value );
}

function hasOwn( object: object, key: string ): boolean {
	return Object.prototype.hasOwnProperty.call( object, key );
}

/**
 * Deep equality of JSON values. A property whose value is `undefined` counts as
 * absent, so `{ a: undefined }` equals `{}`.
 *
 * @param a A JSON value
 * @param b Another
 * @return Whether they are equal
 */
export function jsonEqual( a: unknown, b: unknown ): boolean {
	if ( a === b ) {
		return true;
	}
	if ( Array.isArray( a ) ) {
		return Array.isArray( b ) && a.length === b.length && a.every( ( v, i ) => jsonEqual( v, b[ i ] ) );
	}
	if ( isJsonObject( a ) && isJsonObject( b ) ) {
		const keysA = Object.keys( a ).filter( ( k ) => a[ k ] !== undefined );
		const keysB = Object.keys( b ).filter( ( k ) => b[ k ] !== undefined );
		return keysA.length === keysB.length && keysA.every( ( k ) => hasOwn( b, k ) && jsonEqual( a[ k ], b[ k ] ) );
	}
	return false;
}

/**
 * @param text A string
 * @return Its length in code points, as JSON Schema counts it
 */
function codePointLength( text: string ): number {
	let length = text.length;
	for ( let i = 0; i < text.length - 1; i++ ) {
		const c = text.charCodeAt( i );
		if ( c >= 0xd800 && c <= 0xdbff ) {
			const next = text.charCodeAt( i + 1 );
			if ( next >= 0xdc00 && next <= 0xdfff ) {
				length--;
				i++;
			}
		}
	}
	return length;
}

const patternCache = new Map<string, RegExp>();

function regex( pattern: string ): RegExp {
	let compiled = patternCache.get( pattern );
	if ( !compiled ) {
		// The 'u' flag, as JSON Schema patterns are ECMA-262 with Unicode semantics.
		compiled = new RegExp( pattern, 'u' );
		patternCache.set( pattern, compiled );
	}
	return compiled;
}

function typeOf( value: unknown ): SchemaType | 'other' {
	if ( value === null ) {
		return 'null';
	}
	if ( Array.isArray( value ) ) {
		return 'array';
	}
	switch ( typeof value ) {
		case 'string':
			return 'string';
		case 'boolean':
			return 'boolean';
		case 'object':
			return 'object';
		case 'number':
			if ( !Number.isFinite( value ) ) {
				return 'other';
			}
			return Number.isInteger( value ) ? 'integer' : 'number';
		default:
			return 'other';
	}
}

function pointerSegment( key: string | number ): string {
	return String( key ).replace( /~/g, '~0' ).replace( /\//g, '~1' );
}

function join( path: string, key: string | number ): string {
	return path === '' ? pointerSegment( key ) : `${ path }/${ pointerSegment( key ) }`;
}

class Walker {
	public readonly errors: ValidationError[] = [];

	public add( path: string, code: ValidationCode, params?: Record<string, string | number> ): void {
		if ( this.errors.length < MAX_ERRORS ) {
			this.errors.push( params ? { path, code, params } : { path, code } );
		}
	}

	public get full(): boolean {
		return this.errors.length >= MAX_ERRORS;
	}

	public check( schema: SchemaNode, value: unknown, path: string ): void {
		if ( this.full ) {
			return;
		}
		const actual = typeOf( value );
		if ( schema.type !== undefined ) {
			const ok = schema.type === actual || ( schema.type === 'number' && actual === 'integer' );
			if ( !ok ) {
				this.add( path, 'type', { type: schema.type } );
				return;
			}
		}
		if ( schema.const !== undefined && !jsonEqual( value, schema.const ) ) {
			this.add( path, 'const', { const: String( schema.const ) } );
		}
		if ( schema.enum !== undefined && !schema.enum.some( ( v ) => jsonEqual( v, value ) ) ) {
			this.add( path, 'enum' );
		}
		if ( typeof value === 'string' ) {
			this.checkString( schema, value, path );
		} else if ( typeof value === 'number' ) {
			if ( schema.minimum !== undefined && value < schema.minimum ) {
				this.add( path, 'minimum', { limit: schema.minimum } );
			}
		} else if ( Array.isArray( value ) ) {
			this.checkArray( schema, value, path );
		} else if ( isJsonObject( value ) ) {
			this.checkObject( schema, value, path );
		}
	}

	private checkString( schema: SchemaNode, value: string, path: string ): void {
		const length = schema.minLength !== undefined || schema.maxLength !== undefined ?
			codePointLength( value ) : 0;
		let lengthOk = true;
		if ( schema.minLength !== undefined && length < schema.minLength ) {
			this.add( path, 'minLength', { limit: schema.minLength } );
			lengthOk = false;
		}
		if ( schema.maxLength !== undefined && length > schema.maxLength ) {
			this.add( path, 'maxLength', { limit: schema.maxLength } );
			lengthOk = false;
		}
		// A string of the wrong length is invalid anyway; not matching patterns and
		// formats against it keeps the work bounded on huge hostile strings.
		if ( !lengthOk ) {
			return;
		}
		if ( schema.pattern !== undefined && !regex( schema.pattern ).test( value ) ) {
			this.add( path, 'pattern', { pattern: schema.pattern } );
		}
		if ( schema.format !== undefined ) {
			const format = hasOwn( FORMATS, schema.format ) ? FORMATS[ schema.format ] : undefined;
			if ( !format || !format( value ) ) {
				this.add( path, 'format', { format: schema.format } );
			}
		}
	}

	private checkArray( schema: SchemaNode, value: unknown[], path: string ): void {
		if ( schema.minItems !== undefined && value.length < schema.minItems ) {
			this.add( path, 'minItems', { limit: schema.minItems } );
		}
		if ( schema.maxItems !== undefined && value.length > schema.maxItems ) {
			this.add( path, 'maxItems', { limit: schema.maxItems } );
			// Too long is invalid anyway; do not spend time on a million items.
			return;
		}
		if ( schema.items !== undefined ) {
			for ( let i = 0; i < value.length && !this.full; i++ ) {
				this.check( schema.items, value[ i ], join( path, i ) );
			}
		}
	}

	private checkObject( schema: SchemaNode, value: Record<string, unknown>, path: string ): void {
		const properties = schema.properties ?? {};
		for ( const key of schema.required ?? [] ) {
			if ( !hasOwn( value, key ) || value[ key ] === undefined ) {
				this.add( join( path, key ), 'required' );
			}
		}
		for ( const key of Object.keys( value ) ) {
			if ( this.full ) {
				return;
			}
			const child = value[ key ];
			if ( child === undefined ) {
				continue;
			}
			const childPath = join( path, key );
			if ( schema.propertyNames !== undefined ) {
				const before = this.errors.length;
				this.check( schema.propertyNames, key, childPath );
				for ( const error of this.errors.slice( before ) ) {
					error.params = { ...error.params, propertyName: key };
				}
			}
			if ( hasOwn( properties, key ) ) {
				this.check( properties[ key ], child, childPath );
			} else if ( schema.additionalProperties === false ) {
				this.add( childPath, 'additionalProperties', { property: key } );
			} else if ( typeof schema.additionalProperties === 'object' ) {
				this.check( schema.additionalProperties, child, childPath );
			}
		}
	}
}

/**
 * Validate a value against a schema, reporting every problem (up to MAX_ERRORS).
 * Never throws on any input; object keys are read as own properties only, so keys such
 * as "__proto__" or "constructor" are just unknown keys.
 *
 * @param schema The schema (only the keywords in SchemaNode are understood)
 * @param value The value, e.g. parsed page content
 * @return The problems found; empty when the value is valid
 */
export function validateAgainst( schema: SchemaNode, value: unknown ): ValidationError[] {
	const walker = new Walker();
	walker.check( schema, value, '' );
	return walker.errors;
}

function cloneJson<T>( value: T ): T {
	return value === undefined ? value : JSON.parse( JSON.stringify( value ) );
}

/**
 * Fill defaults and put object keys in schema order (properties as listed in the
 * schema, then other keys: sorted when the schema allows them, in their own order when
 * it does not, so that nothing is lost from a draft that is not valid yet). Does not
 * validate; values of the wrong type are kept as they are.
 *
 * @param schema The schema
 * @param value The value
 * @return A new value; the input is not changed
 */
export function applyDefaults( schema: SchemaNode, value: unknown ): unknown {
	if ( Array.isArray( value ) ) {
		const items = schema.items;
		return items ? value.map( ( v ) => applyDefaults( items, v ) ) : value.slice();
	}
	if ( !isJsonObject( value ) ) {
		return value;
	}
	const properties = schema.properties ?? {};
	// Built as entries and turned into an object with Object.fromEntries, which defines
	// properties: a "__proto__" key stays a key and never becomes a prototype.
	const entries: [ string, unknown ][] = [];
	for ( const key of Object.keys( properties ) ) {
		const sub = properties[ key ];
		if ( hasOwn( value, key ) && value[ key ] !== undefined ) {
			entries.push( [ key, applyDefaults( sub, value[ key ] ) ] );
		} else if ( sub.default !== undefined ) {
			entries.push( [ key, applyDefaults( sub, cloneJson( sub.default ) ) ] );
		}
	}
	const others = Object.keys( value ).filter( ( key ) => !hasOwn( properties, key ) && value[ key ] !== undefined );
	const additional = schema.additionalProperties;
	if ( typeof additional === 'object' ) {
		for ( const key of others.sort() ) {
			entries.push( [ key, applyDefaults( additional, value[ key ] ) ] );
		}
	} else {
		for ( const key of others ) {
			entries.push( [ key, value[ key ] ] );
		}
	}
	return Object.fromEntries( entries );
}
