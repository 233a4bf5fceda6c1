import { clientChannelMessageId, contentChannelMessageIds } from './open311-dedup';
import type { Open311Key } from './open311-keys';
import { readOpen311Request } from './open311-request-form';

const KEY: Open311Key = { keyId: 'fms', channel: 'app', secret: 'x'.repeat(32), status: 'active' };
const NOW = new Date('2026-03-02T12:00:00Z');
const FORM = {
  api_key: KEY.secret,
  service_code: 'sewer-drain',
  description: '南江北路下水道堵塞，污水外流',
  lat: '27.8274',
  long: '113.1340',
};

function read(body: Record<string, unknown>): ReturnType<typeof readOpen311Request> {
  return readOpen311Request(body, KEY, NOW);
}

function problemsOf(body: Record<string, unknown>): Record<string, string[]> {
  const result = read(body);
  if (result.ok) throw new Error('expected the form to be refused');
  return Object.fromEntries(result.problems.map(({ field, problems }) => [field, problems]));
}

describe('readOpen311Request', () => {
  it('given a form with a position, then a petition of the key’s channel: text, category, position', () => {
    const result = read(FORM);
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    expect({ ...result.submission.petition }).toEqual({
      channel: 'app',
      channelMessageId: contentChannelMessageIds('fms', FORM, NOW).current,
      text: FORM.description,
      category: 'sewer-drain',
      latitude: 27.8274,
      longitude: 113.134,
    });
    expect(result.submission.previousChannelMessageId).toBe(contentChannelMessageIds('fms', FORM, NOW).previous);
    expect(result.submission.mediaUrl).toBeNull();
  });

  it('given the client’s id as attribute[fixmystreet_id], then it names the message, with no day of its own', () => {
    const result = read({ ...FORM, 'attribute[fixmystreet_id]': '4711' });
    expect(result.ok && result.submission.petition.channelMessageId).toBe(clientChannelMessageId('fms', '4711'));
    expect(result.ok && result.submission.previousChannelMessageId).toBeUndefined();
  });

  it('given attributes the definition does not declare, then they are ignored', () => {
    expect(read({ ...FORM, 'attribute[title]': '下水道', 'attribute[report_url]': 'https://fms.example/1' }).ok).toBe(
      true,
    );
  });

  it('given names, phone, email and media, then the reporter (name joined, phone normalised) and the media URL', () => {
    const result = read({
      ...FORM,
      first_name: ' San ',
      last_name: 'Zhang',
      phone: '+86 138 1234 5678',
      email: 'zhang@example.cn',
      device_id: 'device-1',
      media_url: 'https://fms.example/photo/1.jpeg',
    });
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    expect({ ...result.submission.petition.reporter }).toEqual({
      name: 'San Zhang',
      phone: '13812345678',
      handle: 'zhang@example.cn',
    });
    expect(result.submission.mediaUrl).toBe('https://fms.example/photo/1.jpeg');
  });

  it('given no email, then the account, else the device, is how the client reaches the resident', () => {
    const byAccount = read({ ...FORM, account_id: 'acc-9', device_id: 'dev-1' });
    expect(byAccount.ok && byAccount.submission.petition.reporter?.handle).toBe('acc-9');
    const byDevice = read({ ...FORM, device_id: 'dev-1' });
    expect(byDevice.ok && byDevice.submission.petition.reporter?.handle).toBe('dev-1');
  });

  it('given an address_id, then the district place it names: a grid with its unit and town, a unit, a town', () => {
    const place = (addressId: string): object => {
      const { lat: _lat, long: _long, ...withoutPosition } = FORM;
      const result = read({ ...withoutPosition, address_id: addressId });
      if (!result.ok) throw new Error(JSON.stringify(result.problems));
      const { town, unit, grid } = result.submission.petition;
      return { town, unit, grid };
    };
    expect(place('NANJIANG-02')).toEqual({ town: 'FUKOU_TOWN', unit: 'NANJIANG', grid: 'NANJIANG-02' });
    expect(place('JIAQIAO')).toEqual({ town: 'YUEFENG', unit: 'JIAQIAO', grid: undefined });
    expect(place('LONGCHUAN')).toEqual({ town: 'LONGCHUAN', unit: undefined, grid: undefined });
  });

  it('given an address_string alone, then it is the location', () => {
    const { lat: _lat, long: _long, ...withoutPosition } = FORM;
    const result = read({ ...withoutPosition, address_string: '南江北路 12 号对面' });
    expect(result.ok && result.submission.petition.address).toBe('南江北路 12 号对面');
  });

  it('given no location at all, or lat without long, then the problem', () => {
    const { lat: _lat, long: _long, ...withoutPosition } = FORM;
    expect(problemsOf(withoutPosition)).toEqual({
      lat: ['a location is required: lat and long, address_string or address_id'],
    });
    expect(problemsOf({ ...withoutPosition, lat: '27.8' })).toEqual({ long: ['lat and long must be given together'] });
  });

  it('given an unknown service_code, then a problem in Open311’s words', () => {
    expect(problemsOf({ ...FORM, service_code: 'graffiti' })).toEqual({
      service_code: ['service_code must be one of the category codes'],
    });
  });

  it('given a description too long or empty, then the problem names description, not the petition’s field', () => {
    expect(problemsOf({ ...FORM, description: 'x'.repeat(4001) })).toEqual({
      description: ['description must be shorter than or equal to 4000 characters'],
    });
    expect(problemsOf({ ...FORM, description: '' })).toEqual({
      description: ['description must be longer than or equal to 1 characters'],
    });
  });

  it('given a position out of range or not a number, then the problem on lat or long', () => {
    expect(problemsOf({ ...FORM, lat: '91' })).toEqual({ lat: ['lat must not be greater than 90'] });
    expect(problemsOf({ ...FORM, long: 'east' })).toEqual({
      long: ['long must be a decimal number of degrees (WGS-84)'],
    });
  });

  it('given a phone that is no mainland number, names too long, a bad email, then each problem', () => {
    expect(problemsOf({ ...FORM, phone: '12345' })).toEqual({
      phone: ['phone must be a mainland mobile or landline number'],
    });
    expect(problemsOf({ ...FORM, first_name: 'a'.repeat(30), last_name: 'b'.repeat(30) })).toEqual({
      first_name: ['first_name and last_name together must be shorter than or equal to 50 characters'],
    });
    expect(problemsOf({ ...FORM, email: 'not-an-email' })).toEqual({ email: ['email must be an email address'] });
  });

  it('given an unknown address_id, a media_url that is no http(s) URL, then their problems', () => {
    expect(problemsOf({ ...FORM, address_id: 'NOWHERE' })).toEqual({
      address_id: ["address_id must be one of the district's town, unit or grid codes"],
    });
    expect(problemsOf({ ...FORM, media_url: 'javascript:alert(1)' })).toEqual({
      media_url: ['media_url must be an http(s) URL'],
    });
  });

  it('given a parameter twice, an unknown one, a client id too long, then each is a problem', () => {
    expect(
      problemsOf({ ...FORM, description: ['a', 'b'], status: 'closed', 'attribute[fixmystreet_id]': 'x'.repeat(101) }),
    ).toEqual({
      description: ['description must be given once, as text'],
      status: ['property status should not exist'],
      'attribute[fixmystreet_id]': ['attribute[fixmystreet_id] must be 1-100 characters, without NUL'],
    });
  });
});
