// SHA-256 of bytes or of a string's UTF-8 bytes, as lower-case hex: synchronous and the same in
// Node and in the browser (node:crypto is not in the browser, and crypto.subtle is asynchronous
// and absent on plain http). Used for the importer's source digest (CLI and /publish/) and for
// the content hash of a framework opened from a file. The hashing is @noble/hashes (audited).
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';

/** Lower-case hex SHA-256 of `input` (a string is hashed as UTF-8). */
export function sha256Hex(input: Uint8Array | string): string {
  return bytesToHex(sha256(typeof input === 'string' ? utf8ToBytes(input) : input));
}
