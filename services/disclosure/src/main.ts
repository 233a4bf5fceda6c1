import 'reflect-metadata';
import { runService } from '@petitions/runtime';
import { disclosureService } from './definition';

runService(disclosureService);
