<?php

namespace MediaWiki\Extension\Partnerships;

use MediaWiki\Output\Hook\BeforePageDisplayHook;
use MediaWiki\Output\OutputPage;
use Skin;

/**
 * Glue only: adds the tiny page-view loader, which decides in the browser whether
 * this page needs anything more (and on most pages requests nothing).
 */
class Hooks implements BeforePageDisplayHook {

	/**
	 * @param OutputPage $out
	 * @param Skin $skin
	 */
	public function onBeforePageDisplay( $out, $skin ): void {
		$out->addModules( 'ext.partnerships.pageview' );
	}
}
