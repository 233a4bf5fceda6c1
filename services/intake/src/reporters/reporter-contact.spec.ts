import { randomBytes } from 'node:crypto';
import { keyIdOf, parsePiiKeyring, PiiCipher } from './pii-cipher';
import { openReporterContact, REPORTER_CONTACT_FIELDS, sealReporterContact } from './reporter-contact';

const cipher = new PiiCipher(
  parsePiiKeyring(JSON.stringify({ current: 'k1', keys: { k1: randomBytes(32).toString('base64') } })),
);

describe('the reporter contact as stored', () => {
  it('given every field, when sealed, then each column holds a sealed value that opens to the field', () => {
    const reporter = { name: '测试人欧阳某某', phone: '13812345678', idNumber: '52263320000320486X', handle: 'wx_42' };
    const sealed = sealReporterContact(cipher, reporter);
    for (const field of REPORTER_CONTACT_FIELDS) {
      const value = sealed[field];
      expect(value).not.toBeNull();
      expect(keyIdOf(value ?? '')).toBe('k1');
      expect(value).not.toMatch(/欧阳|13812345678|52263320000320486X|wx_42/);
    }
    expect(openReporterContact(cipher, sealed)).toEqual(reporter);
  });

  it('given no reporter, or only a phone (other fields absent or null), when sealed, then the other columns are null', () => {
    expect(sealReporterContact(cipher, undefined)).toEqual({
      reporterName: null,
      reporterPhone: null,
      reporterIdNumber: null,
      reporterHandle: null,
    });
    const withNulls = { name: null, phone: '0731-84561234', idNumber: null } as unknown as { phone: string };
    const sealed = sealReporterContact(cipher, withNulls);
    expect(sealed.reporterName).toBeNull();
    expect(sealed.reporterPhone).not.toBeNull();
    expect(openReporterContact(cipher, sealed)).toEqual({ phone: '0731-84561234' });
  });
});
