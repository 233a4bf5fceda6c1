import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type Classifier, type ClassifierOptions, createClassifier } from './classifier';
import { parseModel, type RoutingModel } from './model';

/**
 * Where the shipped model is, seen from this file: `services/routing/data/model.json`, reached from the sources
 * (`services/routing/src/classifier`) and from the build (`dist/services/routing/src/classifier`, with the
 * repository's `services/` beside `dist/`).
 */
export function shippedModelCandidates(fromDirectory: string = __dirname): string[] {
  return [
    join(fromDirectory, '..', '..', 'data', 'model.json'),
    join(fromDirectory, '..', '..', '..', '..', '..', 'services', 'routing', 'data', 'model.json'),
  ];
}

export function shippedModelPath(fromDirectory: string = __dirname): string {
  const candidates = shippedModelCandidates(fromDirectory);
  const found = candidates.find((candidate) => existsSync(candidate));
  if (!found) throw new Error(`no routing model found; looked for ${candidates.join(', ')}`);
  return found;
}

/** Reads and checks a model file (ModelFormatError when it is not one). */
export function loadModel(path: string = shippedModelPath()): RoutingModel {
  return parseModel(readFileSync(path, 'utf8'));
}

/** The classifier the service uses: the model at `path`, by default the shipped one. */
export function loadClassifier(path: string = shippedModelPath(), options: ClassifierOptions = {}): Classifier {
  return createClassifier(loadModel(path), options);
}
