import { Injectable } from '@nestjs/common';
import { RerunCancelled, RerunConfirmed, RerunRequestRecorded, TOPICS } from '@labflow/contracts';
import { Command, HandlesEvent } from '@labflow/platform/handling';
import { VerificationUnitOfWork } from '../verification-unit-of-work';

/** Open reruns (a rule holds their reports): requested → open; confirmed or cancelled → closed (the latest transition wins). */
const CONSUMER = 'verification.reruns';

@Injectable()
@HandlesEvent(TOPICS.rerunRequestRecorded, { consumer: CONSUMER, labIdOf: (e) => e.labId })
export class RerunRequestedUseCase {
  async execute(command: Command<RerunRequestRecorded>, unit: VerificationUnitOfWork): Promise<void> {
    const e = command.input;
    await unit.reruns.apply(e, { open: true, since: e.requestedAt, requestedParameters: e.requestedParameters });
  }
}

@Injectable()
@HandlesEvent(TOPICS.rerunConfirmed, { consumer: CONSUMER, labIdOf: (e) => e.labId })
export class RerunConfirmedUseCase {
  async execute(command: Command<RerunConfirmed>, unit: VerificationUnitOfWork): Promise<void> {
    await unit.reruns.apply(command.input, { open: false, confirmed: true });
  }
}

@Injectable()
@HandlesEvent(TOPICS.rerunCancelled, { consumer: CONSUMER, labIdOf: (e) => e.labId })
export class RerunCancelledUseCase {
  async execute(command: Command<RerunCancelled>, unit: VerificationUnitOfWork): Promise<void> {
    await unit.reruns.apply(command.input, { open: false });
  }
}
