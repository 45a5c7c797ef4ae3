<?php
/**
 * Aliases for the special page of the Partnerships extension.
 *
 * @file
 */

$specialPageAliases = [];

/** English */
$specialPageAliases['en'] = [
	'Partnerships' => [ 'Partnerships' ],
];
