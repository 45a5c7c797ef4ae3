import { ActionApi } from '../../shared/api/ActionApi';
import { RetryOptions } from '../../shared/api/retry';
import { RecordCache } from '../../shared/wiki/recordCache';
import { PageLocation } from '../../shared/wiki/pageLocation';
import { LoadProgress, OpenResult, RecordSync } from './recordSync';
import { RecordTitles } from './recordTitles';

/** Where the records are, for a reader that never writes */
export interface PartnershipReaderOptions {
	api: ActionApi;
	root: PageLocation;
	cache?: RecordCache;
	retry?: RetryOptions;
}

/**
 * Read the records, for other features that show them but never write them (the heroes'
 * related partnerships): the repository's reads — batched, from and into the browser's
 * cache — without its save path, so a module that only reads does not carry it.
 *
 * @param options Where the records are and the cache to use
 * @param onProgress Told after each request
 * @return The records, the requests made, and whether the open was warm
 */
export function readPartnerships(
	options: PartnershipReaderOptions,
	onProgress?: ( p: LoadProgress ) => void,
): Promise<OpenResult> {
	return new RecordSync( {
		api: options.api,
		titles: new RecordTitles( options.root ),
		cache: options.cache,
		retry: options.retry ?? {},
		now: Date.now,
	} ).open( onProgress );
}
