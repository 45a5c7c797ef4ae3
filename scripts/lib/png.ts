// Small valid PNG images made in code, so that the demo data and the tests need no
// binary files: a logo for the demo donation, test paintings for the browser tests.
import { crc32, deflateSync } from 'node:zlib';

/**
 * @param width Pixels
 * @param height Pixels
 * @param pixel The colour of each pixel, as [ r, g, b ]
 * @return A truecolour PNG
 */
export function png(
	width: number,
	height: number,
	pixel: ( x: number, y: number ) => [ number, number, number ],
): Buffer {
	const chunk = ( type: string, data: Buffer ): Buffer => {
		const body = Buffer.concat( [ Buffer.from( type, 'ascii' ), data ] );
		const out = Buffer.alloc( 12 + data.length );
		out.writeUInt32BE( data.length, 0 );
		body.copy( out, 4 );
		out.writeUInt32BE( crc32( body ), 8 + data.length );
		return out;
	};
	const header = Buffer.alloc( 13 );
	header.writeUInt32BE( width, 0 );
	header.writeUInt32BE( height, 4 );
	header.set( [ 8, 2, 0, 0, 0 ], 8 );
	const rows: number[] = [];
	for ( let y = 0; y < height; y++ ) {
		rows.push( 0 );
		for ( let x = 0; x < width; x++ ) {
			rows.push( ...pixel( x, y ) );
		}
	}
	return Buffer.concat( [
		Buffer.from( [ 0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a ] ),
		chunk( 'IHDR', header ),
		chunk( 'IDAT', deflateSync( Buffer.from( rows ) ) ),
		chunk( 'IEND', Buffer.alloc( 0 ) ),
	] );
}

/**
 * @return The demo logo: 64×64, a dark red square with a light "frame", smaller than the
 *  badge asks for (96 px), so Special:FilePath serves the file itself and no thumbnailer
 *  is needed on the local wikis
 */
export function demoLogo(): Buffer {
	return png( 64, 64, ( x, y ) => ( x < 6 || y < 6 || x > 57 || y > 57 ? [ 240, 230, 210 ] : [ 140, 20, 30 ] ) );
}
