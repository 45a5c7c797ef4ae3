// Types of harness.mjs (plain JavaScript so that it runs with Node alone).

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
}

export interface Wiki {
	/** 'ext' (with the extension), 'gadgets', or a scratch site of a test's own */
	site: string;
	/** e.g. http://127.0.0.1:PORT */
	url: string;
	/** url + '/api.php' */
	api: string;
	/** url + '/index.php' */
	index: string;
	/** The MediaWiki tree */
	dir: string;
	accounts: { admin: AdminAccount; users: Account[] };
	load: string;
	port: number;
	siteDir: string;
	serverLog: string;
	/** Whether the Partnerships extension is loaded */
	partnerships: boolean;
	runMaintenance( script: string, args?: string[], options?: { input?: string } ): Promise<{ stdout: string; stderr: string }>;
	/** Rewrites the site's extra.php (PHP settings); applies from the next request */
	setExtraSettings( php: string | null ): Promise<void> | void;
	/** Creates accounts in one maintenance run (see createUsers) */
	createUsers( users: NewAccount[] ): Promise<{ created: number; promoted: number }>;
	/** Resolves when php -S exits */
	exited: Promise<unknown>;
	stop(): Promise<void>;
}

export function startWiki( options?: {
	site?: string;
	port?: number;
	fresh?: boolean;
	log?: ( line: string ) => void;
	extraSettings?: string;
	partnerships?: boolean;
	debugLog?: boolean;
	workers?: number;
	readyTimeoutMs?: number;
} ): Promise<Wiki>;

/**
 * Create accounts on an installed site in ONE maintenance run; existing accounts keep
 * their password, missing groups are added.
 */
export function createUsers( site: string, users: NewAccount[] ): Promise<{ created: number; promoted: number }>;

export function ensurePhp( options?: { log?: ( line: string ) => void } ): Promise<void>;

export interface ApiSession {
	call( params: Record<string, unknown>, options?: { post?: boolean; throwOnError?: boolean } ): Promise<Record<string, any>>;
	token( type?: string ): Promise<string>;
}

export function apiSession( api: string ): ApiSession;
export function apiLogin( api: string, username: string, password: string ): Promise<ApiSession>;
