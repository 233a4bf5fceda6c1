import { randomBytes, randomUUID } from 'node:crypto';
import { UnitOfWork } from '@petitions/platform';
import type { DataSource } from 'typeorm';
import { PetitionEntity } from '../petitions/petition.entity';
import { dropIntakeSchema, openIntakeSchema } from '../testing/intake-schema';
import { keyIdOf, parsePiiKeyring, PiiCipher } from './pii-cipher';
import { countPiiValuesByKeyId, rotatePiiKeys } from './pii-key-rotation';
import { openReporterContact, sealReporterContact } from './reporter-contact';
import type { ReporterDto } from './reporter.dto';

const DATABASE_URL = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const K1 = randomBytes(32).toString('base64');
const K2 = randomBytes(32).toString('base64');
const cipherWith = (current: string, keys: Record<string, string>): PiiCipher =>
  new PiiCipher(parsePiiKeyring(JSON.stringify({ current, keys })));

describe('rotatePiiKeys (intake.petitions on PostgreSQL)', () => {
  const schema = `it_pii_${Date.now()}`;
  let dataSource: DataSource;
  let unitOfWork: UnitOfWork;

  beforeAll(async () => {
    dataSource = await openIntakeSchema({ url: DATABASE_URL, schema, applicationName: 'it-pii-rotation', poolSize: 2 });
    unitOfWork = new UnitOfWork(dataSource);
  });

  afterAll(async () => {
    await dropIntakeSchema(dataSource, schema);
  });

  async function store(cipher: PiiCipher, reporter: ReporterDto | undefined): Promise<string> {
    const petition = Object.assign(new PetitionEntity(), {
      id: randomUUID(),
      trackingCode: randomBytes(6).toString('hex'),
      channel: 'wechat-resident',
      channelMessageId: randomUUID(),
      text: '南江北路下水道堵塞',
      town: null,
      unit: null,
      grid: null,
      receivedAt: new Date(),
      ...sealReporterContact(cipher, reporter),
    });
    await dataSource.manager.insert(PetitionEntity, petition);
    return petition.id;
  }

  async function stored(id: string): Promise<PetitionEntity> {
    return dataSource.manager.findOneByOrFail(PetitionEntity, { id });
  }

  it('re-encrypts every old value under the current key, in batches, and a second run changes nothing', async () => {
    const old = cipherWith('k1', { k1: K1 });
    const rotating = cipherWith('k2', { k1: K1, k2: K2 });
    const reporters: ReporterDto[] = Array.from({ length: 7 }, (_, index) => ({
      name: `测试人${index}`,
      phone: `1381234${String(index).padStart(4, '0')}`,
      ...(index % 2 === 0 ? { handle: `wx_${index}` } : {}),
    }));
    const oldIds = await Promise.all(reporters.map((reporter) => store(old, reporter)));
    const currentId = await store(rotating, { idNumber: '52263320000320486X' });
    const withoutReporter = await store(old, undefined);
    const untouched = await stored(currentId);
    expect(await countPiiValuesByKeyId(unitOfWork)).toEqual({ k1: 18, k2: 1 });

    const batches: number[] = [];
    const report = await rotatePiiKeys({
      unitOfWork,
      cipher: rotating,
      batchSize: 3,
      onBatch: ({ petitions }) => batches.push(petitions),
    });

    expect(report).toMatchObject({ currentKeyId: 'k2', before: { k1: 18, k2: 1 }, after: { k2: 19 } });
    expect(report).toMatchObject({ petitionsUpdated: 7, valuesReencrypted: 18 });
    expect(batches).toEqual([3, 3, 1]);
    const after = cipherWith('k2', { k2: K2 });
    for (const [index, id] of oldIds.entries()) {
      const petition = await stored(id);
      expect(keyIdOf(petition.reporterName ?? '')).toBe('k2');
      expect(openReporterContact(after, petition)).toEqual(reporters[index]);
    }
    expect((await stored(currentId)).reporterIdNumber).toBe(untouched.reporterIdNumber);
    expect(await stored(withoutReporter)).toMatchObject({ reporterName: null, reporterPhone: null });

    const again = await rotatePiiKeys({ unitOfWork, cipher: rotating, batchSize: 3 });
    expect(again).toMatchObject({ petitionsUpdated: 0, valuesReencrypted: 0, after: { k2: 19 } });
  });

  it('stops at a value whose key is missing, naming the petition and column but not the value', async () => {
    const id = await store(cipherWith('lost', { lost: K1 }), { phone: '13900001111' });
    const error = await rotatePiiKeys({ unitOfWork, cipher: cipherWith('k2', { k2: K2 }), batchSize: 10 }).then(
      () => undefined,
      (reason: unknown) => reason as Error,
    );
    expect(error?.message).toBe(`petition ${id} reporter_phone: no key "lost" in INTAKE_PII_KEYS`);
    expect(keyIdOf((await stored(id)).reporterPhone ?? '')).toBe('lost');
  });
});
