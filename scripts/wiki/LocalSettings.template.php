<?php
/**
 * Shared settings for the development/test wikis started by scripts/wiki/harness.ts.
 *
 * Not a LocalSettings.php of its own: the tree's LocalSettings.php (a dispatcher written by
 * the harness) picks the site from the PW_SITE environment variable and requires
 * `.wiki/sites/<site>/LocalSettings.php`, which sets the variables below and then requires
 * this file. Edits here take effect on the next request (no re-provisioning needed).
 *
 * Set by the per-site file:
 * @var string $pwSite             site name, e.g. 'ext' or 'gadgets'
 * @var int    $pwPort             loopback port php -S listens on
 * @var string $pwSiteDir          .wiki/sites/<site>
 * @var string $pwRepoDir          the repository root
 * @var bool   $pwLoadPartnerships whether to load extensions/Partnerships
 * @var bool   $pwDebugLog         whether to write the full debug log
 */

if ( !defined( 'MEDIAWIKI' ) ) {
	exit;
}

require_once "$IP/includes/PlatformSettings.php";

$wgSitename = "Partnerships Dev ($pwSite)";
$wgMetaNamespace = 'Project';
$wgLanguageCode = 'en';
$wgLocaltimezone = 'UTC';

// ---- URLs: php -S on loopback serves the tree at the root ----
$wgServer = "http://127.0.0.1:$pwPort";
$wgCanonicalServer = $wgServer;
$wgScriptPath = '';
$wgResourceBasePath = $wgScriptPath;
$wgArticlePath = '/index.php/$1';
$wgUsePathInfo = true;
$wgLogos = [
	'1x' => "$wgResourceBasePath/resources/assets/change-your-logo.svg",
	'icon' => "$wgResourceBasePath/resources/assets/change-your-logo-icon.svg",
];
// Both wikis live on 127.0.0.1 and browsers do not separate cookies by port.
$wgCookiePrefix = "pw_$pwSite";

// ---- Database: SQLite, one data dir per site ----
$wgDBtype = 'sqlite';
$wgDBserver = '';
$wgDBname = "pw_$pwSite";
$wgDBuser = '';
$wgDBpassword = '';
$wgSQLiteDataDir = "$pwSiteDir/data";
$wgObjectCaches[CACHE_DB] = [
	'class' => SqlBagOStuff::class,
	'loggroup' => 'SQLBagOStuff',
	'server' => [
		'type' => 'sqlite',
		'dbname' => 'wikicache',
		'tablePrefix' => '',
		'variables' => [ 'synchronous' => 'NORMAL' ],
		'dbDirectory' => $wgSQLiteDataDir,
		'trxMode' => 'IMMEDIATE',
		'flags' => 0,
	],
];
$wgJobTypeConf['default'] = [
	'class' => 'JobQueueDB',
	'claimTTL' => 3600,
	'server' => [
		'type' => 'sqlite',
		'dbname' => "{$wgDBname}_jobqueue",
		'tablePrefix' => '',
		'variables' => [ 'synchronous' => 'NORMAL' ],
		'dbDirectory' => $wgSQLiteDataDir,
		'trxMode' => 'IMMEDIATE',
		'flags' => 0,
	],
];
$wgResourceLoaderUseObjectCacheForDeps = true;
// No APCu/memcached: php -S workers are separate processes, so sessions etc. go to SQLite.
$wgMainCacheType = CACHE_NONE;
$wgSessionCacheType = CACHE_DB;
$wgMemCachedServers = [];

// ---- Files: kept across fresh installs (cache) or wiped (data, images) by the harness ----
$wgCacheDirectory = "$pwSiteDir/cache";
// Localisation cache as PHP arrays in the cache dir: survives fresh installs, opcache-friendly.
$wgLocalisationCacheConf['store'] = 'array';
$wgTmpDirectory = "$pwSiteDir/tmp";
$wgEnableUploads = true;
$wgUploadDirectory = "$pwSiteDir/images";
// <tree>/images/<site> is a symlink to $wgUploadDirectory, so php -S serves the files.
$wgUploadPath = "$wgScriptPath/images/$pwSite";
$wgUseImageMagick = false;
$wgUseInstantCommons = false;
$wgPingback = false;
$wgDiff3 = is_executable( '/usr/bin/diff3' ) ? '/usr/bin/diff3' : '';

// ---- Mail: never sent from a test wiki ----
$wgEnableEmail = false;
$wgEnableUserEmail = false;
$wgEnotifUserTalk = false;
$wgEnotifWatchlist = false;
$wgEmailAuthentication = false;

// ---- Accounts: every registered account is autoconfirmed at once ----
$wgAutoConfirmAge = 0;
$wgAutoConfirmCount = 0;

// ---- Debugging ----
$wgShowExceptionDetails = true;
$wgDebugLogGroups['exception'] = "$pwSiteDir/logs/exception.log";
$wgDebugLogGroups['error'] = "$pwSiteDir/logs/error.log";
$wgDebugLogGroups['fatal'] = "$pwSiteDir/logs/error.log";
if ( $pwDebugLog ) {
	$wgDebugLogFile = "$pwSiteDir/logs/debug.log";
}

// ---- Skins ----
$wgDefaultSkin = 'vector-2022';
wfLoadSkin( 'Vector' );
wfLoadSkin( 'MonoBook' );
wfLoadSkin( 'Timeless' );
wfLoadSkin( 'MinervaNeue' );
// Night mode for everyone, as on Wikimedia wikis (?vectornightmode=1, ?minervanightmode=1).
$wgVectorNightMode = [ 'logged_out' => true, 'logged_in' => true, 'beta' => false ];
$wgMinervaNightMode = [ 'base' => true, 'loggedin' => true, 'amc' => true, 'beta' => true ];

// ---- Extensions ----
wfLoadExtension( 'Gadgets' );
if ( $pwLoadPartnerships ) {
	wfLoadExtension( 'Partnerships' );
}

// ---- Per-site overrides written by tests (harness: extraSettings / setExtraSettings) ----
if ( is_file( "$pwSiteDir/extra.php" ) ) {
	require "$pwSiteDir/extra.php";
}
