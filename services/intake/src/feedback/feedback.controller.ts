import { Body, Controller, HttpCode, HttpStatus, Post, UseGuards } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { ChannelCredential } from '../channel-auth/channel-credentials';
import { assertKeyMayActFor, ChannelSignatureGuard, SignedBy } from '../channel-auth/channel-signature.guard';
import { RateLimit } from '../rate-limit/rate-limit.decorator';
import { ChannelKeyRateLimitGuard } from '../rate-limit/rate-limit.guard';
import { refusedOverHttp } from './feedback-refused';
import { ApiSubmitFeedback } from './feedback.openapi';
import { FeedbackService } from './feedback.service';
import { SubmitFeedbackDto, type FeedbackAccepted } from './submit-feedback.dto';

@ApiTags('petitions')
@Controller('petitions/feedback')
export class FeedbackController {
  constructor(private readonly feedback: FeedbackService) {}

  /**
   * 202 once the answer and its events are durably stored. Guarded as `POST /petitions` is: the source's rate (429),
   * signed (401), the key's rate (429), valid (400), the key's channel (403); then the petition's own channel (403),
   * a known tracking code (404), a resolution to answer for (409).
   */
  @Post()
  @HttpCode(HttpStatus.ACCEPTED)
  @RateLimit('source')
  @UseGuards(ChannelSignatureGuard, ChannelKeyRateLimitGuard)
  @ApiSubmitFeedback()
  submit(@Body() body: SubmitFeedbackDto, @SignedBy() key: ChannelCredential): Promise<FeedbackAccepted> {
    assertKeyMayActFor(key, body.channel);
    return this.feedback.answer(body).catch(refusedOverHttp);
  }
}
