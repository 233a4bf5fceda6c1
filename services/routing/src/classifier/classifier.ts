import type { Complexity } from '@petitions/contracts';
import { DEMO_DISTRICT, type District } from '@petitions/district';
import { categoryNamed, defaultCategoryOf, type Lexicon, lexiconOf, matchingCategories } from './lexicon';
import { complexityFeaturesOf } from './complexity';
import {
  binaryVector,
  departmentsWithWords,
  featuresOf,
  indexOfVocabulary,
  type PlaceKinds,
  placeKindOf,
  placeKindsOf,
  vectorise,
} from './features';
import { predict, type SparseVector } from './linear-model';
import type { RoutingModel } from './model';
import {
  activeFireMatch,
  coDepartmentMatches,
  misconductMatch,
  parkServiceMatch,
  policeEmergencyMatch,
  type RuleMatch,
  urgentMatches,
} from './rules';
import { normalise } from './tokeniser';

/** What a channel tells about a petition besides its text. */
export interface PetitionContext {
  channel?: string;
  town?: string;
  unit?: string;
  /** An Open311 service code (a category code) chosen by the petitioner or the channel: it decides the department. */
  serviceCode?: string;
  /** The kind of the unit (village, community, park) when the caller knows it from a newer district than the model's. */
  unitKind?: string;
}

/** The routing decision: who acts, who helps, how fast, and why. */
export interface Classification {
  departmentCode: string;
  coDepartments: string[];
  complexity: Complexity;
  urgent: boolean;
  /** How sure the primary department is, 0..1: the model's probability, or a rule's fixed confidence. */
  confidence: number;
  category: string;
  reason: string;
}

export interface Classifier {
  readonly modelVersion: string;
  /** Every department the model can choose. */
  readonly departments: readonly string[];
  classify(text: string, context?: PetitionContext): Classification;
  /** Every department by the primary model's probability for the text, highest first (no rules applied). */
  rank(text: string, context?: PetitionContext): { code: string; probability: number }[];
}

export interface ClassifierOptions {
  /** The district whose unit kinds (village, community, park) the model's features use. */
  district?: District;
}

/** Territorial responsibility (属地): the town decides when nothing else can (no known word in the text). */
const TERRITORIAL_DEFAULT = 'TOWN';

/** A rule is right when it fires (it was written to be), but it is not certainty. */
const RULE_CONFIDENCE = 0.95;

interface PrimaryDecision {
  departmentCode: string;
  confidence: number;
  category?: string;
  reason: string;
}

function describe(match: RuleMatch): string {
  return `${match.rule} (${match.evidence.join(' + ')})`;
}

function percent(probability: number): string {
  return probability.toFixed(2);
}

class ModelClassifier implements Classifier {
  readonly modelVersion: string;
  readonly departments: readonly string[];
  private readonly index: Map<string, number>;
  private readonly complexityIndex: Map<string, number>;
  private readonly lexicon: Lexicon;
  private readonly places: PlaceKinds;

  constructor(
    private readonly model: RoutingModel,
    district: District,
  ) {
    this.modelVersion = model.modelVersion;
    this.departments = [...model.classes];
    this.index = indexOfVocabulary(model.vocabulary);
    this.complexityIndex = indexOfVocabulary(model.complexityVocabulary);
    this.lexicon = lexiconOf(model.lexicon);
    this.places = placeKindsOf(district);
  }

  rank(text: string, context: PetitionContext = {}): { code: string; probability: number }[] {
    return this.ranked(this.modelView(text, context).probabilities);
  }

  /** What the primary model sees of a petition, and what it makes of it. */
  private modelView(text: string, context: PetitionContext) {
    const unitKind = context.unitKind ?? placeKindOf(context, this.places);
    const features = featuresOf(
      text,
      { channel: context.channel, unitKind },
      { maxN: this.model.features.maxN, lexicon: this.lexicon },
    );
    const vector = vectorise(features, this.index);
    return { unitKind, features, vector, probabilities: predict(this.model.primary, vector) };
  }

