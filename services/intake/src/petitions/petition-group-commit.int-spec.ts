import { randomUUID } from 'node:crypto';
import { EventFactory } from '@petitions/messaging';
import { SystemClock, UnitOfWork } from '@petitions/platform';
import { expectEventually } from '@petitions/testing';
import { Client } from 'pg';
import type { DataSource } from 'typeorm';
import { IntakeConfig } from '../config';
import { DEMO_PII_KEYS, PiiCipher } from '../reporters/pii-cipher';
import { dropIntakeSchema, openIntakeSchema } from '../testing/intake-schema';
import { PetitionIntakeService } from './petition-intake.service';
import { PetitionRepository } from './petition.repository';
import type { PetitionAccepted, SubmitPetitionDto } from './submit-petition.dto';

const DATABASE_URL = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

/** Whether a promise has settled yet, without waiting for it. */
function tracked<T>(promise: Promise<T>): { promise: Promise<T>; settled: () => boolean } {
  let settled = false;
  void promise.then(
    () => (settled = true),
    () => (settled = true),
  );
  return { promise, settled: () => settled };
}

describe('group commit of POST /petitions (intake.petitions and its outbox on PostgreSQL)', () => {
  const schema = `it_group_commit_${Date.now()}`;
  let dataSource: DataSource;
  let repository: PetitionRepository;
  let statements: number;
  let observer: Client;

  /** The service as intake runs it, with a batch of at most `maxBatch` and `concurrency` batches at once. */
  function intake(options: { maxBatch?: number; concurrency?: number; maxWaitMs?: number } = {}) {
    const config = Object.assign(new IntakeConfig(), {
      INTAKE_GROUP_COMMIT_MAX_BATCH: options.maxBatch ?? 50,
      INTAKE_GROUP_COMMIT_CONCURRENCY: options.concurrency ?? 1,
      INTAKE_GROUP_COMMIT_MAX_WAIT_MS: options.maxWaitMs ?? 0,
    });
    const clock = new SystemClock();
    const cipher = PiiCipher.fromConfig(DEMO_PII_KEYS, { warn: () => undefined });
    return new PetitionIntakeService(
      new UnitOfWork(dataSource),
      repository,
      new EventFactory('intake', clock),
      cipher,
      clock,
      config,
    );
  }

  function message(overrides: Partial<SubmitPetitionDto> = {}): SubmitPetitionDto {
    return { channel: 'app', channelMessageId: randomUUID(), text: '南江北路下水道堵塞', ...overrides };
  }

  async function rows(sql: string, parameters: unknown[] = []): Promise<Record<string, unknown>[]> {
    return (await observer.query<Record<string, unknown>>(sql, parameters)).rows;
  }

  async function stored(channelMessageId: string): Promise<{ petitions: number; events: number }> {
    const [counts] = await rows(
      `SELECT (SELECT count(*)::int FROM "${schema}".petitions WHERE channel_message_id = $1) AS petitions,
              (SELECT count(*)::int FROM "${schema}".outbox_messages WHERE payload::jsonb->>'channelMessageId' = $1)
                AS events`,
      [channelMessageId],
    );
    return counts as { petitions: number; events: number };
  }

  beforeAll(async () => {
    dataSource = await openIntakeSchema({ url: DATABASE_URL, schema, applicationName: 'it-group-commit', poolSize: 4 });
    observer = new Client({ connectionString: DATABASE_URL });
    await observer.connect();
  });

  beforeEach(() => {
    statements = 0;
    repository = new PetitionRepository(new UnitOfWork(dataSource));
    const insertNew = repository.insertNew.bind(repository);
    repository.insertNew = (submissions) => {
      statements += 1;
      return insertNew(submissions);
    };
  });

  afterAll(async () => {
    await observer?.end();
    await dropIntakeSchema(dataSource, schema);
  });

  it('given many submissions at once, then they share a few statements and each gets its petition and one event', async () => {
    const service = intake({ maxBatch: 50 });
    const messages = Array.from({ length: 120 }, () => message());
    const answers = await Promise.all(messages.map((input) => service.submit(input)));

    expect(statements).toBeLessThanOrEqual(4);
    expect(new Set(answers.map((answer) => answer.petitionId)).size).toBe(120);
    expect(answers.every((answer) => !answer.duplicate)).toBe(true);
    const [counts] = await rows(
      `SELECT (SELECT count(*)::int FROM "${schema}".petitions WHERE channel_message_id = ANY($1)) AS petitions,
              (SELECT count(*)::int FROM "${schema}".outbox_messages
                WHERE message_key = ANY($2) AND event_type = 'petition.received') AS events`,
      [messages.map((input) => input.channelMessageId), answers.map((answer) => answer.petitionId)],
    );
    expect(counts).toEqual({ petitions: 120, events: 120 });
  });

  it('given the same channel message three times in one batch, then one petition, one event, two duplicates', async () => {
    const service = intake();
    const input = message();
    const answers = await Promise.all([service.submit(input), service.submit(input), service.submit(input)]);

    expect(statements).toBe(1);
    expect(new Set(answers.map((answer) => answer.petitionId)).size).toBe(1);
    expect(answers.map((answer) => answer.duplicate)).toEqual([false, true, true]);
    expect(await stored(input.channelMessageId)).toEqual({ petitions: 1, events: 1 });
  });

  it('given a channel message stored by an earlier batch, then the same petition comes back, with no new event', async () => {
    const service = intake();
    const input = message();
    const first = await service.submit(input);
    const [again, other] = await Promise.all([service.submit(input), service.submit(message())]);

    expect(again).toEqual({ ...first, duplicate: true });
    expect(other?.duplicate).toBe(false);
    expect(await stored(input.channelMessageId)).toEqual({ petitions: 1, events: 1 });
  });

  it('given a poison row in a batch, then it alone fails and its neighbours are stored', async () => {
    const service = intake({ maxBatch: 10 });
    // U+0000 cannot be stored in a PostgreSQL text column (validation refuses it before it gets this far).
    const poison = message({ text: 'bad\u0000text' });
    const neighbours = Array.from({ length: 6 }, () => message());
    const batch = [...neighbours.slice(0, 3), poison, ...neighbours.slice(3)];
    const answers = await Promise.allSettled(batch.map((input) => service.submit(input)));

    expect(answers[3]).toMatchObject({ status: 'rejected' });
    expect(answers.filter((answer) => answer.status === 'fulfilled')).toHaveLength(6);
    for (const input of neighbours) expect(await stored(input.channelMessageId)).toEqual({ petitions: 1, events: 1 });
    expect(await stored(poison.channelMessageId)).toEqual({ petitions: 0, events: 0 });
  });

  it('given a batch whose commit is held up, then nobody is answered until it has committed', async () => {
    const service = intake({ concurrency: 2 });
    const input = message();
    const blocker = new Client({ connectionString: DATABASE_URL });
    await blocker.connect();
    try {
      // Another transaction holds a lock that every insert into the outbox must wait for.
      await blocker.query('BEGIN');
      await blocker.query(`LOCK TABLE "${schema}".outbox_messages IN SHARE MODE`);
      const first = tracked(service.submit(input));
      // The same message again, in a second batch, racing the first one for the same key.
      await expectEventually(async () => expect((await waitingOnLocks()).length).toBe(1));
      const second = tracked(service.submit(input));
      await expectEventually(async () => expect((await waitingOnLocks()).length).toBe(2));

      expect(first.settled()).toBe(false);
      expect(second.settled()).toBe(false);
      expect(await stored(input.channelMessageId)).toEqual({ petitions: 0, events: 0 });

      await blocker.query('COMMIT');
      const answers: PetitionAccepted[] = [];
      for (const pending of [first, second]) {
        const answer = await pending.promise;
        // Answered: so committed, and visible to everyone else at once.
        expect(await stored(input.channelMessageId)).toEqual({ petitions: 1, events: 1 });
        answers.push(answer);
      }
      // Whichever batch PostgreSQL let in first stored it; the other found it stored.
      expect(answers.map((answer) => answer.duplicate).sort()).toEqual([false, true]);
      expect(answers[0]?.petitionId).toBe(answers[1]?.petitionId);
    } finally {
      await blocker.query('ROLLBACK').catch(() => undefined);
      await blocker.end();
    }
  });

  /** This test's statements that wait for a lock (the held-up batches). */
  async function waitingOnLocks(): Promise<Record<string, unknown>[]> {
    return rows(
      `SELECT pid FROM pg_stat_activity
        WHERE application_name = 'it-group-commit' AND wait_event_type = 'Lock' AND datname = current_database()`,
    );
  }
});
