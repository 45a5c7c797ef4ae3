// The accounts of every development/test wiki: an administrator with a bot password (as
// `npm run deploy` logs in) and three ordinary users, with fixed passwords because the
// wikis only listen on loopback; and accounts made in bulk for tests that need many.
import path from 'node:path';
import { HttpActionApi } from '../../src/shared/api/HttpActionApi';
import { run } from './exec';
import { HARNESS_DIR, TREE_DIR } from './paths';
import { checkSiteName, runMaintenance, siteEnv } from './site';

export const ADMIN_PASSWORD = 'partnerships-dev-Admin-1';
export const BOT_APP_ID = 'deploy';
// MediaWiki only treats a password as a bot password if it matches /^[0-9a-w]{32,}$/.
export const BOT_PASSWORD = 'partnershipsdevbotpassword000001';
/** Grants of Admin@deploy (names from $wgGrantPermissions in MediaWiki 1.43). */
export const BOT_GRANTS = [
	'basic', 'highvolume', 'editpage', 'editprotected', 'editmycssjs', 'editmyoptions',
	'editinterface', 'editsiteconfig', 'createeditmovepage', 'uploadfile', 'uploadeditmovefile',
	'patrol', 'rollback', 'delete', 'protect', 'blockusers', 'viewmywatchlist', 'editmywatchlist',
];
export const USERS = [ 'Alice', 'Bob', 'Carol' ];
const userPassword = ( name: string ): string => `partnerships-dev-${ name }-1`;

export interface Account {
	username: string;
	password: string;
}

export interface NewAccount extends Account {
	/** Groups to add, e.g. [ 'partnership-coordinator' ] */
	groups?: string[];
}

export interface AdminAccount extends Account {
	/** Bot password login name, e.g. "Admin@deploy" */
	botUsername: string;
	botPassword: string;
	/** The groups it is in */
	groups?: string[];
}

export interface Accounts {
	admin: AdminAccount;
	users: Account[];
}

/**
 * @return The accounts every site has
 */
export function siteAccounts(): Accounts {
	return {
		admin: {
			username: 'Admin', password: ADMIN_PASSWORD,
			botUsername: `Admin@${ BOT_APP_ID }`, botPassword: BOT_PASSWORD,
			groups: [ 'sysop', 'bureaucrat', 'interface-admin' ],
		},
		users: USERS.map( ( username ) => ( { username, password: userPassword( username ) } ) ),
	};
}

/**
 * Make the accounts on a freshly installed site: the administrator's groups and bot
 * password, and the ordinary users.
 *
 * @param site A site name
 * @param accounts Its accounts
 */
export async function createSiteAccounts( site: string, accounts: Accounts ): Promise<void> {
	await runMaintenance( site, 'createAndPromote', [
		'--force', '--sysop', '--bureaucrat', '--interface-admin', 'Admin', ADMIN_PASSWORD,
	] );
	for ( const u of accounts.users ) {
		await runMaintenance( site, 'createAndPromote', [ u.username, u.password ] );
	}
	await runMaintenance( site, 'createBotPassword', [
		`--appid=${ BOT_APP_ID }`, `--grants=${ BOT_GRANTS.join( ',' ) }`, 'Admin', BOT_PASSWORD,
	] );
}

/**
 * Create accounts on a site in ONE maintenance run (one PHP start-up, whatever their
 * number), for tests that need many. Accounts that exist keep their password; missing
 * groups are added. The site must be installed (its wiki may be running: SQLite locks).
 *
 * @param site The site, e.g. 'ext'
 * @param users The accounts
 * @return Accounts created, groups added
 */
export async function createUsers( site: string, users: NewAccount[] ): Promise<{ created: number; promoted: number }> {
	checkSiteName( site );
	const { stdout } = await run( 'php', [ 'maintenance/run.php', path.join( HARNESS_DIR, 'createUsers.php' ) ], {
		cwd: TREE_DIR, env: siteEnv( site ), input: JSON.stringify( users ),
	} );
	return JSON.parse( stdout.trim().split( '\n' ).pop() as string );
}

/**
 * An API client logged in: "User@appid" names with their bot password (action=login),
 * others with their own password (action=clientlogin).
 *
 * @param api The wiki's api.php URL
 * @param username Account or bot password name
 * @param password Its password
 * @return The logged-in client
 */
export async function apiLogin( api: string, username: string, password: string ): Promise<HttpActionApi> {
	const session = new HttpActionApi( api );
	if ( username.includes( '@' ) ) {
		await session.login( username, password );
	} else {
		await session.clientLogin( username, password );
	}
	return session;
}