  classify(text: string, context: PetitionContext = {}): Classification {
    const normalised = normalise(text);
    const { unitKind, features, vector, probabilities } = this.modelView(text, context);
    const named = departmentsWithWords(features, this.lexicon);
    const primary = this.decidePrimary(normalised, context, unitKind, probabilities, vector);
    const urgency = urgentMatches(normalised);
    const co = this.coDepartments({ normalised, primary: primary.departmentCode, vector, named, probabilities });
    const complex =
      predict(
        this.model.complexity,
        binaryVector(
          complexityFeaturesOf({
            text: normalised,
            channel: context.channel,
            primary: primary.departmentCode,
            departmentsWithWords: named.size,
            urgent: urgency.length > 0,
          }),
          this.complexityIndex,
        ),
      )[0] ?? 0;
    const complexity: Complexity = complex >= this.model.thresholds.complex ? 'complex' : 'general';
    const reasons = [primary.reason, ...co.reasons, `${complexity} ${percent(complex)}`];
    if (urgency.length) reasons.push(`urgent: ${urgency.map(describe).join(', ')}`);
    return {
      departmentCode: primary.departmentCode,
      coDepartments: co.codes,
      complexity,
      urgent: urgency.length > 0,
      confidence: primary.confidence,
      category: primary.category ?? this.categoryOf(normalised, primary.departmentCode),
      reason: reasons.join('; '),
    };
  }

  private probabilityOf(probabilities: readonly number[], departmentCode: string): number {
    return probabilities[this.model.classes.indexOf(departmentCode)] ?? 0;
  }

  private decidePrimary(
    normalised: string,
    context: PetitionContext,
    unitKind: string | undefined,
    probabilities: readonly number[],
    vector: SparseVector,
  ): PrimaryDecision {
    const serviceCode = context.serviceCode ? categoryNamed(context.serviceCode, this.lexicon.categories) : undefined;
    if (serviceCode) {
      return {
        departmentCode: serviceCode.departmentCode,
        confidence: 1,
        category: serviceCode.code,
        reason: `service code ${serviceCode.code} from the channel`,
      };
    }
    const unknownCode = context.serviceCode ? `unknown service code ${context.serviceCode} ignored; ` : '';
    const ruled = this.ruleDecision(normalised, context, unitKind);
    if (ruled) {
      const { departmentCode, category, match } = ruled;
      const confidence = Math.max(RULE_CONFIDENCE, this.probabilityOf(probabilities, departmentCode));
      return { departmentCode, confidence, category, reason: `${unknownCode}rule ${describe(match)}` };
    }
    if (!this.hasKnownWords(vector)) {
      return {
        departmentCode: TERRITORIAL_DEFAULT,
        confidence: this.probabilityOf(probabilities, TERRITORIAL_DEFAULT),
        reason: `${unknownCode}no word the model knows: territorial default`,
      };
    }
    const [best = { code: TERRITORIAL_DEFAULT, probability: 0 }] = this.ranked(probabilities);
    const evidence = this.evidence(vector, this.model.classes.indexOf(best.code));
    return {
      departmentCode: best.code,
      confidence: best.probability,
      reason: `${unknownCode}model ${percent(best.probability)} (${evidence.join(', ')})`,
    };
  }

  private ruleDecision(
    normalised: string,
    context: PetitionContext,
    unitKind: string | undefined,
  ): { departmentCode: string; category?: string; match: RuleMatch } | undefined {
    const misconduct = misconductMatch(normalised);
    if (misconduct) return { departmentCode: 'DISCIPLINE', category: 'official-misconduct', match: misconduct };
    const fire = activeFireMatch(normalised);
    if (fire) return { departmentCode: 'FIRE', category: 'fire', match: fire };
    const police = policeEmergencyMatch(normalised);
    if (police) return { departmentCode: 'POLICE', category: 'public-security', match: police };
    const park = parkServiceMatch(normalised, { channel: context.channel, inPark: unitKind === 'park' });
    if (park) return { departmentCode: 'DEVZONE', category: 'enterprise-service', match: park };
    return undefined;
  }

