import { randomUUID } from 'node:crypto';
import { Logger } from '@nestjs/common';
import { UploadDelivery } from '../delivery/upload-delivery';
import { UploadRow } from '../delivery/upload.repository';
import { AckCode, buildAck, buildRejectWithoutHeader } from '../hl7/hl7-ack';
import { Hl7Message, parseHl7 } from '../hl7/hl7-message';
import { messageTypeOf, readHl7Message, RESULT_MESSAGE_TYPES } from '../hl7/hl7-message-reader';
import { MllpDecoder, mllpFrame } from '../hl7/mllp-decoder';
import { InstrumentIntake } from '../intake/instrument-intake';
import { VendorProfile } from '../profiles/vendor-profile';
import { DeviceConnectionConfig } from './device-connection.config';
import { parseLocator } from '../profiles/locator';
import { hl7QueryAnswer } from '../work-orders/hl7-query-answer';
import { HostQueries } from '../work-orders/host-queries';

/** A host query for a sample's work order (HL7 v2.5 5.3 segment pattern query; IHE LAW LAB-27 uses it too). */
const QUERY_MESSAGE_TYPE = 'QBP^Q11';

const ackControlId = () => randomUUID().replace(/-/g, '').slice(0, 20);

/**
 * One HL7 connection: MLLP blocks → messages, handled one at a time in order. Each message is stored
 * (raw) before its ACK; its uploads are tried at once: AA when accepted or held for a retry (stored,
 * delivered later), AE with the gateway's reason when refused, AR when it could not be read or stored.
 */
export class Hl7Session {
  private readonly logger: Logger;
  private readonly decoder = new MllpDecoder();
  private queue: Promise<void> = Promise.resolve();
  /** Messages received and not yet answered. */
  private pending = 0;

  constructor(
    private readonly device: DeviceConnectionConfig,
    private readonly profile: VendorProfile,
    private readonly intake: InstrumentIntake,
    private readonly delivery: UploadDelivery,
    private readonly ackWaitMs: number,
    private readonly write: (bytes: Buffer) => void,
    private readonly hostQueries: HostQueries | null = null,
  ) {
    this.logger = new Logger(`hl7 ${device.name}`);
  }

  receive(chunk: Buffer): void {
    for (const event of this.decoder.push(chunk)) {
      if (event.kind === 'discarded') this.logger.warn(`MLLP: ${event.reason} (${event.bytes} bytes)`);
      else {
        this.pending += 1;
        this.queue = this.queue.then(() => this.handle(event.bytes)).finally(() => {
          this.pending -= 1;
        });
      }
    }
  }

  /** Between messages: none half received, none waiting for its answer (a drain may close the connection now). */
  idle(): boolean {
    return this.pending === 0 && !this.decoder.midMessage;
  }

  close(): void {
    // nothing is held: every message is stored before its ACK
  }

  private async handle(bytes: Buffer): Promise<void> {
    let message: Hl7Message;
    try {
      message = parseHl7(bytes.toString('latin1'));
    } catch (error) {
      this.reply(buildRejectWithoutHeader((error as Error).message, ackControlId()));
      return;
    }
    const type = messageTypeOf(message);
    try {
      if (type === QUERY_MESSAGE_TYPE && this.hostQueries) {
        await this.intake.accept(this.device, bytes, null, [], { wakeDelivery: false });
        await this.answerQuery(message);
        return;
      }
      if (!RESULT_MESSAGE_TYPES.includes(type)) {
        await this.intake.accept(this.device, bytes, null, [`message type ${type} is not taken`], { wakeDelivery: false });
        this.ack(message, 'AR', `message type ${type} is not supported (${RESULT_MESSAGE_TYPES.join(', ')})`);
        return;
      }
      const read = readHl7Message(message, this.profile);
      const intake = await this.intake.accept(this.device, bytes, read, [], { wakeDelivery: false });
      const rows = await this.answersOf(intake.uploadIds);
      const refusals = rows.filter((r) => r.status === 'refused').map((r) => `sample ${r.sample_id}: ${r.last_error ?? ''}`);
      const skipped = intake.outcome.skipped.map((s) => `sample ${s.sampleId || '(none)'}: ${s.reason}`);
      const problems = [...refusals, ...skipped];
      this.ack(message, problems.length > 0 ? 'AE' : 'AA', problems.join('; '));
    } catch (error) {
      this.logger.error(`message not stored: ${(error as Error).message}`);
      this.ack(message, 'AR', 'not stored; send it again');
    }
  }

  /** Stored first (like every message), then answered with the sample's work order as RSP^K11. */
  private async answerQuery(message: Hl7Message): Promise<void> {
    const at = parseLocator(this.profile.hl7.querySampleId);
    const sampleIds = message.segments.filter((s) => s.name === at.segment).flatMap((s) => s.componentOfRepeats(at.field, at.component)).map((s) => s.trim()).filter(Boolean);
    const samples = await (this.hostQueries as HostQueries).lookUp(this.device, sampleIds);
    this.reply(hl7QueryAnswer(message, samples, this.profile, ackControlId()));
  }

  /** Delivers the uploads, waiting at most ackWaitMs; what is still pending then is held for the worker. */
  private async answersOf(ids: string[]): Promise<UploadRow[]> {
    if (ids.length === 0) return [];
    // stored already: a failed attempt leaves the uploads to the delivery worker, the message is still AA
    const delivered = this.delivery.deliverNow(ids).catch((error: unknown) => {
      this.logger.warn(`first delivery attempt failed, left to the worker: ${(error as Error).message}`);
      return [] as UploadRow[];
    });
    const timeout = new Promise<null>((resolve) => setTimeout(() => resolve(null), this.ackWaitMs).unref());
    return (await Promise.race([delivered, timeout])) ?? [];
  }

  private ack(message: Hl7Message, code: AckCode, text: string): void {
    if (code !== 'AA') this.logger.warn(`${code} to ${message.segment('MSH')?.component(10) ?? '?'}: ${text}`);
    this.reply(buildAck(message, code, text, ackControlId()));
  }

  private reply(ack: string): void {
    this.write(mllpFrame(ack));
  }
}
