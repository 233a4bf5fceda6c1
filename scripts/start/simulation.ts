import { randomUUID } from 'node:crypto';
import { demoChannelCredential, signChannelRequest, unixSeconds } from '@petitions/contracts';
import { brokerList } from './kafka';
import { pickPetitions, snippet, type SamplePetition } from './sample-petitions';
import { SimulatedDepartments } from './simulated-departments';

export interface SimulatorOptions {
  intakeUrl: string;
  disclosureUrl: string;
  /** host:port list, as an array or comma-separated. */
  brokers: readonly string[] | string;
  /** How many petitions to post (default 5; 0 only plays the departments). */
  petitions?: number;
  /** Where the simulator's lines go (default: stdout with a `[simulator]` prefix). */
  log?: (line: string) => void;
  /** Work orders issued before this are not answered (default: now). */
  answerIssuedAfter?: Date;
  /** How long to wait for each petition to be published (default 120 s). */
  publishTimeoutMs?: number;
}

export interface PetitionOutcome {
  petitionId: string;
  trackingCode: string;
  postedAt: number;
  /** Seconds from received to resolved, as the public record states it; undefined while unpublished. */
  handlingSeconds?: number;
  /** Milliseconds from posting to the record being readable on the public board. */
  publishedAfterMs?: number;
  gaveUp?: boolean;
}

export interface SimulationReport {
  posted: number;
  published: number;
  outcomes: readonly PetitionOutcome[];
}

export interface RunningSimulator {
  /** Resolves when every posted petition is published or given up on, or when the simulator is stopped. */
  readonly finished: Promise<SimulationReport>;
  /** Stops posting and polling and disconnects the departments; safe to call more than once. */
  stop(): Promise<void>;
}

interface Accepted {
  petitionId: string;
  trackingCode: string;
  duplicate: boolean;
}

const POLL_EVERY_MS = 500;
const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Posts as the petition's channel would, signed with that channel's demo key (intake's default credentials). */
async function postPetition(intakeUrl: string, petition: SamplePetition, channelMessageId: string): Promise<Accepted> {
  const body = JSON.stringify({ ...petition, channelMessageId });
  const { keyId, secret } = demoChannelCredential(petition.channel);
  const response = await fetch(`${intakeUrl}/petitions`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...signChannelRequest({ keyId, secret, body, timestamp: unixSeconds(new Date()) }),
    },
    body,
    signal: AbortSignal.timeout(10_000),
  });
  const answer = await response.text();
  if (response.status !== 202) throw new Error(`intake answered ${response.status}: ${answer.slice(0, 300)}`);
  return JSON.parse(answer) as Accepted;
}

/** The public record's fields the simulator reports on (disclosure's PublicRecordView has more). */
interface PublishedRecord {
  sequence: number;
  departmentCode: string;
  handlingSeconds: number;
  withinDeadline: boolean;
}

async function publishedRecord(disclosureUrl: string, petitionId: string): Promise<PublishedRecord | undefined> {
  const response = await fetch(`${disclosureUrl}/public/records/${petitionId}`, { signal: AbortSignal.timeout(5000) });
  if (response.status === 404) return undefined;
  if (response.status !== 200) throw new Error(`disclosure answered ${response.status}`);
  return (await response.json()) as PublishedRecord;
}

/** One simulator run: the petitions it posted and what became of them. */
export class Simulation {
  readonly outcomes: PetitionOutcome[] = [];
  private readonly texts = new Map<string, string>();
  private stopped = false;
  private departments: SimulatedDepartments | undefined;
  private readonly runId = randomUUID().slice(0, 8);

  constructor(
    private readonly options: SimulatorOptions,
    private readonly log: (line: string) => void,
  ) {}

  get isStopped(): boolean {
    return this.stopped;
  }

  describe(petitionId: string): string {
    const text = this.texts.get(petitionId);
    return text ? `${snippet(text, 12)} (${petitionId})` : petitionId;
  }

  async startDepartments(): Promise<void> {
    this.departments = await SimulatedDepartments.start({
      brokers: typeof this.options.brokers === 'string' ? brokerList(this.options.brokers) : this.options.brokers,
      log: this.log,
      describe: (petitionId) => this.describe(petitionId),
      answerIssuedAfter: this.options.answerIssuedAfter ?? new Date(),
      ackDelayMs: 1000,
      resolveDelayMs: 3000,
    });
  }

  /** One after the other, each with a channel message id of its own (the same id twice is the same petition). */
  async postAll(count: number): Promise<void> {
    for (const [index, petition] of pickPetitions(count).entries()) {
      if (this.stopped) return;
      const channelMessageId = `simulator-${this.runId}-${index + 1}`;
      try {
        const postedAt = Date.now();
        const accepted = await postPetition(this.options.intakeUrl, petition, channelMessageId);
        this.texts.set(accepted.petitionId, petition.text);
        this.outcomes.push({ petitionId: accepted.petitionId, trackingCode: accepted.trackingCode, postedAt });
        this.log(
          `posted ${snippet(petition.text)} (${petition.channel}) → tracking code ${accepted.trackingCode}, ` +
            `petition ${accepted.petitionId}${accepted.duplicate ? ' (duplicate)' : ''}`,
        );
      } catch (error) {
        this.log(`could not post ${snippet(petition.text)}: ${(error as Error).message}`);
      }
    }
  }

  /** Polls the public board until every posted petition is on it (or has taken longer than the timeout). */
  async followToPublication(timeoutMs: number): Promise<SimulationReport> {
    const open = (): PetitionOutcome[] => this.outcomes.filter((o) => o.publishedAfterMs === undefined && !o.gaveUp);
    while (!this.stopped && open().length > 0) {
      for (const outcome of open()) await this.check(outcome, timeoutMs);
      await sleep(POLL_EVERY_MS);
    }
    const report = this.report();
    if (!this.stopped && report.posted > 0) {
      const slowest = Math.max(...this.outcomes.map((o) => o.publishedAfterMs ?? 0));
      this.log(
        `${report.published} of ${report.posted} petitions published (the last ${(slowest / 1000).toFixed(1)} s after ` +
          'posting); the departments keep answering new work orders until Ctrl-C',
      );
    }
    return report;
  }

  private async check(outcome: PetitionOutcome, timeoutMs: number): Promise<void> {
    try {
      const record = await publishedRecord(this.options.disclosureUrl, outcome.petitionId);
      if (record) {
        outcome.publishedAfterMs = Date.now() - outcome.postedAt;
        outcome.handlingSeconds = record.handlingSeconds;
        this.log(
          `published: ${outcome.petitionId} handled in ${record.handlingSeconds}s by ${record.departmentCode} ` +
            `(record #${record.sequence}${record.withinDeadline ? '' : ', overdue'}; ` +
            `on the public board ${(outcome.publishedAfterMs / 1000).toFixed(1)} s after posting)`,
        );
        return;
      }
    } catch (error) {
      this.log(`disclosure: ${(error as Error).message}`);
    }
    if (Date.now() - outcome.postedAt > timeoutMs) {
      outcome.gaveUp = true;
      this.log(`not published ${timeoutMs / 1000} s after posting: ${outcome.petitionId} (see .local/logs/)`);
    }
  }

  report(): SimulationReport {
    const published = this.outcomes.filter((o) => o.publishedAfterMs !== undefined).length;
    return { posted: this.outcomes.length, published, outcomes: this.outcomes };
  }

  async stop(): Promise<void> {
    if (this.stopped) return;
    this.stopped = true;
    await this.departments?.stop();
    this.log('stopped');
  }
}
