import { Module, ValidationPipe } from '@nestjs/common';
import { APP_PIPE } from '@nestjs/core';
import { PetitionIntakeService } from './petitions/petition-intake.service';
import { PetitionRepository } from './petitions/petition.repository';
import { PetitionsController } from './petitions/petitions.controller';

@Module({
  controllers: [PetitionsController],
  providers: [
    PetitionRepository,
    PetitionIntakeService,
    {
      provide: APP_PIPE,
      useValue: new ValidationPipe({ whitelist: true, forbidNonWhitelisted: true, transform: true }),
    },
  ],
})
export class IntakeModule {}
