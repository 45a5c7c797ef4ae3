<?php

namespace MediaWiki\Extension\Partnerships;

use MediaWiki\Config\Config;
use MediaWiki\Permissions\Hook\GetUserPermissionsErrorsExpensiveHook;
use MediaWiki\Permissions\Hook\GetUserPermissionsErrorsHook;
use MediaWiki\Permissions\PermissionManager;
use MediaWiki\Revision\RevisionLookup;
use MediaWiki\Revision\RevisionRecord;
use MediaWiki\Revision\SlotRecord;
use MediaWiki\Title\Title;
use MediaWiki\User\User;
use MediaWiki\User\UserGroupManager;
use MediaWiki\User\UserNameUtils;
use Wikimedia\Rdbms\IConnectionProvider;
use Wikimedia\Rdbms\IExpression;
use Wikimedia\Rdbms\LikeValue;

/**
 * Who may edit which community-heroes page, enforced by the wiki (issue 13): the client
 * only counts pages by their authors, and without this anyone could void or forge them
 * with a plain edit.
 *
 * Under <root>/Heroes/<id>:
 * - <id> (the nomination): created by any named account; afterwards edited only by the
 *   author of its first revision, and by nobody once any page exists under it (an
 *   endorsement, celebration or decline acted on what it said then);
 * - <id>/Endorsements/<name>: only the account <name>;
 * - <id>/Celebration: only people who may celebrate ($wgPartnershipsCelebrateRights,
 *   $wgPartnershipsCelebrateGroups);
 * - <id>/Decline: the nominee (a user nominee, as the nomination names it) or people who
 *   may celebrate;
 * - any other page under <id>: nobody.
 * IP editors and temporary accounts may do none of it, and no page under a nomination
 * is moved (a move would void it as surely as an edit). Deleting stays with those who
 * may delete.
 *
 * Checks that only need the title and the user run in getUserPermissionsErrors (so the
 * edit tab already knows); those that read history or the nomination run in the
 * expensive hook, which MediaWiki runs before every save.
 */
class HeroesPermissions implements GetUserPermissionsErrorsHook, GetUserPermissionsErrorsExpensiveHook {

	/** Folder under the records root holding nominations */
	private const HEROES_FOLDER = 'Heroes';
	private const ENDORSEMENTS_FOLDER = 'Endorsements';
	private const CELEBRATION_PAGE = 'Celebration';
	private const DECLINE_PAGE = 'Decline';

	/** Actions that write a page's text */
	private const WRITE_ACTIONS = [ 'edit', 'create' ];

	/** Actions of a page move, from a title and to one */
	private const MOVE_ACTIONS = [ 'move', 'move-target' ];

	/** Longest nomination text read for its nominee, and its deepest nesting */
	private const MAX_NOMINATION_BYTES = 262144;
	private const MAX_JSON_DEPTH = 64;

	private Config $config;
	private PermissionManager $permissionManager;
	private UserGroupManager $userGroupManager;
	private RevisionLookup $revisionLookup;
	private UserNameUtils $userNameUtils;
	private IConnectionProvider $dbProvider;

	/**
	 * @param Config $config
	 * @param PermissionManager $permissionManager
	 * @param UserGroupManager $userGroupManager
	 * @param RevisionLookup $revisionLookup
	 * @param UserNameUtils $userNameUtils
	 * @param IConnectionProvider $dbProvider
	 */
	public function __construct(
		Config $config,
		PermissionManager $permissionManager,
		UserGroupManager $userGroupManager,
		RevisionLookup $revisionLookup,
		UserNameUtils $userNameUtils,
		IConnectionProvider $dbProvider
	) {
		$this->config = $config;
		$this->permissionManager = $permissionManager;
		$this->userGroupManager = $userGroupManager;
		$this->revisionLookup = $revisionLookup;
		$this->userNameUtils = $userNameUtils;
		$this->dbProvider = $dbProvider;
	}

