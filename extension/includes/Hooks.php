<?php

namespace MediaWiki\Extension\Partnerships;

use MediaWiki\Config\Config;
use MediaWiki\Html\Html;
use MediaWiki\MediaWikiServices;
use MediaWiki\Output\Hook\BeforePageDisplayHook;
use MediaWiki\Output\OutputPage;
use MediaWiki\ResourceLoader\Context;
use MediaWiki\Revision\Hook\ContentHandlerDefaultModelForHook;
use MediaWiki\Revision\SlotRecord;
use MediaWiki\Title\Title;
use Skin;

/**
 * Glue only. Adds the tiny page-view loader, which decides in the browser whether this
 * page needs anything more (on most pages it requests nothing); ships the donations
 * index with it; reserves the badge's space on pages the index names by category; and
 * makes record pages JSON by default, so that creating one is not a content-model change
 * (which needs the editcontentmodel right and is rate-limited for ordinary accounts).
 */
class Hooks implements BeforePageDisplayHook, ContentHandlerDefaultModelForHook {

	/** Folders under the records root that hold JSON records */
	private const RECORD_FOLDERS = [ 'Records', 'Heroes' ];

	/**
	 * The badge's reserved space, as the marker template reserves it: exactly the badge's
	 * height, which its layout fixes whatever its text (badge.less): a 1px border and
	 * 12px padding on each side around a row as tall as the 48px logo or three lines of
	 * text (0.875rem × 1.5714 line height, 2px apart), whichever is taller; on windows
	 * narrower than 1000px (the badge's narrow layout, the same width as its media query)
	 * each line may take two (3 × 1.375rem more), and below them, after a 12px gap, come
	 * the link (a line: 1.375rem) and, 8px under it, the 32px button. The
	 * step at 1000px is a clamp() of a steep function of the window's width, so that it
	 * works in a style attribute, before any stylesheet has loaded.
	 */
	private const BADGE_SLOT_STYLE = 'min-height: calc(26px + max(48px, 4.125rem + 4px) + ' .
		'clamp(0px, (999.99px - 100vw) * 100000, 5.5rem + 52px)); margin: 1em 0;';

	private Config $config;

	/**
	 * @param Config $config
	 */
	public function __construct( Config $config ) {
		$this->config = $config;
	}

	/**
	 * @param OutputPage $out
	 * @param Skin $skin
	 */
	public function onBeforePageDisplay( $out, $skin ): void {
		$out->addModules( 'ext.partnerships.pageview' );
		if ( $this->needsBadgeSlot( $out ) ) {
			// The badge arrives after the first paint; the space it takes is reserved now, at
			// the top of the content, so nothing the reader sees moves when it comes. The
			// same size as the marker template's, which the badge fills (see badge.less).
			$out->prependHTML( Html::element( 'div', [
				'class' => 'partnerships-badge-slot',
				'style' => self::BADGE_SLOT_STYLE,
			] ) );
		}
	}

	/**
	 * Whether the page-view loader will show a badge found by category on this page: the
	 * same test as findDonation() in the browser (one of the page's categories, as
	 * wgCategories has them, is a key of the donations index), for a page view without the
	 * marker template (whose element reserves the space itself).
	 *
	 * @param OutputPage $out
	 * @return bool
	 */
	private function needsBadgeSlot( OutputPage $out ): bool {
		if ( $out->getActionName() !== 'view' || !$out->isArticle() ) {
			return false;
		}
		$categories = $out->getCategories();
		if ( !$categories || str_contains( $out->getHTML(), 'partnerships-donation' ) ) {
			return false;
		}
		$index = self::readDonationIndex( $this->config );
		if ( !is_array( $index ) || ( $index['v'] ?? null ) !== 1 ||
			!is_array( $index['r'] ?? null ) || !is_array( $index['c'] ?? null )
		) {
			return false;
		}
		$rows = $index['r'];
		$map = $index['c'];
		foreach ( array_slice( $categories, 0, 500 ) as $category ) {
			$at = $map[$category] ?? null;
			$row = is_int( $at ) ? ( $rows[$at] ?? null ) : null;
			// A row the browser would take: an id and an institution.
			if ( is_array( $row ) && is_string( $row[0] ?? null ) && trim( $row[0] ) !== '' &&
				is_string( $row[2] ?? null ) && trim( $row[2] ) !== ''
			) {
				return true;
			}
		}
		return false;
	}

	/**
	 * @param Title $title
	 * @param string &$model
	 * @return bool|void
	 */
	public function onContentHandlerDefaultModelFor( $title, &$model ) {
		$root = Title::newFromText( $this->config->get( 'PartnershipsRecordsRoot' ) );
		if ( !$root || $title->getNamespace() !== $root->getNamespace() ) {
			return;
		}
		foreach ( self::RECORD_FOLDERS as $folder ) {
			if ( str_starts_with( $title->getDBkey(), $root->getDBkey() . '/' . $folder . '/' ) ) {
				$model = CONTENT_MODEL_JSON;
				return false;
			}
		}
	}

	/**
	 * The donations index for the page-view loader: the JSON of the page named by
	 * $wgPartnershipsDonationsPage (written by the deploy command from the records), or
	 * an empty object. The browser checks its shape; here it is only passed on.
	 *
	 * @param Context $context
	 * @param Config $config
	 * @return array|\stdClass
	 */
	public static function donationIndex( Context $context, Config $config ) {
		return self::readDonationIndex( $config );
	}

	/**
	 * @param Config $config
	 * @return array|\stdClass The donations index as decoded JSON, or an empty object
	 */
	private static function readDonationIndex( Config $config ) {
		$title = Title::newFromText( $config->get( 'PartnershipsDonationsPage' ) );
		if ( !$title ) {
			return new \stdClass();
		}
		$services = MediaWikiServices::getInstance();
		$latest = $title->getLatestRevID();
		if ( !$latest ) {
			return new \stdClass();
		}
		// Read on page views with categories: kept in the object cache per revision, so a
		// view costs a cache lookup, not a revision and blob load.
		$cache = $services->getMainWANObjectCache();
		$data = $cache->getWithSetCallback(
			$cache->makeKey( 'partnerships-donation-index', $latest ),
			$cache::TTL_DAY,
			static function () use ( $services, $latest ) {
				$revision = $services->getRevisionLookup()->getRevisionById( $latest );
				$content = $revision ? $revision->getContent( SlotRecord::MAIN ) : null;
				$decoded = $content ? json_decode( $content->serialize(), true ) : null;
				return is_array( $decoded ) ? $decoded : [];
			}
		);
		return is_array( $data ) && $data ? $data : new \stdClass();
	}
}
