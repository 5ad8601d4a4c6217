// Gzip files that rebuild byte for byte: the header carries no time, no file name and no
// operating system, so the bytes depend on the content and the deflate implementation alone.
import { Transform, type TransformCallback } from 'node:stream';
import { createGzip, type Gzip } from 'node:zlib';

/** zlib's default level: at ~100 MB/s per core, a fifth of the size of the text here. */
export const GZIP_LEVEL = 6;

/** Offset and value of the gzip header's OS byte (RFC 1952: 255, unknown). */
const OS_OFFSET = 9;
const OS_UNKNOWN = 255;

/**
 * A gzip stream whose header is the same on every platform. zlib writes MTIME 0 and no FNAME
 * already (a stream has neither), but its OS byte is the platform's (3 on Unix, 19 on macOS):
 * it is set to 255, "unknown". Write to `input`, read from `output`.
 */
export function portableGzip(): { input: Gzip; output: Transform } {
  const input = createGzip({ level: GZIP_LEVEL });
  let offset = 0;
  const output = new Transform({
    transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback) {
      if (offset <= OS_OFFSET && offset + chunk.length > OS_OFFSET) chunk[OS_OFFSET - offset] = OS_UNKNOWN;
      offset += chunk.length;
      done(null, chunk);
    },
  });
  input.pipe(output);
  return { input, output };
}
