import 'reflect-metadata';
import { runService } from '@petitions/runtime';
import { intakeService } from './definition';

runService(intakeService);
