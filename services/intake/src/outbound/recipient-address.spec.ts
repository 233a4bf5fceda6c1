import { addressOf } from './recipient-address';

describe('addressOf', () => {
  it('given a handle, then the handle, whatever the channel (even the hotline, with a phone too)', () => {
    expect(addressOf('wechat-resident', { handle: 'wxid_1', phone: '13812345678' })).toEqual({
      kind: 'handle',
      value: 'wxid_1',
    });
    expect(addressOf('hotline-12345', { handle: 'caller-77', phone: '13812345678' })).toEqual({
      kind: 'handle',
      value: 'caller-77',
    });
  });

  it('given the hotline and only a phone, then the phone (it calls or texts back)', () => {
    expect(addressOf('hotline-12345', { phone: '0731-84561234' })).toEqual({ kind: 'phone', value: '0731-84561234' });
  });

  it.each(['wechat-resident', 'wechat-enterprise', 'app', 'supervision-platform'])(
    'given %s and only a phone, then nobody: that channel cannot deliver to a phone number',
    (channel) => {
      expect(addressOf(channel, { phone: '13812345678' })).toBeNull();
    },
  );

  it('given no contact, or a channel the district does not know, then nobody', () => {
    expect(addressOf('hotline-12345', {})).toBeNull();
    expect(addressOf('fax', { phone: '13812345678' })).toBeNull();
  });
});
