import { Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { BackgroundLoop } from '@labflow/platform/kafka';
import { AnalyzerBridgeConfig } from '../analyzer-bridge.config';
import { DeviceDirectory } from '../connections/device-directory';
import { idempotencyKeyOf, unmappedTestNameOf, withoutTestName } from '../results/unmapped-values';
import { DeliveryAnswer, postUpload } from './gateway-client';
import { UploadRepository, UploadRow } from './upload.repository';

const BATCH = 20;

/**
 * Delivers stored uploads to the gateway until each is accepted or refused: a 503/504 or a network
 * error is retried with backoff for as long as it takes (the upload is held, never dropped); a 4xx
 * is refused for good, logged with the gateway's reason, and kept for a replay.
 */
@Injectable()
export class UploadDelivery implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('UploadDelivery');
  private readonly loop: BackgroundLoop;

  constructor(private readonly uploads: UploadRepository, private readonly devices: DeviceDirectory, private readonly config: AnalyzerBridgeConfig) {
    this.loop = new BackgroundLoop(
      { name: 'UploadDelivery', idleWaitMs: config.DELIVERY_POLL_MS, failureLog: 'upload delivery paused' },
      async () => ((await this.deliverDue()) > 0 ? 'busy' : 'idle'),
    );
  }

  onApplicationBootstrap(): void {
    this.loop.start();
  }

  async onModuleDestroy(): Promise<void> {
    await this.loop.stop();
  }

  /** A new upload was stored: look at once. */
  wake(): void {
    this.loop.wake();
  }

  /** Delivers these uploads now (an HL7 ACK waits for their answer); returns their rows afterwards. */
  async deliverNow(ids: string[]): Promise<UploadRow[]> {
    const claimed = await this.uploads.claim(this.deviceNames(), this.leaseMs(), ids.length, ids);
    await Promise.all(claimed.map((row) => this.deliver(row)));
    return this.uploads.find(ids);
  }

  private async deliverDue(): Promise<number> {
    const claimed = await this.uploads.claim(this.deviceNames(), this.leaseMs(), BATCH);
    for (const row of claimed) await this.deliver(row);
    return claimed.length;
  }

  private async deliver(row: UploadRow): Promise<void> {
    const device = this.devices.get(row.device);
    if (!device) return; // claimed only for configured devices
    let payload = row.payload;
    let answer: DeliveryAnswer;
    for (;;) {
      answer = await postUpload(this.config.LABFLOW_GATEWAY_URL, { ...payload, deviceAuth: device.deviceAuth }, idempotencyKeyOf(row.id, payload), this.config.DELIVERY_TIMEOUT_MS);
      const unmapped = answer.kind === 'refused' ? unmappedTestNameOf(answer.code, answer.message) : null;
      const rest = unmapped === null ? null : withoutTestName(payload, unmapped);
      if (!rest) break;
      payload = rest;
      await this.uploads.replacePayload(row.id, payload, `${unmapped} is not mapped on the device: kept in device_extra_data.unmapped`);
      this.logger.warn(`upload ${row.id}: test ${unmapped} is not mapped on device ${row.device}; sent without it, kept in device_extra_data.unmapped`);
    }
    await this.settle(row, answer);
  }

  private async settle(row: UploadRow, answer: DeliveryAnswer): Promise<void> {
    const where = `upload ${row.id} (device ${row.device}, sample ${row.sample_id}, attempt ${row.attempts})`;
    switch (answer.kind) {
      case 'accepted':
        await this.uploads.settle(row.id, 'delivered', answer.status, { answer: answer.body });
        this.logger.log(`${where} accepted`);
        return;
      case 'refused':
        await this.uploads.settle(row.id, 'refused', answer.status, { error: answer.reason });
        this.logger.warn(`${where} refused by the gateway: ${answer.reason}`);
        return;
      case 'retry': {
        const delay = this.backoffMs(row.attempts);
        await this.uploads.retryLater(row.id, answer.status, answer.reason, delay);
        this.logger.warn(`${where} not delivered (${answer.reason}); next try in ${delay} ms`);
        return;
      }
    }
  }

  private deviceNames(): string[] {
    return this.devices.devices.map((d) => d.name);
  }

  private backoffMs(attempts: number): number {
    return Math.min(this.config.DELIVERY_BACKOFF_MS * 2 ** Math.max(0, attempts - 1), this.config.DELIVERY_MAX_BACKOFF_MS);
  }

  /** A claim outlives the HTTP call, so a crash mid-call hands the upload on after this long. */
  private leaseMs(): number {
    return this.config.DELIVERY_TIMEOUT_MS + 5000;
  }
}
