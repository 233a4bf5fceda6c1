import 'reflect-metadata';
import { runService } from '@petitions/runtime';
import { deadlineTrackingService } from './definition';

runService(deadlineTrackingService);