  /** Whether the text itself gave the model anything (channel and place alone say little about the matter). */
  private hasKnownWords(vector: SparseVector): boolean {
    return vector.indices.some((feature) => !/^[cu]:/.test(this.model.vocabulary[feature] ?? 'c:'));
  }

  /** The three features that pushed hardest towards the chosen class: the model's reason in words. */
  private evidence(vector: SparseVector, classIndex: number): string[] {
    return vector.indices
      .map((feature, position) => ({
        feature: this.model.vocabulary[feature] ?? '',
        weight: (this.model.primary.weights[feature]?.[classIndex] ?? 0) * (vector.values[position] ?? 0),
      }))
      .filter((contribution) => contribution.weight > 0)
      .sort((a, b) => b.weight - a.weight || a.feature.localeCompare(b.feature))
      .slice(0, 3)
      .map((contribution) => contribution.feature);
  }

  /**
   * Co-departments, at most `maxCoDepartments`, in this order: those a rule adds (fire at a transformer: POWER); the
   * primary model's own choice when it lost to a rule, or its runner-up, above the co-department threshold; then
   * those the co-department model finds involved, above the threshold, or above the lower one when the text has
   * words of that department.
   */
  private coDepartments(input: {
    normalised: string;
    primary: string;
    vector: SparseVector;
    named: ReadonlySet<string>;
    probabilities: readonly number[];
  }): { codes: string[]; reasons: string[] } {
    const { coDepartment, coDepartmentWithEvidence, maxCoDepartments } = this.model.thresholds;
    const candidates: { code: string; reason: string }[] = coDepartmentMatches(input.normalised, input.primary).map(
      ({ departmentCode, match }) => ({
        code: departmentCode,
        reason: `co ${departmentCode} by rule ${describe(match)}`,
      }),
    );
    const ranked = this.ranked(input.probabilities).filter(({ code }) => code !== input.primary);
    const runnerUp = ranked[0];
    if (runnerUp && runnerUp.probability >= coDepartment) {
      candidates.push({
        code: runnerUp.code,
        reason: `co ${runnerUp.code} primary model ${percent(runnerUp.probability)}`,
      });
    }
    for (const { code, probability } of this.ranked(predict(this.model.coDepartments, input.vector))) {
      const threshold = input.named.has(code) ? Math.min(coDepartment, coDepartmentWithEvidence) : coDepartment;
      if (code !== input.primary && probability >= threshold) {
        candidates.push({ code, reason: `co ${code} co-department model ${percent(probability)}` });
      }
    }
    const kept = candidates
      .filter((candidate, index) => candidates.findIndex((other) => other.code === candidate.code) === index)
      .slice(0, maxCoDepartments);
    return { codes: kept.map(({ code }) => code), reasons: kept.map(({ reason }) => reason) };
  }

  /** Classes by probability, highest first (ties by code, so the order never depends on anything else). */
  private ranked(probabilities: readonly number[]): { code: string; probability: number }[] {
    return this.model.classes
      .map((code, index) => ({ code, probability: probabilities[index] ?? 0 }))
      .sort((a, b) => b.probability - a.probability || a.code.localeCompare(b.code));
  }

  private categoryOf(normalised: string, departmentCode: string): string {
    const own = matchingCategories(normalised, this.lexicon.categories).find(
      (category) => category.departmentCode === departmentCode,
    );
    return (own ?? defaultCategoryOf(departmentCode, this.lexicon.categories))?.code ?? departmentCode.toLowerCase();
  }
}

/** A classifier over a trained model. Pure: the same text and context always give the same classification. */
export function createClassifier(model: RoutingModel, options: ClassifierOptions = {}): Classifier {
  return new ModelClassifier(model, options.district ?? DEMO_DISTRICT);
}
