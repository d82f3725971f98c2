import { Global, Module } from '@nestjs/common';
import { RequestReplyModule } from '@labflow/platform/service';
import { CommandForwarder } from './command-forwarder';

/** The gateway's request/reply bus (replies on `gateway.replies`, part of readiness) and what forwards HTTP calls over it. */
@Global()
@Module({
  imports: [RequestReplyModule],
  providers: [CommandForwarder],
  exports: [RequestReplyModule, CommandForwarder],
})
export class BusModule {}
