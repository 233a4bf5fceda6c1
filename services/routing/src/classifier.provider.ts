import type { Provider } from '@nestjs/common';
import { loadClassifier } from './classifier';

/** The classifier over the shipped model (services/routing/data/model.json), read and checked once at start. */
export const CLASSIFIER = Symbol('Classifier');

export const classifierProvider: Provider = { provide: CLASSIFIER, useFactory: () => loadClassifier() };
