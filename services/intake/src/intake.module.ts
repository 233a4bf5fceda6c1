import { Module, ValidationPipe } from '@nestjs/common';
import { APP_PIPE } from '@nestjs/core';
import { ChannelKeyring } from './channel-auth/channel-keyring';
import { IntakeConfig } from './config';
import { FeedbackController } from './feedback/feedback.controller';
import { FeedbackModule } from './feedback/feedback.module';
import { validationFailed } from './http/validation-failed';
import { ChannelInboundConsumer } from './inbound/channel-inbound.consumer';
import { open311Controllers, open311Providers } from './open311/open311.providers';
import { PetitionIntakeService } from './petitions/petition-intake.service';
import { PetitionRepository } from './petitions/petition.repository';
import { PetitionsController } from './petitions/petitions.controller';
import { RateLimitModule } from './rate-limit/rate-limit.module';
import { ReportersModule } from './reporters/reporters.module';
import { TrackingModule } from './tracking/tracking.module';

@Module({
  imports: [RateLimitModule, ReportersModule, TrackingModule, FeedbackModule],
  // The signed routes sit here, with the channel keyring their guard needs.
  controllers: [PetitionsController, FeedbackController, ChannelInboundConsumer, ...open311Controllers],
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
