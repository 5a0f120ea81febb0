// SHA-256 against the FIPS 180-4 test vectors and a digest computed by `sha256sum`.
import { describe, expect, it } from 'vitest';
import { sha256Hex } from '../../../src/lib/sha256';

describe('sha256Hex', () => {
  it('hashes the empty string', () => {
    expect(sha256Hex('')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
  });
  it('hashes "abc"', () => {
    expect(sha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });
  it('hashes the two-block FIPS message', () => {
    expect(sha256Hex('abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq')).toBe('248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1');
  });
  it('hashes Chinese text as UTF-8', () => {
    expect(sha256Hex('督导通')).toBe('0b8615536380a437d2701a8d0ae1ee7f5e7aab1b3d719e16aa3afc94e9cdabe9');
  });
});