	/**
	 * @param Title $title
	 * @param User $user
	 * @param string $action
	 * @param array|string|\MessageSpecifier &$result
	 * @return bool
	 */
	public function onGetUserPermissionsErrors( $title, $user, $action, &$result ) {
		$error = $this->check( $title, $user, $action, false );
		if ( $error ) {
			$result = $error;
			return false;
		}
		return true;
	}

	/**
	 * @param Title $title
	 * @param User $user
	 * @param string $action
	 * @param array|string|\MessageSpecifier &$result
	 * @return bool
	 */
	public function onGetUserPermissionsErrorsExpensive( $title, $user, $action, &$result ) {
		$error = $this->check( $title, $user, $action, true );
		if ( $error ) {
			$result = $error;
			return false;
		}
		return true;
	}

	/**
	 * @param Title $title
	 * @param User $user
	 * @param string $action
	 * @param bool $expensive Whether checks that read the database may run
	 * @return array|null A message and its parameters when refused, else null
	 */
	private function check( Title $title, User $user, string $action, bool $expensive ): ?array {
		$isMove = in_array( $action, self::MOVE_ACTIONS, true );
		if ( !$isMove && !in_array( $action, self::WRITE_ACTIONS, true ) ) {
			return null;
		}
		$page = $this->heroesPage( $title );
		if ( $page === null ) {
			return null;
		}
		if ( $isMove ) {
			// Moving a page under a nomination away voids it, moving one in forges it, and
			// moving a nomination parts it from its endorsements.
			return [ 'partnerships-permission-heroes-move' ];
		}
		if ( !$user->isNamed() ) {
			return [ 'partnerships-permission-heroes-named' ];
		}
		switch ( $page['kind'] ) {
			case 'endorsement':
				if ( $this->canonical( $page['name'] ) !== $user->getName() ) {
					return [ 'partnerships-permission-heroes-endorsement', $page['name'] ];
				}
				break;
			case 'celebration':
				if ( !$this->mayCelebrate( $user ) ) {
					return [ 'partnerships-permission-heroes-celebration' ];
				}
				break;
			case 'decline':
				if ( $expensive && !$this->mayCelebrate( $user ) &&
					$this->nomineeOf( $page['nomination'] ) !== $user->getName()
				) {
					return [ 'partnerships-permission-heroes-decline' ];
				}
				break;
			case 'nomination':
				return $expensive ? $this->checkNomination( $title, $user ) : null;
			default:
				return [ 'partnerships-permission-heroes-unknown' ];
		}
		if ( $expensive && !$page['nomination']->exists() ) {
			return [ 'partnerships-permission-heroes-no-nomination' ];
		}
		return null;
	}

	/**
	 * @param Title $title The nomination's page
	 * @param User $user
	 * @return array|null A message when refused
	 */
	private function checkNomination( Title $title, User $user ): ?array {
		if ( $this->hasSubpages( $title ) ) {
			return [ 'partnerships-permission-heroes-nomination-locked' ];
		}
		if ( !$title->exists() ) {
			return null;
		}
		$first = $this->revisionLookup->getFirstRevision( $title );
		$author = $first ? $first->getUser( RevisionRecord::RAW ) : null;
		if ( !$author || $author->getName() !== $user->getName() ) {
			return [ 'partnerships-permission-heroes-nomination-author' ];
		}
		return null;
	}

