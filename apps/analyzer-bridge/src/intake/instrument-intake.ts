import { randomUUID } from 'node:crypto';
import { Injectable, Logger } from '@nestjs/common';
import { DeviceConnectionConfig } from '../connections/device-connection.config';
import { DeviceDirectory } from '../connections/device-directory';
import { UploadDelivery } from '../delivery/upload-delivery';
import { UploadRepository } from '../delivery/upload.repository';
import { MessageOutcome, uploadsOf } from '../results/device-upload';
import { InstrumentMessage } from '../results/instrument-message';

export interface Intake {
  messageId: string;
  uploadIds: string[];
  outcome: MessageOutcome;
}

export interface IntakeOptions {
  /** Hand the uploads to the delivery worker at once (ASTM); HL7 delivers them itself before its ACK. */
  wakeDelivery: boolean;
  /** Why the message is kept but not uploaded (an incomplete transmission). */
  withhold?: string;
}

/**
 * Stores what an instrument sent (raw bytes, the uploads and QC runs it became) in one transaction;
 * the protocol acknowledges only after this resolves, so nothing acknowledged is lost to a crash.
 */
@Injectable()
export class InstrumentIntake {
  private readonly logger = new Logger('InstrumentIntake');

  constructor(private readonly store: UploadRepository, private readonly delivery: UploadDelivery, private readonly devices: DeviceDirectory) {}

  async accept(device: DeviceConnectionConfig, raw: Buffer, message: InstrumentMessage | null, problems: string[], options: IntakeOptions): Promise<Intake> {
    const empty: MessageOutcome = { uploads: [], qc: [], skipped: [] };
    const outcome = message && !options.withhold ? uploadsOf(message, device.labId, this.devices.profileOf(device)) : empty;
    const notes = [...problems, ...(options.withhold ? [options.withhold] : []), ...outcome.skipped.map((s) => `sample ${s.sampleId || '(none)'}: ${s.reason}`)];
    const messageId = randomUUID();
    const uploads = outcome.uploads.map((upload) => ({ id: randomUUID(), upload }));
    await this.store.record({
      id: messageId, device: device.name, labId: device.labId, protocol: device.protocol, raw,
      controlId: message?.controlId ?? '', messageType: message?.messageType ?? '', problems: notes,
      uploads, qc: outcome.qc.map((s) => ({ id: randomUUID(), sampleId: s.sampleId, results: s.results })),
    });
    this.logger.log(`device ${device.name}: message ${messageId} stored (${uploads.length} uploads, ${outcome.qc.length} QC runs)${notes.length ? `; ${notes.join('; ')}` : ''}`);
    if (options.wakeDelivery && uploads.length > 0) this.delivery.wake();
    return { messageId, uploadIds: uploads.map((u) => u.id), outcome };
  }
}
