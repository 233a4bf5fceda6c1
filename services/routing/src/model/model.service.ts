import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import type { DistrictFile } from '@petitions/district';
import { CLOCK, type Clock, lockForTransaction, UnitOfWork } from '@petitions/platform';
import {
  type Classifier,
  createClassifier,
  type LabelledPetition,
  loadModel,
  ModelFormatError,
  parseModel,
  type RoutingModel,
  serialiseModel,
} from '../classifier';
import { RoutingHttpError } from '../http/routing-http.error';
import { TrainingLabelRepository } from '../labels/training-label.repository';
import { figuresOn, type ModelEvaluation, switchProblems } from './model-evaluation';
import { ModelVersionEntity } from './model-version.entity';
import { ModelRepository } from './model.repository';

export interface ModelSwitch {
  modelVersion: string;
  changed: boolean;
  evaluation: ModelEvaluation;
}

/**
 * The classifier routing decides with: one active model in the database, shared by every replica. The shipped
 * model is taken at start when its version is new. Another model (retrained on the stored labels) is evaluated
 * against the active one on those labels before it is switched on, and the switch is recorded with the figures.
 */
@Injectable()
export class ModelService implements OnApplicationBootstrap {
  private readonly logger = new Logger(ModelService.name);
  private readonly classifiers = new Map<string, Classifier>();
  private readonly started: Promise<void>;
  private markStarted: (outcome: { error?: Error }) => void = () => undefined;

  constructor(
    private readonly models: ModelRepository,
    private readonly labels: TrainingLabelRepository,
    private readonly unitOfWork: UnitOfWork,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {
    this.started = new Promise((resolve, reject) => {
      this.markStarted = ({ error }) => (error ? reject(error) : resolve());
    });
    this.started.catch(() => undefined);
  }

  async onApplicationBootstrap(): Promise<void> {
    try {
      const shipped = loadModel();
      if (!(await this.models.find(shipped.modelVersion))) {
        await this.unitOfWork.run(async () => {
          await lockForTransaction(this.unitOfWork, 'routing:model');
          if (await this.models.find(shipped.modelVersion)) return;
          await this.models.activate(this.entryOf(shipped, serialiseModel(shipped), 'shipped', null));
          this.logger.log(`model ${shipped.modelVersion} (shipped) activated`);
        });
      }
      this.markStarted({});
    } catch (error) {
      this.markStarted({ error: error instanceof Error ? error : new Error(String(error)) });
      throw error;
    }
  }

  /** The active classifier, read in the caller's transaction. */
  async current(): Promise<Classifier> {
    await this.started;
    const version = await this.models.activeVersion();
    if (!version) throw new Error('no active routing model');
    const cached = this.classifiers.get(version);
    if (cached) return cached;
    const entry = await this.models.find(version);
    if (!entry) throw new Error(`routing model ${version} vanished`);
    const classifier = createClassifier(parseModel(entry.content));
    this.classifiers.set(version, classifier);
    return classifier;
  }

  versions(): Promise<Omit<ModelVersionEntity, 'content'>[]> {
    return this.models.list();
  }

  /** A candidate model against the active one, on every stored training label. Changes nothing. */
  async evaluate(text: string, file: DistrictFile): Promise<ModelEvaluation> {
    return this.evaluation(this.parsed(text), file);
  }

  /**
   * Switches a candidate on if it fits the district and does no worse than the active model on the stored labels
   * (`force` overrides the figures, never the district); records the switch with its evaluation.
   */
  async switchTo(text: string, file: DistrictFile, by: string, force = false): Promise<ModelSwitch> {
    const model = this.parsed(text);
    const departments = new Set(file.district.departments.map((department) => department.code));
    const missing = model.classes.filter((code) => !departments.has(code));
    if (missing.length > 0) {
      throw new RoutingHttpError(
        'MODEL_REJECTED',
        'the model assigns to departments the district does not have',
        missing,
      );
    }
    const evaluation = await this.evaluation(model, file);
    const problems = switchProblems(evaluation);
    if (problems.length > 0 && !force) {
      throw new RoutingHttpError(
        'MODEL_REJECTED',
        'the model does worse than the active one (force=true to switch anyway)',
        problems,
      );
    }
    return this.unitOfWork.run(async () => {
      await lockForTransaction(this.unitOfWork, 'routing:model');
      const changed = (await this.models.activeVersion()) !== model.modelVersion;
      if (changed) await this.models.activate(this.entryOf(model, text, `api:${by}`, evaluation));
      return { modelVersion: model.modelVersion, changed, evaluation };
    });
  }

  private parsed(text: string): RoutingModel {
    try {
      return parseModel(text);
    } catch (error) {
      if (error instanceof ModelFormatError)
        throw new RoutingHttpError('MODEL_REJECTED', 'not a routing model', [error.message]);
      throw error;
    }
  }

  private async evaluation(model: RoutingModel, file: DistrictFile): Promise<ModelEvaluation> {
    const active = await this.current();
    const petitions: LabelledPetition[] = (await this.labels.all()).map((label) => ({
      id: label.petitionId,
      text: label.text,
      channel: label.channel,
      ...(label.town ? { town: label.town } : {}),
      ...(label.unit ? { unit: label.unit } : {}),
      expectedDepartment: label.departmentCode,
      coDepartments: label.coDepartments,
      complexity: label.complexity === 'complex' ? 'complex' : 'general',
      urgent: label.urgent,
    }));
    return {
      cases: petitions.length,
      candidate: figuresOn(createClassifier(model), petitions, file),
      active: figuresOn(active, petitions, file),
      activeVersion: active.modelVersion,
    };
  }

  private entryOf(
    model: RoutingModel,
    content: string,
    source: string,
    evaluation: ModelEvaluation | null,
  ): ModelVersionEntity {
    const now = this.clock.now();
    return Object.assign(new ModelVersionEntity(), {
      modelVersion: model.modelVersion,
      content,
      trainedAt: new Date(model.trainedAt),
      source,
      active: true,
      evaluation,
      loadedAt: now,
      activatedAt: now,
    } satisfies ModelVersionEntity);
  }
}
