import { createDecipheriv, randomBytes } from 'node:crypto';
import {
  DEMO_PII_KEYS,
  decryptPii,
  encryptPii,
  keyIdOf,
  parsePiiKeyring,
  PiiCipher,
  PiiCipherError,
  piiKeyringProblems,
  reencryptPii,
  type PiiKeyring,
} from './pii-cipher';

const K1 = randomBytes(32).toString('base64');
const K2 = randomBytes(32).toString('base64');

function keyring(current: string, keys: Record<string, string>): PiiKeyring {
  return parsePiiKeyring(JSON.stringify({ current, keys }));
}

/** The error a call throws (fails the test when it throws none). */
function errorOf(call: () => unknown): unknown {
  try {
    call();
  } catch (error) {
    return error;
  }
  throw new Error('expected an error');
}

function codeOf(call: () => unknown): string {
  const error = errorOf(call);
  if (!(error instanceof PiiCipherError)) throw new Error(`expected a PiiCipherError, got ${String(error)}`);
  return error.code;
}

/** The sealed value with one byte of one binary part changed (parts: 2 = iv, 3 = tag, 4 = ciphertext). */
function withFlippedByte(sealed: string, part: 2 | 3 | 4, index: number): string {
  const fields = sealed.split(':');
  const bytes = Buffer.from(fields[part] ?? '', 'base64');
  bytes[index] = (bytes[index] ?? 0) ^ 0x01;
  fields[part] = bytes.toString('base64');
  return fields.join(':');
}

