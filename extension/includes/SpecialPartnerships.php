<?php

namespace MediaWiki\Extension\Partnerships;

use MediaWiki\Config\Config;
use MediaWiki\Html\Html;
use MediaWiki\SpecialPage\SpecialPage;

/**
 * Special:Partnerships — a placeholder the app mounts into; everything else happens
 * in the browser, against the wiki's Action API.
 */
class SpecialPartnerships extends SpecialPage {

	private Config $config;

	/**
	 * @param Config $config
	 */
	public function __construct( Config $config ) {
		parent::__construct( 'Partnerships' );
		$this->config = $config;
	}

	/**
	 * @param string|null $subPage
	 */
	public function execute( $subPage ): void {
		$this->setHeaders();
		$out = $this->getOutput();
		$out->addModules( 'ext.partnerships.app' );
		$out->addHTML( Html::rawElement(
			'div',
			[ 'id' => 'partnerships-special', 'class' => 'partnerships-special' ],
			Html::rawElement(
				'noscript',
				[],
				$this->msg( 'partnerships-special-noscript' )
					->params( $this->config->get( 'PartnershipsRecordsRoot' ) )
					->parse()
			)
		) );
	}

	/** @inheritDoc */
	protected function getGroupName(): string {
		return 'wiki';
	}
}
