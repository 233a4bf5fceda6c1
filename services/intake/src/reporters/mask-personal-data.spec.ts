import { maskPersonalData } from './mask-personal-data';

describe('maskPersonalData', () => {
  // Texts in the shapes of shared/reference/pii.dev.jsonl, with the masked forms it expects.
  it.each([
    ['联系电话18108844952，请区水务局尽快处理', '联系电话181****4952，请区水务局尽快处理'],
    ['我电话176-5415-5496，@网格员', '我电话176****5496，@网格员'],
    ['电话134 7098 8186。', '电话134****8186。'],
    ['电话1516 6449 507。', '电话151****9507。'],
    ['手机+86 19370186690，邮箱', '手机+86 193****6690，邮箱'],
    ['联系方式0086 15327787706，', '联系方式0086 153****7706，'],
    ['电话+8613505759438。', '电话+86135****9438。'],
    ['手机１８２４９６５３１１３。', '手机182****3113。'],
    ['电话181\u200b3216\u200b0833。', '电话181****0833。'],
    ['回访电话18054463414 2次', '回访电话180****3414 2次'],
  ])('masks the mobile number in %j', (text, masked) => {
    expect(maskPersonalData(text)).toBe(masked);
  });

  it.each([
    ['身份证号430111197503149314，在白沙镇', '身份证号43*************314，在白沙镇'],
    ['身份证52263320000320486X，反映', '身份证52*************86X，反映'],
    ['idNumber=52263320000320486x', 'idNumber=52*************86X'],
  ])('masks the resident ID number in %j', (text, masked) => {
    expect(maskPersonalData(text)).toBe(masked);
  });

  it.each([
    ['座机0731-84561234转8', '座机0731-****1234转8'],
    ['电话(0731)84561234', '电话(0731)****1234'],
    ['北京010 62345678', '北京010 ****5678'],
  ])('masks the landline number in %j', (text, masked) => {
    expect(maskPersonalData(text)).toBe(masked);
  });

  it.each([
    '[Nest] 4242  - 11/28/2026, 8:29:41 AM     LOG [intake] ready: http://0.0.0.0:3001 · schema intake',
    'petition 0193a4b2-7c1d-7e55-8a3b-5f2c9d0e1a2b received, tracking code 7KQ2-M9XD-4HTA',
    'batch of 100 on routing.petition.events failed; retrying one by one (offset 123456)',
    'receivedAt 2026-11-28T08:29:41.123Z, due 1795854581413',
  ])('leaves a line without personal data alone: %j', (line) => {
    expect(maskPersonalData(line)).toBe(line);
  });
});
