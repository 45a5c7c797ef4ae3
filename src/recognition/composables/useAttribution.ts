import { MaybeRefOrGetter, Ref, ref, shallowRef, toValue } from 'vue';
import { readImageInfo } from '../data/fileInfo';
import { Attribution, attributionText } from '../domain/attribution';
import type { RecognitionServices } from '../services';
import { errorText } from './useDonationStats';

export interface UseAttributionOptions {
	services: Pick<RecognitionServices, 'api' | 'languages' | 'wikiName' | 'htmlToText' | 'message' | 'readRecord'>;
	/** The file's title ("File:…") */
	fileTitle: string;
	/** The donation's record id, to read its licence when the file's page names none */
	recordId: MaybeRefOrGetter<string>;
	/** The licence the record names, when known already ('' when not) */
	recordLicence: MaybeRefOrGetter<string>;
}

export interface UseAttributionReturn {
	/** The attribution, once read */
	attribution: Ref<Attribution | null>;
	/** Why it could not be read (untrusted; shown as text only), or '' */
	error: Ref<string>;
	/** Whether the licence shown is the record's, the file's page naming none */
	fromRecord: Ref<boolean>;
	/** Whether it is being read */
	pending: Ref<boolean>;
	/** Read it */
	read(): void;
}

/**
 * How to credit a file of the donation: from its page's metadata, with the licence the
 * donation's record names when the page gives none.
 *
 * @param options
 * @return The attribution, once read
 */
export function useAttribution( options: UseAttributionOptions ): UseAttributionReturn {
	const { services, fileTitle } = options;
	const attribution = shallowRef<Attribution | null>( null );
	const error = ref( '' );
	const fromRecord = ref( false );
	const pending = ref( false );

	const build = ( info: unknown, recordLicence: string ): Attribution => attributionText( info, {
		fileTitle,
		wikiName: services.wikiName,
		recordLicence,
		toText: services.htmlToText,
		formatLine: ( object, author, licence, wikiName ) => {
			const by = author || services.message( 'partnerships-recognition-unknown' );
			return licence ?
				services.message( 'partnerships-recognition-line-text', object, by, licence, wikiName ) :
				services.message( 'partnerships-recognition-line-text-no-licence', object, by, wikiName );
		},
	} );

	async function readAttribution(): Promise<{ result: Attribution; fromRecord: boolean }> {
		const info = await readImageInfo( services.api, fileTitle, services.languages[ 0 ] );
		const fromFile = build( info, '' );
		if ( fromFile.licence ) {
			return { result: fromFile, fromRecord: false };
		}
		// The file's page names no licence (a thin page, a wiki without CommonsMetadata):
		// the donation's record is the next best source. Asked only now, so a file with a
		// licence costs no request to the records wiki.
		let recordLicence = toValue( options.recordLicence );
		if ( !recordLicence && services.readRecord ) {
			const record = await services.readRecord( toValue( options.recordId ) ).catch( () => null );
			recordLicence = record?.donation?.licence ?? '';
		}
		const result = build( info, recordLicence );
		return { result, fromRecord: result.licence !== '' };
	}

	function read(): void {
		pending.value = true;
		readAttribution().then( ( answer ) => {
			attribution.value = answer.result;
			fromRecord.value = answer.fromRecord;
		}, ( e: unknown ) => {
			error.value = errorText( e );
		} ).finally( () => {
			pending.value = false;
		} );
	}

	return { attribution, error, fromRecord, pending, read };
}
