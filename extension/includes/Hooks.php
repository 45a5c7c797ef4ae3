<?php

namespace MediaWiki\Extension\Partnerships;

use MediaWiki\Config\Config;
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
 * index with it; and makes record pages JSON by default, so that creating one is not a
 * content-model change (which needs the editcontentmodel right and is rate-limited for
 * ordinary accounts).
 */
class Hooks implements BeforePageDisplayHook, ContentHandlerDefaultModelForHook {

	/** Folders under the records root that hold JSON records */
	private const RECORD_FOLDERS = [ 'Records', 'Heroes' ];

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
		$title = Title::newFromText( $config->get( 'PartnershipsDonationsPage' ) );
		if ( !$title ) {
			return new \stdClass();
		}
		$revision = MediaWikiServices::getInstance()->getRevisionLookup()->getRevisionByTitle( $title );
		$content = $revision ? $revision->getContent( SlotRecord::MAIN ) : null;
		$data = $content ? json_decode( $content->serialize(), true ) : null;
		return is_array( $data ) ? $data : new \stdClass();
	}
}
