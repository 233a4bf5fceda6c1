import { accountabilityService } from '../services/accountability/src/definition';
import { deadlineTrackingService } from '../services/deadline-tracking/src/definition';
import { disclosureService } from '../services/disclosure/src/definition';
import { intakeService } from '../services/intake/src/definition';
import { routingService } from '../services/routing/src/definition';
import type { ServiceDefinition } from '@petitions/runtime';

/** The five services, in the order a petition passes through them. */
export const SERVICES: readonly ServiceDefinition[] = [
  intakeService,
  routingService,
  deadlineTrackingService,
  accountabilityService,
  disclosureService,
];

export function serviceNamed(name: string): ServiceDefinition {
  const found = SERVICES.find((service) => service.name === name);
  if (!found) throw new Error(`unknown service "${name}"; one of ${SERVICES.map((s) => s.name).join(', ')}`);
  return found;
}
