import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { PetitionAssignedV1 } from '@petitions/contracts';
import { aPetition, call, payloadOf, publishReceived, RoutingUnderTest, TOKENS } from '../../support/routing';

/**
 * Learning from outcomes: an operator's triage decision is a training label; the stored labels export in the
 * training file's format; a model retrained with them (routing:train) is evaluated against the active one on those
 * labels, then switched on without a restart, and the switch is recorded.
 */

const PORT = 3182;
const ROOT = join(__dirname, '..', '..', '..');
const run = promisify(execFile);

interface VersionView {
  modelVersion: string;
  source: string;
  active: boolean;
  evaluation: { cases: number; activeVersion: string; candidate: { accuracy: number } } | null;
}

describe('routing: retraining on stored labels and switching models', () => {
  let system: RoutingUnderTest;
  const workDir = mkdtempSync(join(tmpdir(), 'routing-model-'));
  const candidatePath = join(workDir, 'candidate.json');
  const unclear = aPetition({ text: '请问这个怎么办', unit: 'FULING' });
  let shippedVersion: string;

  beforeAll(async () => {
    system = await RoutingUnderTest.start('routing-model', PORT);
  });

  afterAll(async () => {
    await system?.stop();
    rmSync(workDir, { recursive: true, force: true });
  });

  async function versions(): Promise<VersionView[]> {
    const response = await call(`${system.url}/admin/model`, { token: TOKENS.admin });
    expect(response.status).toBe(200);
    return ((await response.json()) as { versions: VersionView[] }).versions;
  }

  it('starts with the shipped model, recorded as such', async () => {
    const [shipped, ...others] = await versions();
    expect(others).toEqual([]);
    expect(shipped).toMatchObject({ source: 'shipped', active: true, evaluation: null });
    shippedVersion = shipped!.modelVersion;
  });

  it('exports the operators’ decisions as training lines', async () => {
    await publishReceived(system.producer, unclear);
    await system.waitFor(unclear.petitionId, 'petition.triage-queued');
    const decided = await call(`${system.url}/triage/${unclear.petitionId}/decision`, {
      method: 'POST',
      token: TOKENS.operator,
      body: { departmentCode: 'HOUSING' },
    });
    expect(decided.status).toBe(200);
    expect((await call(`${system.url}/admin/training-labels`, { token: TOKENS.operator })).status).toBe(403);
    const response = await call(`${system.url}/admin/training-labels`, { token: TOKENS.admin });
    expect(response.headers.get('content-type')).toMatch(/^application\/x-ndjson/);
    const lines = (await response.text()).trim().split('\n');
    expect(lines.map((line) => JSON.parse(line) as unknown)).toEqual([
      {
        id: unclear.petitionId,
        channel: 'wechat-resident',
        text: unclear.text,
        town: 'FUKOU_TOWN',
        unit: 'FULING',
        expected_department: 'HOUSING',
        co_departments: expect.any(Array) as unknown,
        complexity: 'general',
        urgent: false,
      },
    ]);
    // The retraining file: the shipped training data and the stored labels, several times over so that they count.
    const training = readFileSync(join(ROOT, 'services', 'routing', 'data', 'petitions.dev.jsonl'), 'utf8');
    writeFileSync(join(workDir, 'retrain.jsonl'), `${training.trimEnd()}\n${`${lines.join('\n')}\n`.repeat(5)}`);
  });

  it('evaluates a retrained model against the active one on the stored labels, changing nothing', async () => {
    await run(process.execPath, [
      join(ROOT, 'dist', 'scripts', 'routing-train.js'),
      join(workDir, 'retrain.jsonl'),
      '--out',
      candidatePath,
    ]);
    const response = await call(`${system.url}/admin/model/evaluation`, {
      method: 'POST',
      token: TOKENS.admin,
      body: readFileSync(candidatePath, 'utf8'),
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ cases: 1, activeVersion: shippedVersion });
    expect((await versions()).filter((version) => version.active).map((version) => version.modelVersion)).toEqual([
      shippedVersion,
    ]);
  });

  it('refuses what is not a model', async () => {
    const response = await call(`${system.url}/admin/model`, {
      method: 'PUT',
      token: TOKENS.admin,
      body: { hello: 1 },
    });
    expect(response.status).toBe(422);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe('MODEL_REJECTED');
  });

  it('switches the retrained model on, records the switch, and decides with it from then on', async () => {
    const response = await call(`${system.url}/admin/model?force=true`, {
      method: 'PUT',
      token: TOKENS.admin,
      body: readFileSync(candidatePath, 'utf8'),
    });
    expect(response.status).toBe(200);
    const switched = (await response.json()) as { modelVersion: string; changed: boolean };
    expect(switched.changed).toBe(true);
    expect(switched.modelVersion).not.toBe(shippedVersion);
    const recorded = (await versions()).find((version) => version.modelVersion === switched.modelVersion);
    expect(recorded).toMatchObject({
      source: 'api:op-admin',
      active: true,
      evaluation: { cases: 1, activeVersion: shippedVersion },
    });
    const next = aPetition({ text: '南江北路下水道堵塞污水外流', unit: 'NANJIANG' });
    await publishReceived(system.producer, next);
    const [assigned] = await system.waitFor(next.petitionId, 'petition.assigned');
    expect(payloadOf<PetitionAssignedV1>(assigned!)).toMatchObject({
      departmentCode: 'URBAN',
      modelVersion: switched.modelVersion,
    });
  });
});
