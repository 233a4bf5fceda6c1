import 'reflect-metadata';
import { runService } from '@petitions/runtime';
import { accountabilityService } from './definition';

runService(accountabilityService);
