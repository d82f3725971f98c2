import { Logger } from '@nestjs/common';
import { AstmLink, AstmLinkEvent } from '../astm/astm-link';
import { AstmMessageAssembler, AstmRawMessage } from '../astm/astm-message-assembler';
import { readAstmMessage } from '../astm/astm-message-reader';
import { ReadFrame } from '../astm/astm-frame-reader';
import { STANDARD_TOLERANCE } from '../astm/astm-tolerance';
import { StartTimer } from '../link/link-timers';
import { VendorProfile } from '../profiles/vendor-profile';
import { InstrumentIntake } from '../intake/instrument-intake';
import { DeviceConnectionConfig } from './device-connection.config';
import { delimitersOfHeader, DEFAULT_ASTM_DELIMITERS } from '../astm/astm-delimiters';
import { frameMessage } from '../astm/astm-frame';
import { InstrumentMessage } from '../results/instrument-message';
import { astmQueryAnswer } from '../work-orders/astm-query-answer';
import { HostQueries } from '../work-orders/host-queries';

/**
 * One ASTM connection: bytes → E1381 link → records → messages. The frame that completes a message
 * (its L record) is ACKed only once the message is stored; a store failure NAKs it, so the
 * instrument sends it again.
 */
export class AstmSession {
  private readonly logger: Logger;
  private readonly link: AstmLink;
  private assembler = new AstmMessageAssembler();
  /** Stores and host-query answers in flight. */
  private inFlight = 0;

  constructor(
    private readonly device: DeviceConnectionConfig,
    private readonly profile: VendorProfile,
    private readonly intake: InstrumentIntake,
    write: (bytes: Buffer) => void,
    startTimer: StartTimer,
    private readonly hostQueries: HostQueries | null = null,
  ) {
    this.logger = new Logger(`astm ${device.name}`);
    const tolerance = { ...STANDARD_TOLERANCE, ...definedOnly(profile.tolerance) };
    this.link = new AstmLink({ write, frame: (f) => this.onFrame(f), event: (e) => this.onEvent(e) }, startTimer, tolerance);
  }

  receive(chunk: Buffer): void {
    this.link.receive(chunk);
  }

  close(): void {
    this.link.close();
  }

  /** Between messages: the link is neutral and nothing is being stored or answered (a drain may close the connection now). */
  idle(): boolean {
    return this.link.neutral && this.inFlight === 0;
  }

  private onFrame(frame: ReadFrame): void | Promise<void> {
    if (!this.assembler.completes(frame)) {
      this.assembler.push(frame);
      return;
    }
    const before = this.assembler.clone();
    const messages = this.assembler.push(frame);
    return (async () => {
      for (const message of messages) await this.store(message, null);
    })().catch((error: unknown) => {
      this.assembler = before; // the frame is NAKed: its retransmission is pushed again
      this.logger.error(`message not stored, frame NAKed: ${(error as Error).message}`);
      throw error;
    });
  }

  private onEvent(event: AstmLinkEvent): void {
    switch (event.type) {
      case 'receive-ended':
        this.flush(null);
        return;
      case 'receive-timeout':
        this.flush('transmission timed out before EOT: kept, not uploaded');
        return;
      case 'frame-refused':
        this.logger.warn(`frame NAKed: ${event.reason}`);
        return;
      case 'send-failed':
        this.logger.warn(`send failed: ${event.reason}`);
        return;
      case 'receive-started': case 'contention': case 'send-done':
        return;
    }
  }

  /** What is left when the transmission ends: a message sent without L (already ACKed: stored as soon as possible). */
  private flush(withhold: string | null): void {
    const rest = this.assembler.flush();
    if (!rest) return;
    this.store(rest, withhold).catch((error: unknown) => this.logger.error(`unterminated message not stored: ${(error as Error).message}`));
  }

  private async store(message: AstmRawMessage, withhold: string | null): Promise<void> {
    this.inFlight += 1;
    try {
      await this.storeNow(message, withhold);
    } finally {
      this.inFlight -= 1;
    }
  }

  private async storeNow(message: AstmRawMessage, withhold: string | null): Promise<void> {
    const problems = message.unparsed.map((r) => `unrecognised record: ${r.slice(0, 80)}`);
    const ended = message.records[message.records.length - 1]?.type === 'L';
    if (!ended && !withhold) problems.push('message without an L record');
    const read = readAstmMessage(message.records, this.profile);
    await this.intake.accept(this.device, Buffer.from(message.text, 'latin1'), read, problems, {
      wakeDelivery: true, ...(withhold ? { withhold } : {}),
    });
    if (!withhold && read.queries.length > 0) void this.answer(message, read);
  }

  /** A host query, stored: its answer is sent once LabFlow answered and the instrument's transmission ended. */
  private async answer(message: AstmRawMessage, read: InstrumentMessage): Promise<void> {
    if (!this.hostQueries) return;
    this.inFlight += 1;
    try {
      await this.answerNow(message, read, this.hostQueries);
    } finally {
      this.inFlight -= 1;
    }
  }

  private async answerNow(message: AstmRawMessage, read: InstrumentMessage, hostQueries: HostQueries): Promise<void> {
    const header = message.records.find((r) => r.type === 'H');
    const delimiters = (header && delimitersOfHeader(header.raw)) || DEFAULT_ASTM_DELIMITERS;
    try {
      for (const query of read.queries) {
        const samples = await hostQueries.lookUp(this.device, query.sampleIds);
        const records = astmQueryAnswer(samples, query.requestedTest, this.profile, delimiters);
        await this.link.send(frameMessage(records));
        this.logger.log(`host query for ${query.sampleIds.join(', ')} answered`);
      }
    } catch (error) {
      this.logger.warn(`host query not answered: ${(error as Error).message}`);
    }
  }
}

function definedOnly<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
