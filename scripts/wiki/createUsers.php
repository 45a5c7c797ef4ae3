<?php
/**
 * Creates accounts in one maintenance run (one PHP start-up however many there are),
 * for tests that need many accounts: scripts/wiki/accounts.ts createUsers().
 *
 * Reads a JSON list from standard input: [ { "username": …, "password": …, "groups": [ … ] } ].
 * An account that exists keeps its password; missing groups are added either way.
 * Writes one JSON line: { "created": <number of new accounts>, "promoted": <number of groups added> }.
 *
 * Run as `php maintenance/run.php <this file>` with the site's MW_INSTALL_PATH and MW_CONFIG_FILE.
 */

use MediaWiki\Auth\AuthManager;
use MediaWiki\Maintenance\Maintenance;

require_once getenv( 'MW_INSTALL_PATH' ) . '/maintenance/Maintenance.php';

class PartnershipsCreateUsers extends Maintenance {
	public function __construct() {
		parent::__construct();
		$this->addDescription( 'Create accounts (and add groups) from a JSON list on standard input' );
	}

	public function execute() {
		$list = json_decode( stream_get_contents( STDIN ), true );
		if ( !is_array( $list ) ) {
			$this->fatalError( 'Expected a JSON list on standard input' );
		}
		$services = $this->getServiceContainer();
		$groupManager = $services->getUserGroupManager();
		$known = $groupManager->listAllGroups();
		$created = 0;
		$promoted = 0;
		foreach ( $list as $spec ) {
			$user = $services->getUserFactory()->newFromName( (string)( $spec['username'] ?? '' ) );
			if ( !$user ) {
				$this->fatalError( 'Invalid user name: ' . json_encode( $spec['username'] ?? null ) );
			}
			if ( $user->idForName() === 0 ) {
				$status = $services->getAuthManager()->autoCreateUser(
					$user, AuthManager::AUTOCREATE_SOURCE_MAINT, false
				);
				if ( !$status->isGood() ) {
					$this->fatalError( $status );
				}
				$password = (string)( $spec['password'] ?? '' );
				$status = $user->changeAuthenticationData( [
					'username' => $user->getName(),
					'password' => $password,
					'retype' => $password,
				] );
				if ( !$status->isGood() ) {
					$this->fatalError( $status );
				}
				$created++;
			}
			$groups = array_diff( $spec['groups'] ?? [], $groupManager->getUserGroups( $user ) );
			foreach ( $groups as $group ) {
				if ( !in_array( $group, $known, true ) ) {
					$this->fatalError( "No group $group on this wiki" );
				}
			}
			if ( $groups ) {
				$groupManager->addUserToMultipleGroups( $user, array_values( $groups ) );
				$promoted += count( $groups );
			}
		}
		$this->output( json_encode( [ 'created' => $created, 'promoted' => $promoted ] ) . "\n" );
	}
}

$maintClass = PartnershipsCreateUsers::class;
require_once RUN_MAINTENANCE_IF_MAIN;
