import { Body, Controller, HttpCode, HttpStatus, Post } from '@nestjs/common';
import { PetitionIntakeService } from './petition-intake.service';
import { SubmitPetitionDto, type PetitionAccepted } from './submit-petition.dto';

@Controller('petitions')
export class PetitionsController {
  constructor(private readonly intake: PetitionIntakeService) {}

  /** 202 once the petition and its event are durably stored. */
  @Post()
  @HttpCode(HttpStatus.ACCEPTED)
  submit(@Body() body: SubmitPetitionDto): Promise<PetitionAccepted> {
    return this.intake.submit(body);
  }
}
