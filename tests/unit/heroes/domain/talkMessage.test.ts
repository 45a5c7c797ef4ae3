import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
	SECTION_TITLE_MAX_LENGTH,
	TalkMessageParts,
	buildTalkMessage,
	escapeWikitext,
	isLinkableTitle,
	plainMessageFrom,
	talkMessageKeys,
} from '../../../../src/heroes/domain/talkMessage';

const EN: Record<string, string> = JSON.parse( readFileSync( 'i18n/en.json', 'utf8' ) );

/** As mw.message().plain(): parameters substituted in one pass, nothing parsed. */
function plainMessage( key: string, ...params: string[] ): string {
	return EN[ key ].replace( /\$(\d+)/g, ( whole, n ) => params[ Number( n ) - 1 ] ?? whole );
}

/** Characters that mean something in wikitext somewhere (checked outside character references). */
const MEANINGFUL = /[[\]{}|<>'~=*#:;!_\\/\n\r\t&-]/;

function decode( wikitext: string ): string {
	return wikitext.replace( /&#(\d+);/g, ( _, n ) => String.fromCodePoint( Number( n ) ) );
}

const HOSTILE = [
	'[[Category:Hacked]]',
	'[[File:X.png|thumb]]',
	'{{Template:Evil}}',
	'{{#invoke:Evil|run}}',
	'{{PLURAL:2|a|b}}',
	'{{{1}}}',
	'~~~~',
	'~~~~~',
	'__NOTOC__',
	'__NOINDEX__',
	'<script>alert(1)</script>',
	'<ref>x</ref>',
	'<nowiki>',
	'</nowiki>',
	'<!-- comment',
	'&lt;b&gt;',
	'&#91;&#91;x]]',
	'http://evil.example/',
	'https://evil.example/x?y=1',
	'//evil.example/',
	'mailto:evil@example.org',
	'[http://evil.example spam]',
	'== Heading ==',
	'* item',
	'# item',
	'; term : def',
	' leading space',
	'----',
	'{| class="wikitable"\n| x\n|}',
	'\'\'\'bold\'\'\'',
	'-{zh-hans:x}-',
	'ISBN 978-3-16-148410-0',
	'RFC 1234',
	'PMID 1234',
	'line\nbreak\r\nand\ttab',
	'\u0000\u0007\u001b\u007f\u0085\u2028\u2029',
	'\u202eright-to-left override',
	'$1 $4',
];

describe( 'escapeWikitext', () => {
	it.each( HOSTILE )( 'leaves nothing with a meaning in %j', ( input ) => {
		const out = escapeWikitext( input );
		expect( out.replace( /&#\d+;/g, '' ) ).not.toMatch( MEANINGFUL );
		expect( out ).not.toMatch( /^ |ISBN|RFC|PMID/i );
		// Renders as the input, with line breaks and control characters as spaces.
		// eslint-disable-next-line no-control-regex
		const expected = input.replace( /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]+/g, ' ' );
		expect( decode( out ) ).toBe( expected );
	} );

	it( 'encodes each character with a meaning, and only those', () => {
		expect( escapeWikitext( 'a[b' ) ).toBe( 'a&#91;b' );
		expect( escapeWikitext( 'Ünïcödé text, 100% fine?' ) ).toBe( 'Ünïcödé text, 100% fine?' );
		expect( escapeWikitext( 'a & b' ) ).toBe( 'a &#38; b' );
		expect( escapeWikitext( '~~~~' ) ).toBe( '&#126;&#126;&#126;&#126;' );
		expect( escapeWikitext( 'http://x' ) ).toBe( 'http&#58;&#47;&#47;x' );
	} );

	it( 'writes leading spaces as references, and control runs as one space', () => {
		expect( escapeWikitext( '  x y' ) ).toBe( '&#32;&#32;x y' );
		expect( escapeWikitext( '\n\n x' ) ).toBe( '&#32;&#32;x' );
		expect( escapeWikitext( 'a\r\n\r\nb' ) ).toBe( 'a b' );
	} );

	it.each( [
		// GREEK QUESTION MARK: ";" once saved, which starts a definition list.
		[ '\u037e term', '&#59; term' ],
		[ 'a\u037eb', 'a&#59;b' ],
		// GREEK VARIA: "`" once saved (no meaning; kept as the wiki will store it).
		[ '\u1fef', '`' ],
		// An "=" followed by a combining long solidus overlay is "≠" once saved.
		[ '=\u0338x', '\u2260x' ],
		// KELVIN SIGN, ANGSTROM SIGN: their letters.
		[ '\u212a\u212b', 'K\u00c5' ],
	] )( 'escapes what NFC makes of %j, as MediaWiki saves it', ( input, expected ) => {
		expect( escapeWikitext( input ) ).toBe( expected );
		expect( escapeWikitext( input ).normalize( 'NFC' ).replace( /&#\d+;/g, '' ) ).not.toMatch( MEANINGFUL );
	} );

	it( 'breaks magic-link words (ISBN, RFC, PMID) whatever their case', () => {
		expect( escapeWikitext( 'ISBN 1 rfc 2 Pmid 3' ) ).toBe( '&#73;SBN 1 &#114;fc 2 &#80;mid 3' );
	} );
} );

describe( 'isLinkableTitle', () => {
	it.each( [
		'Project:Partnerships/Heroes/bob-2026',
		'Partnerships/Heroes/a',
		'Project:Ünïcödé & co',
	] )( 'takes %j', ( title ) => {
		expect( isLinkableTitle( title ) ).toBe( true );
	} );

	it.each( [
		'',
		' Project:X',
		'Project:X ',
		'Project:X]]evil',
		'Project:X|text',
		'Project:X#frag',
		'Project:{{X}}',
		'Project:<b>',
		'Project:X\nY',
		'Project:X%5D',
		'Project:X&lt;',
		'Project:X~~~',
		'Project:X__NOTOC__',
		':Category:X',
		'/relative',
		'Project:A/../B',
		'x'.repeat( 256 ),
		'Project:A\u037eB',
	] )( 'refuses %j', ( title ) => {
		expect( isLinkableTitle( title ) ).toBe( false );
	} );
} );

describe( 'buildTalkMessage', () => {
	const parts: TalkMessageParts = {
		nominee: 'bob_smith',
		category: 'Volunteer',
		citation: 'Fixed [[Category:Hacked]] {{Evil}} ~~~~ http://evil.example\n== x ==',
		heroTitle: 'Project:Partnerships/Heroes/bob-smith-2026',
		linkText: 'the nomination ]] [[Category:X',
		endorsers: [ 'Carol', 'Dave [[x]]' ],
	};

	it( 'addresses the nominee\'s talk page and escapes every parameter', () => {
		const message = buildTalkMessage( parts, plainMessage );
		expect( message.title ).toBe( 'User talk:Bob smith' );
		expect( message.sectionTitle ).toBe( 'Community hero: Volunteer' );
		expect( message.text.endsWith( ' ~~~~' ) ).toBe( true );
		const body = message.text.slice( 0, -' ~~~~'.length );
		// The only markup: the translators' PLURAL and the one link to the nomination.
		const link = '[[:Project:Partnerships/Heroes/bob-smith-2026|the nomination &#93;&#93; &#91;&#91;Category&#58;X]]';
		expect( body ).toContain( link );
		const rest = body.replace( link, '' ).replace( /\{\{PLURAL:2\|one person\|2 people\}\}/, '' );
		expect( rest ).not.toMatch( /[[\]{}|~]|https?:/ );
		expect( body ).toContain( 'Bob smith' );
		expect( decode( body ) ).toContain( 'Fixed [[Category:Hacked]] {{Evil}} ~~~~ http://evil.example == x ==' );
		expect( decode( body ) ).toContain( 'Carol, Dave [[x]]' );
		expect( body ).not.toContain( '\n' );
	} );

	it( 'leaves no markup in a citation, category or endorser that NFC would make into markup', () => {
		const message = buildTalkMessage( {
			...parts,
			citation: '\u037e definition list? \u037e\u037e',
			category: '\u037e cat',
			endorsers: [ '\u037eCarol' ],
		}, plainMessage );
		const saved = message.text.normalize( 'NFC' );
		expect( message.text ).not.toContain( '\u037e' );
		expect( saved.replace( /&#\d+;/g, '' ) ).not.toMatch( /;/ );
		expect( message.sectionTitle.normalize( 'NFC' ).replace( /&#\d+;/g, '' ) ).not.toMatch( /;/ );
		expect( decode( saved ) ).toContain( '; definition list? ;;' );
	} );

	it( 'keeps the section title on one line and bounded, never cutting a reference', () => {
		const message = buildTalkMessage( { ...parts, category: '[=]'.repeat( 200 ) + '\nsecond line' }, plainMessage );
		expect( message.sectionTitle.length ).toBeLessThanOrEqual( SECTION_TITLE_MAX_LENGTH );
		expect( message.sectionTitle ).not.toMatch( /[\n=[\]]/ );
		expect( message.sectionTitle ).toMatch( /;$/ );
		// A translation with a line break still gives one line.
		const odd = buildTalkMessage( parts, ( key, ...params ) => key.endsWith( 'section' ) ? `Hero\n== ${ params[ 0 ] }` : plainMessage( key, ...params ) );
		expect( odd.sectionTitle ).toBe( 'Hero == Volunteer' );
	} );

	it( 'passes parameters as the messages number them', () => {
		const seen: Record<string, string[]> = {};
		buildTalkMessage( { ...parts, endorsers: [ 'A', 'B', 'C' ] }, ( key, ...params ) => {
			seen[ key ] = params;
			return key;
		} );
		expect( seen[ 'partnerships-heroes-talk-section' ] ).toEqual( [ 'Volunteer' ] );
		const text = seen[ 'partnerships-heroes-talk-text' ];
		expect( text ).toHaveLength( 6 );
		expect( text[ 0 ] ).toBe( 'Bob smith' );
		expect( text[ 1 ] ).toBe( 'Volunteer' );
		expect( decode( text[ 2 ] ) ).toBe( 'Fixed [[Category:Hacked]] {{Evil}} ~~~~ http://evil.example == x ==' );
		expect( text[ 3 ] ).toMatch( /^\[\[:Project:Partnerships\/Heroes\/bob-smith-2026\|/ );
		expect( text[ 4 ] ).toBe( '3' );
		expect( text[ 5 ] ).toBe( 'A, B, C' );
	} );

	it( 'refuses a title that cannot be linked and a nominee that is no user name', () => {
		expect( () => buildTalkMessage( { ...parts, heroTitle: 'Project:X]]{{Evil}}' }, plainMessage ) ).toThrow();
		expect( () => buildTalkMessage( { ...parts, heroTitle: 'Category:Hacked|x' }, plainMessage ) ).toThrow();
		expect( () => buildTalkMessage( { ...parts, nominee: 'Bob]]' }, plainMessage ) ).toThrow();
		expect( () => buildTalkMessage( { ...parts, nominee: 'Bob/sub' }, plainMessage ) ).toThrow();
		expect( () => buildTalkMessage( { ...parts, nominee: '' }, plainMessage ) ).toThrow();
	} );

	it( 'links with a leading colon, so a category title is a link, not a categorisation', () => {
		const message = buildTalkMessage( { ...parts, heroTitle: 'Category:Heroes' }, plainMessage );
		expect( message.text ).toContain( '[[:Category:Heroes|' );
	} );
} );

describe( 'plainMessageFrom and talkMessageKeys (the message in the content language)', () => {
	const parts: TalkMessageParts = {
		nominee: 'Bob',
		category: '',
		citation: 'Hat $2 und {{Evil}} geschrieben ~~~~',
		heroTitle: 'Project:Partnerships/Heroes/bob-2026',
		linkText: '',
		endorsers: [ 'Carol', '$1' ],
	};
	// A content language other than the celebrating person's (the test's own texts).
	const GERMAN: Record<string, string> = {
		'partnerships-heroes-talk-section': 'Held der Gemeinschaft: $1',
		'partnerships-heroes-talk-text': 'Glückwunsch, $1 ($2)! „$3“ – $4, {{PLURAL:$5|eine Person|$5 Personen}}: $6.',
		'partnerships-heroes-talk-link': 'die Nominierung',
		'partnerships-heroes-category-mentor': 'Mentorin oder Mentor',
	};

	it( 'builds the message from the given texts, parameters in one pass and escaped', () => {
		const plain = plainMessageFrom( GERMAN );
		const message = buildTalkMessage( {
			...parts,
			category: plain( 'partnerships-heroes-category-mentor' ),
			linkText: plain( 'partnerships-heroes-talk-link' ),
		}, plain );
		expect( message.sectionTitle ).toBe( 'Held der Gemeinschaft: Mentorin oder Mentor' );
		expect( message.text ).toBe( 'Glückwunsch, Bob (Mentorin oder Mentor)! „Hat &#36;2 und &#123;&#123;Evil&#125;&#125; geschrieben ' +
			'&#126;&#126;&#126;&#126;“ – [[:Project:Partnerships/Heroes/bob-2026|die Nominierung]], ' +
			'{{PLURAL:2|eine Person|2 Personen}}: Carol, &#36;1. ~~~~' );
		expect( plain( 'partnerships-heroes-talk-section', '$2', 'x' ) ).toBe( 'Held der Gemeinschaft: $2' );
	} );

	it( 'never makes up a message it was not given', () => {
		const plain = plainMessageFrom( { 'partnerships-heroes-talk-section': 'Held: $1' } );
		expect( () => plain( 'partnerships-heroes-talk-text', 'x' ) ).toThrow( /partnerships-heroes-talk-text/ );
		expect( () => plain( 'toString' ) ).toThrow();
		expect( () => buildTalkMessage( { ...parts, category: 'x', linkText: 'y' }, plain ) ).toThrow();
	} );

	it( 'asks for every message the talk message is built from, each one known', () => {
		const keys = talkMessageKeys();
		expect( keys ).toEqual( expect.arrayContaining( [
			'partnerships-heroes-talk-section', 'partnerships-heroes-talk-text', 'partnerships-heroes-talk-link',
			'partnerships-heroes-category-mentor', 'partnerships-heroes-category-emerging-community',
		] ) );
		for ( const key of keys ) {
			expect( EN[ key ], key ).toEqual( expect.any( String ) );
		}
	} );
} );
