import { Body, Controller, HttpCode, HttpStatus, Post, UseGuards } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { ChannelCredential } from '../channel-auth/channel-credentials';
import { assertKeyMayActFor, ChannelRequestGuard, SignedBy } from '../channel-auth/channel-signature.guard';
import { ApiSubmitPetition } from '../http/openapi';
import { PetitionIntakeService } from './petition-intake.service';
import { SubmitPetitionDto, type PetitionAccepted } from './submit-petition.dto';

@ApiTags('petitions')
@Controller('petitions')
export class PetitionsController {
  constructor(private readonly intake: PetitionIntakeService) {}

  /**
   * 202 once the petition and its event are durably stored. Within the source's rate (429), signed (401), within the
   * key's rate (429), valid (400), the key's channel (403).
   */
  @Post()
  @HttpCode(HttpStatus.ACCEPTED)
  @UseGuards(ChannelRequestGuard)
  @ApiSubmitPetition()
  submit(@Body() body: SubmitPetitionDto, @SignedBy() key: ChannelCredential): Promise<PetitionAccepted> {
    assertKeyMayActFor(key, body.channel);
    return this.intake.submit(body);
  }
}
