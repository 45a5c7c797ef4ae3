import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { ROW_LISTS, RowListDefinition } from '../../../../src/knowledge/domain/formRowLists';
import { formStateFromRecord } from '../../../../src/knowledge/domain/formModel';
import { FORM_RECORD } from '../../../support/formRecord';

const en: Record<string, string> = JSON.parse( readFileSync( 'i18n/en.json', 'utf8' ) );
const qqq: Record<string, string> = JSON.parse( readFileSync( 'i18n/qqq.json', 'utf8' ) );

const lists = ROW_LISTS.map( ( list ): [ string, RowListDefinition ] => [ list.list, list ] );

describe( 'the form\'s row lists', () => {
	it( 'describe every repeatable list of the form once', () => {
		const state = formStateFromRecord( FORM_RECORD );
		const repeatable = Object.keys( state ).filter( ( key ) => Array.isArray( state[ key as keyof typeof state ] ) &&
			( state[ key as keyof typeof state ] as unknown[] ).every( ( row ) => typeof row === 'object' ) );
		expect( ROW_LISTS.map( ( list ) => list.list ).sort() ).toEqual( repeatable.sort() );
	} );

	it.each( lists )( '%s: every key is a documented message, a row number where the message takes one', ( _name, list ) => {
		const keys = [ list.label, list.addLabel, list.removeLabel, ...( list.description ? [ list.description ] : [] ) ];
		for ( const line of list.lines ) {
			for ( const field of line ) {
				keys.push( field.label, ...( field.description ? [ field.description ] : [] ) );
				// A label that names the row takes its number, and only then.
				expect( en[ field.label ].includes( '$1' ), field.label ).toBe( field.numbered );
				for ( const choice of field.choices ?? [] ) {
					keys.push( `${ field.choiceMessage }${ choice }` );
				}
			}
		}
		expect( en[ list.removeLabel ], list.removeLabel ).toContain( '$1' );
		for ( const key of keys ) {
			expect( en[ key ], key ).toEqual( expect.any( String ) );
			expect( qqq[ key ], key ).toEqual( expect.any( String ) );
		}
	} );

	it.each( lists )( '%s: a new row has every field, and a key of its own', ( _name, list ) => {
		const a = list.newRow();
		const b = list.newRow();
		expect( a.key ).not.toBe( b.key );
		for ( const field of list.lines.flat() ) {
			expect( a, field.key ).toHaveProperty( field.key );
			expect( field.control === 'select', field.key ).toBe( field.choices !== undefined );
		}
	} );
} );
