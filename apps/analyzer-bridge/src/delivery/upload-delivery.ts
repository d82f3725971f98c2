import { Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { BackgroundLoop } from '@labflow/platform/kafka';
import { AnalyzerBridgeConfig } from '../analyzer-bridge.config';
import { DeviceDirectory } from '../connections/device-directory';
import { postUpload } from './gateway-client';
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
    const claimed = await this.uploads.claim(this.leaseMs(), ids.length, ids);
    await Promise.all(claimed.map((row) => this.deliver(row)));
    return this.uploads.find(ids);
  }

  private async deliverDue(): Promise<number> {
    const claimed = await this.uploads.claim(this.leaseMs(), BATCH);
    for (const row of claimed) await this.deliver(row);
    return claimed.length;
  }

  private async deliver(row: UploadRow): Promise<void> {
    const device = this.devices.get(row.device);
    if (!device) {
      await this.uploads.retryLater(row.id, null, `device ${row.device} is not configured`, this.config.DELIVERY_MAX_BACKOFF_MS);
      return;
    }
    const answer = await postUpload(this.config.LABFLOW_GATEWAY_URL, { ...row.payload, deviceAuth: device.deviceAuth }, row.id, this.config.DELIVERY_TIMEOUT_MS);
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

  private backoffMs(attempts: number): number {
    return Math.min(this.config.DELIVERY_BACKOFF_MS * 2 ** Math.max(0, attempts - 1), this.config.DELIVERY_MAX_BACKOFF_MS);
  }

  /** A claim outlives the HTTP call, so a crash mid-call hands the upload on after this long. */
  private leaseMs(): number {
    return this.config.DELIVERY_TIMEOUT_MS + 5000;
  }
}
