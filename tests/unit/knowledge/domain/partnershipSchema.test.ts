import { readFileSync } from 'node:fs';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { FromSchema } from 'json-schema-to-ts';
import {
	PARTNERSHIP_JSON_SCHEMA,
	PARTNERSHIP_V0_JSON_SCHEMA,
	partnershipSchemaFileText,
} from '../../../../src/knowledge/domain/partnershipSchema';
import { PARTNERSHIP_TYPES, REGIONS } from '../../../../src/shared/schema/constants';
import { Partnership, PartnershipStatus, PartnershipType, Steward } from '../../../../src/knowledge/domain/partnership';
import { FORMATS, SUPPORTED_KEYWORDS } from '../../../../src/shared/schema/validate';

function* schemaNodes( node: unknown, path = '' ): Generator<[ string, Record<string, unknown> ]> {
	if ( typeof node !== 'object' || node === null ) {
		return;
	}
	const schema = node as Record<string, unknown>;
	yield [ path, schema ];
	for ( const [ key, child ] of Object.entries( schema.properties ?? {} ) ) {
		yield* schemaNodes( child, `${ path }/properties/${ key }` );
	}
	for ( const key of [ 'items', 'additionalProperties', 'propertyNames' ] ) {
		yield* schemaNodes( schema[ key ], `${ path }/${ key }` );
	}
}

describe( 'the partnership schema', () => {
	it( 'is published as schemas/partnership-1.schema.json, up to date', () => {
		const text = readFileSync( 'schemas/partnership-1.schema.json', 'utf8' );
		expect( text ).toBe( partnershipSchemaFileText() );
		expect( JSON.parse( text ) ).toEqual( PARTNERSHIP_JSON_SCHEMA );
	} );

	it.each( [
		[ 'partnership/1', PARTNERSHIP_JSON_SCHEMA ],
		[ 'partnership/0', PARTNERSHIP_V0_JSON_SCHEMA ],
	] )( '%s uses only keywords and formats the validator knows', ( _, schema ) => {
		for ( const [ path, node ] of schemaNodes( schema ) ) {
			for ( const key of Object.keys( node ) ) {
				expect( SUPPORTED_KEYWORDS, `${ path }/${ key }` ).toContain( key );
			}
			if ( node.format !== undefined ) {
				expect( Object.keys( FORMATS ), path ).toContain( node.format );
			}
			if ( node.pattern !== undefined ) {
				// eslint-disable-next-line security/detect-non-literal-regexp
				expect( () => new RegExp( node.pattern as string, 'u' ), path ).not.toThrow();
			}
		}
	} );

	it( 'closes every object', () => {
		for ( const [ path, node ] of schemaNodes( PARTNERSHIP_JSON_SCHEMA ) ) {
			if ( node.type === 'object' ) {
				expect( node.additionalProperties, path ).toBeDefined();
			}
		}
	} );

	it( 'derives the TypeScript type', () => {
		// Checked by the type checker (vue-tsc), not at run time.
		expectTypeOf<Partnership>().toEqualTypeOf<FromSchema<typeof PARTNERSHIP_JSON_SCHEMA>>();
		expectTypeOf<Partnership[ 'schema' ]>().toEqualTypeOf<'partnership/1'>();
		expectTypeOf<Partnership[ 'type' ]>().toEqualTypeOf<PartnershipType>();
		expectTypeOf<PartnershipType>().toEqualTypeOf<typeof PARTNERSHIP_TYPES[ number ]>();
		expectTypeOf<Partnership[ 'status' ]>().toEqualTypeOf<PartnershipStatus>();
		expectTypeOf<Partnership[ 'regions' ]>().toEqualTypeOf<typeof REGIONS[ number ][]>();
		expectTypeOf<Partnership[ 'themes' ]>().toEqualTypeOf<string[]>();
		expectTypeOf<Partnership[ 'summary' ]>().toEqualTypeOf<{ [ x: string ]: string }>();
		expectTypeOf<Partnership[ 'lessons' ]>().toEqualTypeOf<{ worked: string; didNotWork: string; advice: string }>();
		expectTypeOf<Partnership[ 'start' ]>().toEqualTypeOf<string | undefined>();
		expectTypeOf<Steward>().toEqualTypeOf<{ organisation: string; wikidata?: string; role: Steward[ 'role' ] }>();
		expectTypeOf<NonNullable<Partnership[ 'donation' ]>[ 'categories' ]>().toEqualTypeOf<string[]>();
		expect( true ).toBe( true );
	} );
} );
