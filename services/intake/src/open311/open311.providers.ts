import type { Provider, Type } from '@nestjs/common';
import { IntakeConfig } from '../config';
import { Open311ApiKeyGuard, Open311KeyRateLimitGuard } from './open311-api-key.guard';
import { Open311Keyring } from './open311-keys';
import { Open311Controller } from './open311.controller';
import { Open311Repository } from './open311.repository';
import { Open311Endpoint, Open311Service } from './open311.service';

/**
 * Open311's parts, registered in IntakeModule itself: filing goes through PetitionIntakeService, which lives there
 * (a module of its own could not reach it without a cycle).
 */
export const open311Controllers: Type[] = [Open311Controller];

export const open311Providers: Provider[] = [
  Open311Repository,
  Open311Service,
  Open311ApiKeyGuard,
  Open311KeyRateLimitGuard,
  {
    provide: Open311Keyring,
    useFactory: (config: IntakeConfig) => Open311Keyring.fromConfig(config.INTAKE_OPEN311_KEYS),
    inject: [IntakeConfig],
  },
  {
    provide: Open311Endpoint,
    useFactory: (config: IntakeConfig) => new Open311Endpoint(config.INTAKE_OPEN311_URL),
    inject: [IntakeConfig],
  },
];
