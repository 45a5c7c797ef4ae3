/*
 * Files ResourceLoader puts beside a package module: the same names in the extension
 * (packageFiles in extension.json) and in the gadget (pages in the gadget definition).
 *
 * @param name
 */
declare function require( name: './partnerships-config.json' ): {
	PartnershipsRecordsRoot: string;
	PartnershipsRecordsApi: string;
	PartnershipsWikidataApi: string;
	/** Heroes module only */
	PartnershipsHeroesThreshold?: number;
	/** Heroes module only */
	PartnershipsCelebrateRights?: string[];
	/** Heroes module only */
	PartnershipsCelebrateGroups?: string[];
};
declare function require( name: './partnerships-messages.json' ): Record<string, Record<string, string>>;
declare function require( name: './partnerships-donations.json' ): unknown;
