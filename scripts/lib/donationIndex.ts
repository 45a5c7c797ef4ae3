// The donations index as the deploy command builds it: from every record on the wiki
// that holds them.
import { ActionApi } from '../../src/shared/api/ActionApi';
import { LoadProgress, loadPartnerships } from '../../src/knowledge/data/partnershipRepository';
import { PageLocation } from '../../src/shared/wiki/pageLocation';
import {
	DonationClash,
	DonationIndex,
	DonationIndexOptions,
	DonationSource,
	buildDonationIndex,
	donationClashes,
} from '../../src/recognition/domain/donations';

export interface DonationIndexResult {
	/** The index, ready for JSON.stringify() */
	index: DonationIndex;
	/** Categories claimed by more than one record (the first by id keeps each) */
	clashes: DonationClash[];
	/** Titles of record pages that are not valid records, and so are left out */
	invalid: string[];
}

/**
 * Read every record (batched, following `continue`) and build the donations index.
 *
 * @param api The wiki holding the records (anonymous reads are enough)
 * @param root The records root
 * @param options The first-letter rule (see buildDonationIndex()); progress
 * @param options.onProgress Told after each batch of pages
 * @return The index, the clashes to warn about and the invalid pages left out
 */
export async function donationIndexFromWiki(
	api: ActionApi,
	root: PageLocation,
	options: DonationIndexOptions & { onProgress?: ( progress: LoadProgress ) => void } = {},
): Promise<DonationIndexResult> {
	const entries = await loadPartnerships( api, root, options.onProgress );
	const items: DonationSource[] = [];
	const invalid: string[] = [];
	for ( const entry of entries ) {
		if ( entry.valid ) {
			items.push( { id: entry.id, record: entry.record } );
		} else {
			invalid.push( entry.title );
		}
	}
	const indexOptions: DonationIndexOptions = { capitalLinks: options.capitalLinks };
	return {
		index: buildDonationIndex( items, indexOptions ),
		clashes: donationClashes( items, indexOptions ),
		invalid,
	};
}
