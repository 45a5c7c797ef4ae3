// The harness and both packagings on real MediaWiki 1.43 wikis, through the Action API.
import { execFileSync } from 'node:child_process';
import { describe, expect, inject, it } from 'vitest';
import { HttpActionApi } from '../../src/shared/api/HttpActionApi';
import { loadPartnerships } from '../../src/knowledge/data/partnershipRepository';
import { demoRecords } from '../../scripts/lib/seed';
import { definitionSection } from '../../gadgets/gadgets';

const wikis = inject( 'wikis' );

describe( 'the local wikis', () => {
	it.each( [ 'ext', 'gadgets' ] as const )( '%s runs MediaWiki 1.43 with Gadgets and the accounts', async ( site ) => {
		const api = new HttpActionApi( wikis[ site ].api );
		const info = await api.get( { action: 'query', meta: 'siteinfo', siprop: [ 'general', 'extensions' ] } );
		expect( info.query.general.generator ).toMatch( /^MediaWiki 1\.43\./ );
		const extensions = info.query.extensions.map( ( e: { name: string } ) => e.name );
		expect( extensions ).toContain( 'Gadgets' );
		expect( extensions.includes( 'Partnerships' ) ).toBe( site === 'ext' );

		const { admin, users } = wikis[ site ].accounts;
		expect( users.length ).toBeGreaterThanOrEqual( 3 );
		const answer = await api.get( { action: 'query', list: 'users', ususers: [ admin.username, ...users.map( ( u ) => u.username ) ], usprop: 'groups' } );
		const groups = Object.fromEntries( answer.query.users.map( ( u: { name: string; groups: string[] } ) => [ u.name, u.groups ] ) );
		expect( groups[ admin.username ] ).toEqual( expect.arrayContaining( [ 'sysop', 'interface-admin' ] ) );
		for ( const user of users ) {
			expect( groups[ user.username ] ).not.toContain( 'sysop' );
			expect( groups[ user.username ] ).toContain( 'autoconfirmed' );
		}
	} );

	it( 'makes record pages JSON by default on the extension wiki, so creating one needs no content-model change', async () => {
		const alice = new HttpActionApi( wikis.ext.api );
		await alice.clientLogin( wikis.ext.accounts.users[ 0 ].username, wikis.ext.accounts.users[ 0 ].password );
		const answer = await alice.postWithEditToken( {
			action: 'edit', title: 'Project:Partnerships/Records/default-model-check', createonly: true, assert: 'user', summary: 'test',
			text: JSON.stringify( { schema: 'partnership/1', name: 'Default model', type: 'other', status: 'proposed', partners: [ { label: 'Test partner' } ] } ),
		} );
		expect( answer.edit.contentmodel ).toBe( 'json' );
		const elsewhere = await alice.postWithEditToken( { action: 'edit', title: 'Project:Partnerships/Notes', text: '{}', assert: 'user', summary: 'test' } );
		expect( elsewhere.edit.contentmodel ).toBe( 'wikitext' );
	} );

	it( 'serves the extension modules through ResourceLoader', async () => {
		const response = await fetch( `${ wikis.ext.url }/load.php?modules=ext.partnerships.pageview|ext.partnerships.app&debug=1&lang=en` );
		const text = await response.text();
		expect( response.status ).toBe( 200 );
		// ResourceLoader reports a failing module as state "error" with a comment.
		expect( text ).not.toMatch( /mw\.loader\.state\(\{[^}]*"error"/ );
		expect( text ).not.toContain( 'Problematic modules' );
		expect( text ).toContain( 'partnerships-config.json' );
		expect( text ).toMatch( /"PartnershipsRecordsRoot":\s*"Project:Partnerships"/ );
		expect( text ).toContain( '"partnerships-list-caption"' );
	} );

	it( 'has the gadgets installed by the deploy command', async () => {
		const api = new HttpActionApi( wikis.gadgets.api );
		const answer = await api.get( { action: 'query', list: 'gadgets', gaprop: [ 'id', 'metadata' ] } );
		const gadgets = Object.fromEntries( answer.query.gadgets.map( ( g: { id: string; metadata: { settings: object; module: object } } ) => [ g.id, g.metadata ] ) );
		expect( gadgets[ 'partnerships-pageview' ].settings ).toMatchObject( { default: true, hidden: true } );
		expect( gadgets[ 'partnerships-app' ].module.dependencies ).toEqual( expect.arrayContaining( [ 'vue', '@wikimedia/codex' ] ) );

		const pages = await api.get( { action: 'query', titles: 'MediaWiki:Gadget-partnerships-app.js', prop: 'revisions', rvprop: [ 'comment', 'user' ] } );
		const rev = pages.query.pages[ 0 ].revisions[ 0 ];
		expect( rev.user ).toBe( wikis.gadgets.accounts.admin.username );
		const commit = execFileSync( 'git', [ 'rev-parse', '--short=12', 'HEAD' ], { encoding: 'utf8' } ).trim();
		expect( rev.comment ).toContain( commit );
	} );

	it( 'deploys again without changes, and keeps other gadgets in the definition', async () => {
		const wiki = wikis.gadgets;
		const admin = new HttpActionApi( wiki.api );
		await admin.login( wiki.accounts.admin.botUsername, wiki.accounts.admin.botPassword );
		const other = '== tools ==\n* HotCat[ResourceLoader]|HotCat.js';
		const current = await admin.get( { action: 'query', titles: 'MediaWiki:Gadgets-definition', prop: 'revisions', rvprop: 'content', rvslots: 'main' } );
		await admin.postWithEditToken( {
			action: 'edit', title: 'MediaWiki:Gadgets-definition', assert: 'user', summary: 'another gadget',
			text: `${ other }\n${ current.query.pages[ 0 ].revisions[ 0 ].slots.main.content }`,
		} );
		const env = { ...process.env, PARTNERSHIPS_BOT_USER: wiki.accounts.admin.botUsername, PARTNERSHIPS_BOT_PASSWORD: wiki.accounts.admin.botPassword };
		const dirty = execFileSync( 'git', [ 'status', '--porcelain' ], { encoding: 'utf8' } ).trim() ? [ '--allow-dirty' ] : [];
		const dry = execFileSync( 'npm', [ 'run', '--silent', 'deploy', '--', '--wiki', wiki.api, '--dry-run', ...dirty ], { env, encoding: 'utf8' } );
		// Everything is as deployed but the configuration: the local wiki's points the
		// Wikidata lookup at the replay server, so a deploy of the defaults shows that diff.
		expect( dry ).toContain( 'Would change 1 of' );
		expect( dry ).toContain( '--- MediaWiki:Gadget-partnerships-config.json (wiki)' );
		expect( dry ).toMatch( /^-.*PartnershipsWikidataApi.*127\.0\.0\.1/m );
		expect( dry ).toMatch( /^\+.*PartnershipsWikidataApi.*www\.wikidata\.org/m );
		const after = await admin.get( { action: 'query', titles: 'MediaWiki:Gadgets-definition', prop: 'revisions', rvprop: 'content', rvslots: 'main' } );
		const text = after.query.pages[ 0 ].revisions[ 0 ].slots.main.content;
		expect( text ).toContain( other );
		expect( text ).toContain( definitionSection() );
	} );

	it( 'refuses to deploy from a dirty working tree', () => {
		let failure: { status?: number; stderr?: string } = {};
		try {
			execFileSync( 'npm', [ 'run', '--silent', 'deploy', '--', '--wiki', wikis.gadgets.api, '--dry-run' ], {
				encoding: 'utf8',
				stdio: 'pipe',
				// A fake `git` that reports an uncommitted file, first on the PATH.
				env: { ...process.env, PATH: `${ process.cwd() }/tests/wiki/dirty-git:${ process.env.PATH }` },
			} );
		} catch ( e ) {
			failure = e as typeof failure;
		}
		expect( failure.status ).toBe( 1 );
		expect( failure.stderr ).toContain( 'Refusing to deploy' );
	} );

	it.each( [ 'ext', 'gadgets' ] as const )( 'holds the demo records, read back in batches (%s)', async ( site ) => {
		const entries = await loadPartnerships( new HttpActionApi( wikis[ site ].api ), { namespace: 4, title: 'Partnerships' } );
		const demo = demoRecords();
		for ( const { id, record } of demo ) {
			const entry = entries.find( ( e ) => e.title === `Project:Partnerships/Records/${ id }` );
			expect( entry && entry.valid && entry.record ).toMatchObject( record );
		}
	} );
} );