describe('PII cipher (AES-256-GCM, v1:<keyId>:<iv>:<tag>:<ciphertext>)', () => {
  const one = keyring('k1', { k1: K1 });

  it('given a value, when sealed and opened, then the same value comes back', () => {
    for (const plain of ['测试人欧阳某某', '13812345678', '43011119750314931X', 'wx_居民-42', 'a', '']) {
      expect(decryptPii(encryptPii(plain, one), one)).toBe(plain);
    }
  });

  it('given a value, when sealed, then the text is v1, the key id, a 12-byte iv, a 16-byte tag and no plain text', () => {
    const sealed = encryptPii('13812345678', one);
    const [version, keyId, iv, tag, ciphertext] = sealed.split(':');
    expect([version, keyId]).toEqual(['v1', 'k1']);
    expect(Buffer.from(iv ?? '', 'base64')).toHaveLength(12);
    expect(Buffer.from(tag ?? '', 'base64')).toHaveLength(16);
    expect(Buffer.from(ciphertext ?? '', 'base64')).toHaveLength(11);
    expect(sealed).not.toContain('13812345678');
    expect(keyIdOf(sealed)).toBe('k1');
  });

  it('given the documented format, when opened with node:crypto alone, then it decrypts (header as AAD)', () => {
    const sealed = encryptPii('测试人欧阳某某', one);
    const [version, keyId, iv, tag, ciphertext] = sealed.split(':') as [string, string, string, string, string];
    const decipher = createDecipheriv('aes-256-gcm', Buffer.from(K1, 'base64'), Buffer.from(iv, 'base64'));
    decipher.setAAD(Buffer.from(`${version}:${keyId}`));
    decipher.setAuthTag(Buffer.from(tag, 'base64'));
    const plain = Buffer.concat([decipher.update(Buffer.from(ciphertext, 'base64')), decipher.final()]);
    expect(plain.toString('utf8')).toBe('测试人欧阳某某');
  });

  it('given the same value twice, when sealed, then a fresh iv makes two different texts', () => {
    const first = encryptPii('13812345678', one);
    const second = encryptPii('13812345678', one);
    expect(first).not.toBe(second);
    expect(first.split(':')[2]).not.toBe(second.split(':')[2]);
  });

  it.each([
    ['iv', 2, 12],
    ['tag', 3, 16],
    ['ciphertext', 4, 11],
  ] as const)(
    'given any one byte of the %s flipped, when opened, then it is refused as tampered',
    (_name, part, size) => {
      const sealed = encryptPii('13812345678', one);
      for (let index = 0; index < size; index++) {
        expect(codeOf(() => decryptPii(withFlippedByte(sealed, part, index), one))).toBe('tampered');
      }
    },
  );

  it('given a value relabelled with another key id or a truncated tag, when opened, then it is refused', () => {
    const both = keyring('k1', { k1: K1, k2: K2 });
    const sealed = encryptPii('13812345678', both);
    expect(codeOf(() => decryptPii(sealed.replace('v1:k1:', 'v1:k2:'), both))).toBe('tampered');
    const fields = sealed.split(':');
    fields[3] = Buffer.from(fields[3] ?? '', 'base64')
      .subarray(0, 12)
      .toString('base64');
    expect(codeOf(() => decryptPii(fields.join(':'), both))).toBe('malformed');
  });

  it('given text that is not a sealed value, when opened, then malformed or unsupported version', () => {
    expect(codeOf(() => decryptPii('13812345678', one))).toBe('malformed');
    expect(codeOf(() => decryptPii('v2:k1:a:b:c', one))).toBe('unsupported-version');
    expect(codeOf(() => decryptPii('v1:k1:not base64!:x:y', one))).toBe('malformed');
  });

  it('given a value sealed with a key id the keyring does not have, when opened, then unknown key (no value in the message)', () => {
    const sealed = encryptPii('13812345678', keyring('gone', { gone: K1 }));
    const error = errorOf(() => decryptPii(sealed, keyring('k2', { k2: K2 })));
    expect(error).toBeInstanceOf(PiiCipherError);
    expect((error as PiiCipherError).code).toBe('unknown-key');
    expect((error as Error).message).toContain('"gone"');
    expect((error as Error).message).not.toContain('13812345678');
  });

  describe('rotation', () => {
    const before = keyring('k1', { k1: K1 });
    const during = keyring('k2', { k1: K1, k2: K2 });
    const after = keyring('k2', { k2: K2 });

    it('given a new current key, when sealing, then new values use it and old values still open with their key', () => {
      const old = encryptPii('测试人欧阳某某', before);
      const fresh = encryptPii('13812345678', during);
      expect(keyIdOf(fresh)).toBe('k2');
      expect(decryptPii(old, during)).toBe('测试人欧阳某某');
      expect(decryptPii(fresh, during)).toBe('13812345678');
    });

    it('given an old value, when re-encrypted, then it is under the current key and survives removing the old key', () => {
      const old = encryptPii('测试人欧阳某某', before);
      const rotated = reencryptPii(old, during);
      expect(keyIdOf(rotated)).toBe('k2');
      expect(decryptPii(rotated, after)).toBe('测试人欧阳某某');
      expect(codeOf(() => decryptPii(old, after))).toBe('unknown-key');
    });

    it('given a value already under the current key, when re-encrypted, then it is returned unchanged', () => {
      const current = encryptPii('13812345678', during);
      expect(reencryptPii(current, during)).toBe(current);
    });

    it('given a tampered old value, when re-encrypted, then it is refused rather than sealed again', () => {
      const old = withFlippedByte(encryptPii('13812345678', before), 4, 0);
      expect(codeOf(() => reencryptPii(old, during))).toBe('tampered');
    });
  });

  describe('INTAKE_PII_KEYS', () => {
    it('given a valid keyring, then no problems', () => {
      expect(piiKeyringProblems(JSON.stringify({ current: 'k1', keys: { k1: K1, 'k-0.old_2': K2 } }))).toEqual([]);
      expect(piiKeyringProblems(DEMO_PII_KEYS)).toEqual([]);
    });

    it.each([
      ['not JSON', `{"current":"k1","keys":{"k1":"${K1}"`, /not valid JSON/],
      ['not an object', '[]', /must be JSON \{"current"/],
      ['no keys', '{"current":"k1","keys":{}}', /"keys" must be an object with at least one key/],
      ['current not among the keys', `{"current":"k9","keys":{"k1":"${K1}"}}`, /"current" is "k9", which is not one/],
      ['current missing', `{"keys":{"k1":"${K1}"}}`, /"current" must be the id of one of "keys"/],
      ['a 16-byte key', `{"current":"k1","keys":{"k1":"${randomBytes(16).toString('base64')}"}}`, /key "k1" must be/],
      ['a key that is not base64', '{"current":"k1","keys":{"k1":"not base64 at all, no"}}', /exactly 32 bytes/],
      ['a key id with a colon', `{"current":"a:b","keys":{"a:b":"${K1}"}}`, /key id "a:b" must be 1-32/],
      ['an unknown property', `{"current":"k1","keys":{"k1":"${K1}"},"old":"k0"}`, /unknown property "old"/],
    ])('given %s, then a problem that says what is wrong and never quotes a key', (_case, json, expected) => {
      const problems = piiKeyringProblems(json);
      expect(problems.join('\n')).toMatch(expected);
      expect(problems.join('\n')).not.toContain(K1);
      expect(() => parsePiiKeyring(json)).toThrow(/^INTAKE_PII_KEYS: /);
    });

    it('given the demo keyring (under any id), when the cipher is built, then it warns; with own keys it does not', () => {
      const warn = jest.fn<void, [string]>();
      PiiCipher.fromConfig(DEMO_PII_KEYS, { warn });
      expect(warn).toHaveBeenCalledTimes(1);
      expect(String(warn.mock.calls[0]?.[0])).toMatch(/demo key/);
      const demoMaterial = (JSON.parse(DEMO_PII_KEYS) as { keys: Record<string, string> }).keys['demo-1'] ?? '';
      PiiCipher.fromConfig(JSON.stringify({ current: 'k1', keys: { k1: K1, old: demoMaterial } }), { warn });
      expect(warn).toHaveBeenCalledTimes(2);
      PiiCipher.fromConfig(JSON.stringify({ current: 'k1', keys: { k1: K1 } }), { warn });
      expect(warn).toHaveBeenCalledTimes(2);
    });

    it('given a cipher, then it seals with the current key id and opens and re-encrypts', () => {
      const cipher = new PiiCipher(keyring('k2', { k1: K1, k2: K2 }));
      const old = encryptPii('wx_42', keyring('k1', { k1: K1 }));
      expect(cipher.currentKeyId).toBe('k2');
      expect(keyIdOf(cipher.encrypt('wx_42'))).toBe('k2');
      expect(cipher.decrypt(old)).toBe('wx_42');
      expect(cipher.decrypt(cipher.reencrypt(old))).toBe('wx_42');
    });
  });
});