	/**
	 * @param Title $title
	 * @return array|null What the title is under the heroes folder: 'kind' (nomination,
	 *  endorsement, celebration, decline, other), 'nomination' (its nomination's Title) and
	 *  'name' (for an endorsement, the name its title gives); null for any other page
	 */
	private function heroesPage( Title $title ): ?array {
		$root = Title::newFromText( $this->config->get( 'PartnershipsRecordsRoot' ) );
		if ( !$root || $title->getNamespace() !== $root->getNamespace() ) {
			return null;
		}
		$prefix = $root->getDBkey() . '/' . self::HEROES_FOLDER . '/';
		$key = $title->getDBkey();
		if ( !str_starts_with( $key, $prefix ) ) {
			return null;
		}
		$parts = explode( '/', substr( $key, strlen( $prefix ) ) );
		$nomination = Title::makeTitleSafe( $root->getNamespace(), $prefix . $parts[0] );
		if ( !$nomination ) {
			return [ 'kind' => 'other', 'nomination' => null, 'name' => '' ];
		}
		$page = [ 'kind' => 'other', 'nomination' => $nomination, 'name' => '' ];
		if ( count( $parts ) === 1 ) {
			$page['kind'] = 'nomination';
		} elseif ( count( $parts ) === 2 && $parts[1] === self::CELEBRATION_PAGE ) {
			$page['kind'] = 'celebration';
		} elseif ( count( $parts ) === 2 && $parts[1] === self::DECLINE_PAGE ) {
			$page['kind'] = 'decline';
		} elseif ( count( $parts ) === 3 && $parts[1] === self::ENDORSEMENTS_FOLDER && $parts[2] !== '' ) {
			$page['kind'] = 'endorsement';
			$page['name'] = strtr( $parts[2], '_', ' ' );
		}
		return $page;
	}

	/**
	 * @param string $name A user name as a title gives it
	 * @return string It as the wiki writes account names (first letter by the wiki's rules)
	 */
	private function canonical( string $name ): string {
		$canonical = $this->userNameUtils->getCanonical( $name, UserNameUtils::RIGOR_NONE );
		return is_string( $canonical ) ? $canonical : '';
	}

	/**
	 * @param User $user
	 * @return bool Whether the user has a celebrating right or is in a celebrating group
	 */
	private function mayCelebrate( User $user ): bool {
		$rights = (array)$this->config->get( 'PartnershipsCelebrateRights' );
		if ( $rights && $this->permissionManager->userHasAnyRight( $user, ...$rights ) ) {
			return true;
		}
		$groups = (array)$this->config->get( 'PartnershipsCelebrateGroups' );
		return (bool)array_intersect( $groups, $this->userGroupManager->getUserEffectiveGroups( $user ) );
	}

	/**
	 * @param Title $nomination
	 * @return string|null The user name of its nominee, as its latest revision names it
	 *  (the nomination cannot change once anything was done on it), or null for a
	 *  group, a community, or a page that is not a nomination
	 */
	private function nomineeOf( Title $nomination ): ?string {
		$revision = $this->revisionLookup->getRevisionByTitle( $nomination );
		$content = $revision ? $revision->getContent( SlotRecord::MAIN, RevisionRecord::RAW ) : null;
		if ( !$content ) {
			return null;
		}
		$text = $content->serialize();
		if ( strlen( $text ) > self::MAX_NOMINATION_BYTES ) {
			return null;
		}
		$data = json_decode( $text, true, self::MAX_JSON_DEPTH );
		$nominee = is_array( $data ) ? ( $data['nominee'] ?? null ) : null;
		if ( !is_array( $nominee ) || ( $nominee['kind'] ?? null ) !== 'user' || !is_string( $nominee['user'] ?? null ) ) {
			return null;
		}
		$name = $this->canonical( trim( preg_replace( '/[ _]+/', ' ', $nominee['user'] ) ) );
		return $name === '' ? null : $name;
	}

	/**
	 * @param Title $nomination
	 * @return bool Whether any page exists under it (an endorsement, a celebration, …)
	 */
	private function hasSubpages( Title $nomination ): bool {
		$dbr = $this->dbProvider->getReplicaDatabase();
		$row = $dbr->newSelectQueryBuilder()
			->select( 'page_id' )
			->from( 'page' )
			->where( [
				'page_namespace' => $nomination->getNamespace(),
				$dbr->expr( 'page_title', IExpression::LIKE,
					new LikeValue( $nomination->getDBkey() . '/', $dbr->anyString() ) ),
			] )
			->limit( 1 )
			->caller( __METHOD__ )
			->fetchField();
		return $row !== false;
	}
}
