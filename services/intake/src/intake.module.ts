import { Module, ValidationPipe } from '@nestjs/common';
import { APP_PIPE } from '@nestjs/core';
import { ChannelKeyring } from './channel-auth/channel-keyring';
import { IntakeConfig } from './config';
import { validationFailed } from './http/validation-failed';
import { ChannelInboundConsumer } from './inbound/channel-inbound.consumer';
import { open311Controllers, open311Providers } from './open311/open311.providers';
import { PetitionIntakeService } from './petitions/petition-intake.service';
import { PetitionRepository } from './petitions/petition.repository';
import { PetitionsController } from './petitions/petitions.controller';
import { RateLimitModule } from './rate-limit/rate-limit.module';
import { PiiCipher } from './reporters/pii-cipher';
import { TrackingModule } from './tracking/tracking.module';

@Module({
  imports: [RateLimitModule, TrackingModule],
  controllers: [PetitionsController, ChannelInboundConsumer, ...open311Controllers],
  providers: [
    PetitionRepository,
    PetitionIntakeService,
    ...open311Providers,
    {
      provide: ChannelKeyring,
      useFactory: (config: IntakeConfig) => ChannelKeyring.fromConfig(config.INTAKE_CHANNEL_CREDENTIALS),
      inject: [IntakeConfig],
    },
    {
      provide: PiiCipher,
      useFactory: (config: IntakeConfig) => PiiCipher.fromConfig(config.INTAKE_PII_KEYS),
      inject: [IntakeConfig],
    },
    {
      provide: APP_PIPE,
      useValue: new ValidationPipe({
        whitelist: true,
        forbidNonWhitelisted: true,
        transform: true,
        exceptionFactory: validationFailed,
      }),
    },
  ],
})
export class IntakeModule {}
