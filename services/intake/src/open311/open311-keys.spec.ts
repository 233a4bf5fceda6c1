import { DEMO_OPEN311_API_KEY, DEMO_OPEN311_KEY_ID } from '@petitions/contracts';
import { loadConfig } from '@petitions/platform';
import { IntakeConfig } from '../config';
import { demoOpen311KeysJson, type Open311Key, Open311Keyring } from './open311-keys';

const ACTIVE: Open311Key = { keyId: 'fms', channel: 'app', secret: 'f'.repeat(40), status: 'active' };
const RETIRED: Open311Key = { keyId: 'fms-old', channel: 'app', secret: 'o'.repeat(40), status: 'retired' };
const quiet = { warn: jest.fn() };

describe('Open311Keyring', () => {
  const keyring = new Open311Keyring([ACTIVE, RETIRED]);

  it('given an active key’s api_key, then that key', () => {
    expect(keyring.lookUp('f'.repeat(40))).toEqual({ ok: true, key: ACTIVE });
  });

  it.each([
    [undefined, 'missing'],
    ['', 'missing'],
    [['f'.repeat(40)], 'missing'],
    ['f'.repeat(39), 'unknown'],
    ['o'.repeat(40), 'retired'],
  ])('given %j, then refused as %s', (apiKey, reason) => {
    expect(keyring.lookUp(apiKey)).toEqual({ ok: false, reason });
  });

  it('given the default configuration, then the demo key, with a warning', () => {
    const logger = { warn: jest.fn() };
    const demo = Open311Keyring.fromConfig(demoOpen311KeysJson(), logger);
    expect(demo.lookUp(DEMO_OPEN311_API_KEY)).toMatchObject({ ok: true, key: { keyId: DEMO_OPEN311_KEY_ID } });
    expect(logger.warn).toHaveBeenCalledWith(expect.stringContaining('demo API key is in use (demo-open311)'));
  });

  it('given keys of one’s own, then no warning', () => {
    Open311Keyring.fromConfig(JSON.stringify([ACTIVE]), quiet);
    expect(quiet.warn).not.toHaveBeenCalled();
  });
});

describe('INTAKE_OPEN311_KEYS', () => {
  it('given three clients filing as one channel, then accepted: no limit of active keys per channel', () => {
    const keys = ['a', 'b', 'c'].map((id) => ({ ...ACTIVE, keyId: id, secret: id.repeat(32) }));
    const config = loadConfig(IntakeConfig, { INTAKE_OPEN311_KEYS: JSON.stringify(keys) });
    expect(JSON.parse(config.INTAKE_OPEN311_KEYS)).toHaveLength(3);
  });

  it('given a short key or an unknown channel, then boot stops naming them, never quoting a key', () => {
    const bad = [
      { ...ACTIVE, secret: 'short-key' },
      { ...ACTIVE, keyId: 'x', channel: 'fax' },
    ];
    let message = '';
    try {
      loadConfig(IntakeConfig, { INTAKE_OPEN311_KEYS: JSON.stringify(bad) });
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toMatch(/INTAKE_OPEN311_KEYS: .*secret must be a string of at least 32 characters/);
    expect(message).toMatch(/keyId "x"\): unknown channel code/);
    expect(message).not.toContain('short-key');
  });
});

describe('INTAKE_OPEN311_URL', () => {
  it('given an http(s) URL ending in /open311/v2, then it; given anything else, boot stops', () => {
    const url = 'https://petitions.example/open311/v2';
    expect(loadConfig(IntakeConfig, { INTAKE_OPEN311_URL: url }).INTAKE_OPEN311_URL).toBe(url);
    expect(() => loadConfig(IntakeConfig, { INTAKE_OPEN311_URL: 'https://petitions.example/' })).toThrow(
      /INTAKE_OPEN311_URL: must be an http\(s\) URL ending in \/open311\/v2/,
    );
  });
});
