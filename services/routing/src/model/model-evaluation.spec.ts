import { type Figures, type ModelEvaluation, switchProblems } from './model-evaluation';

const figures = (accuracy: number, urgentRecall = 1): Figures => ({
  accuracy,
  co_department_recall: 0.5,
  complexity_accuracy: 0.8,
  urgent_recall: urgentRecall,
});
const evaluation = (candidate: Figures, active: Figures): ModelEvaluation => ({
  cases: 40,
  candidate,
  active,
  activeVersion: 'v1',
});

describe('switchProblems', () => {
  it('given a candidate at least as good, when judged, then it may be switched on', () => {
    expect(switchProblems(evaluation(figures(0.9), figures(0.9)))).toEqual([]);
    expect(switchProblems(evaluation(figures(0.95), figures(0.9)))).toEqual([]);
  });

  it('given a less accurate candidate, when judged, then refused with the figures', () => {
    expect(switchProblems(evaluation(figures(0.85), figures(0.9)))).toEqual([
      "accuracy 0.85 is below the active model's 0.9",
    ]);
  });

  it('given a candidate that misses urgent petitions the active one catches, when judged, then refused', () => {
    expect(switchProblems(evaluation(figures(0.95, 0.8), figures(0.9, 1)))).toEqual([
      "urgent recall 0.8 is below the active model's 1",
    ]);
  });
});
