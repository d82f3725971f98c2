import { Global, Module } from '@nestjs/common';
import { RequestReplyModule } from '@labflow/platform/service';
import { CallerWritesStore, ReadYourWrites } from '../consistency';
import { CommandForwarder } from './command-forwarder';

/** The gateway's request/reply bus (replies on `gateway.replies`, part of readiness) and what forwards HTTP calls over it, with read your writes. */
@Global()
@Module({
  imports: [RequestReplyModule],
  providers: [CommandForwarder, ReadYourWrites, CallerWritesStore],
  exports: [RequestReplyModule, CommandForwarder],
})
export class BusModule {}
