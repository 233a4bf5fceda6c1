import { Module } from '@nestjs/common';
import { TrackingModule } from '../tracking/tracking.module';
import { ChannelFeedbackConsumer } from './channel-feedback.consumer';
import { FeedbackRepository } from './feedback.repository';
import { FeedbackService } from './feedback.service';

/**
 * The citizen's answer to the survey: recorded once, folded into the tracking projection, `petition.feedback-received`
 * and, when unsatisfied, `petition.reopened`. Its HTTP route (FeedbackController) sits with `POST /petitions` in
 * IntakeModule, where the channel keyring is.
 */
@Module({
  imports: [TrackingModule],
  controllers: [ChannelFeedbackConsumer],
  providers: [FeedbackRepository, FeedbackService],
  exports: [FeedbackService],
})
export class FeedbackModule {}
