import { Module } from '@nestjs/common';
import { ReportersModule } from '../reporters/reporters.module';
import { OutboundReplies } from './outbound-replies.service';
import { RecipientRepository } from './recipient.repository';
import { RecipientDirectory } from './recipients';
import { ReporterRecipients } from './reporter-recipients';

/** Replies to the citizen on `channel.outbound`; whoever folds an event into a petition's facts asks it to answer. */
@Module({
  imports: [ReportersModule],
  providers: [RecipientRepository, { provide: RecipientDirectory, useClass: ReporterRecipients }, OutboundReplies],
  exports: [OutboundReplies],
})
export class OutboundModule {}
