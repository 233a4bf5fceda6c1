import { readFileSync } from 'node:fs';
import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { deptAssignmentsTopic } from '@petitions/contracts';
import { DEMO_DISTRICT, districtFileOf, type DistrictFile, parseDistrictFile } from '@petitions/district';
import { ensureTopics } from '@petitions/messaging';
import { CLOCK, type Clock, lockForTransaction, UnitOfWork } from '@petitions/platform';
import { KAFKA, SERVICE_CONFIG } from '@petitions/runtime';
import type { Kafka } from 'kafkajs';
import type { RoutingConfig } from '../config';
import { RoutingHttpError } from '../http/routing-http.error';
import { ModelService } from '../model/model.service';
import { DistrictVersionEntity } from './district-version.entity';
import { DistrictRepository } from './district.repository';

/** What a load did: the version now active, and whether it was new. */
export interface DistrictActivation {
  version: string;
  sha256: string;
  changed: boolean;
}

/**
 * The district routing decides under: one active version in the database, shared by every replica. A new file is
 * checked completely (its own rules, the classifier's departments, the topics of its departments) before it is
 * stored and switched on in one transaction; a bad file changes nothing and is refused with every reason.
 */
@Injectable()
export class DistrictService implements OnApplicationBootstrap {
  private readonly logger = new Logger(DistrictService.name);
  /** Parsed districts by digest: a replica parses each version once. */
  private readonly parsed = new Map<string, DistrictFile>();
  /** Settles when the start-up load is done; consumers may start before Nest's bootstrap hooks have finished. */
  private readonly started: Promise<void>;
  private markStarted: (outcome: { error?: Error }) => void = () => undefined;

  constructor(
    private readonly districts: DistrictRepository,
    private readonly unitOfWork: UnitOfWork,
    @Inject(SERVICE_CONFIG) private readonly config: RoutingConfig,
    @Inject(KAFKA) private readonly kafka: Kafka,
    private readonly models: ModelService,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {
    this.started = new Promise((resolve, reject) => {
      this.markStarted = ({ error }) => (error === undefined ? resolve() : reject(error));
    });
    // A failed start is reported by the bootstrap hook; waiting callers see it too, but nobody must leave it unhandled.
    this.started.catch(() => undefined);
  }

  /** At start, the configured file (or the demo) is loaded if its version is new; a bad file stops the service. */
  async onApplicationBootstrap(): Promise<void> {
    try {
      await this.loadAtStart();
      this.markStarted({});
    } catch (error) {
      this.markStarted({ error: error instanceof Error ? error : new Error(String(error)) });
      throw error;
    }
  }

  private async loadAtStart(): Promise<void> {
    const { file, source } = this.configuredFile();
    const known = await this.districts.findVersion(file.version);
    const active = await this.districts.findActive();
    if (known && known.sha256 !== file.sha256) {
      throw new Error(`${source}: version ${file.version} is already loaded with other content; give it a new version`);
    }
    if (known && active) {
      this.logger.log(`district ${active.version} active (configured ${file.version} already known)`);
      return;
    }
    const result = await this.activate(file, source);
    this.logger.log(`district ${result.version} ${result.changed ? 'activated' : 'active'} from ${source}`);
  }

  /** The active district, read in the caller's transaction (so a decision and its version agree). */
  async current(): Promise<DistrictFile> {
    await this.started;
    const active = await this.districts.findActive();
    if (!active) throw new Error('no active district');
    const cached = this.parsed.get(active.sha256);
    if (cached) return cached;
    const file: DistrictFile = { ...districtFileOf(JSON.parse(active.content) as DistrictFile['district']) };
    if (file.sha256 !== active.sha256) throw new Error(`district ${active.version} does not match its digest`);
    this.parsed.set(active.sha256, file);
    return file;
  }

  versions(): Promise<DistrictVersionEntity[]> {
    return this.districts.list();
  }

  /** Loads a district file sent to the admin API. */
  async load(text: string, source: string): Promise<DistrictActivation> {
    const parsed = parseDistrictFile(text);
    if (!parsed.ok) throw new RoutingHttpError('DISTRICT_REJECTED', 'the district file has problems', parsed.problems);
    return this.activate(parsed, source);
  }

  /** Reads the configured file again (after an operator changed it) and loads it. */
  reloadConfigured(): Promise<DistrictActivation> {
    const { file, source } = this.configuredFile(true);
    return this.activate(file, source);
  }

  private configuredFile(forApi = false): { file: DistrictFile; source: string } {
    const path = this.config.ROUTING_DISTRICT_FILE;
    if (!path) return { file: districtFileOf(DEMO_DISTRICT), source: 'demo' };
    const parsed = parseDistrictFile(readFileSync(path, 'utf8'));
    if (parsed.ok) return { file: parsed, source: `file:${path}` };
    if (forApi) throw new RoutingHttpError('DISTRICT_REJECTED', `${path} has problems`, parsed.problems);
    throw new Error(`ROUTING_DISTRICT_FILE ${path} has problems:\n  ${parsed.problems.join('\n  ')}`);
  }

  /** Every department the classifier can choose must exist in the district, or routing would assign to nobody. */
  private async compatibilityProblems(file: DistrictFile): Promise<string[]> {
    const codes = new Set(file.district.departments.map((department) => department.code));
    return (await this.models.current()).departments
      .filter((code) => !codes.has(code))
      .map((code) => `departments: the classifier assigns to ${code}, which the file does not have`);
  }

  private async activate(file: DistrictFile, source: string): Promise<DistrictActivation> {
    const problems = await this.compatibilityProblems(file);
    if (problems.length > 0)
      throw new RoutingHttpError('DISTRICT_REJECTED', 'the district file does not fit', problems);
    // New departments need their work-order topics before anything is assigned to them.
    await ensureTopics(
      this.kafka,
      file.district.departments.map((department) => deptAssignmentsTopic(department.code)),
      this.config.KAFKA_TOPIC_PARTITIONS,
    );
    return this.unitOfWork.run(async () => {
      await lockForTransaction(this.unitOfWork, 'routing:district');
      const existing = await this.districts.findVersion(file.version);
      if (existing && existing.sha256 !== file.sha256) {
        throw new RoutingHttpError(
          'CONFLICT',
          `version ${file.version} is already loaded with other content: give the changed file a new version`,
        );
      }
      const active = await this.districts.findActive();
      const changed = active?.version !== file.version;
      if (changed) {
        const now = this.clock.now();
        await this.districts.activate(
          Object.assign(new DistrictVersionEntity(), {
            version: file.version,
            sha256: file.sha256,
            content: JSON.stringify(file.district),
            source,
            active: true,
            loadedAt: existing?.loadedAt ?? now,
            activatedAt: now,
          }),
        );
      }
      return { version: file.version, sha256: file.sha256, changed };
    });
  }
}
