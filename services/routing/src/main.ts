import 'reflect-metadata';
import { runService } from '@petitions/runtime';
import { routingService } from './definition';

runService(routingService);
