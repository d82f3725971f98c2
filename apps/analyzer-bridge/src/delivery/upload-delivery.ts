import { Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { BackgroundLoop } from '@labflow/platform/kafka';
import { AnalyzerBridgeConfig } from '../analyzer-bridge.config';
import { DeviceDirectory } from '../connections/device-directory';
import { idempotencyKeyOf, unmappedTestNameOf, withoutTestName } from '../results/unmapped-values';
import { readFileSync } from 'node:fs';
import { DeviceConnectionConfig } from '../connections/device-connection.config';
import { fetchWorkOrder } from '../work-orders/work-order.client';
import { DeliveryAnswer, postRerunValues, postUpload } from './gateway-client';
import { routeOf, UploadRoute } from './rerun-route';
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
    const route = row.route ?? (await this.decideRoute(row, device));
    if (!route) return;
    for (const rerun of route.reruns) {
      const answer = await this.sendRerun(row, rerun);
      if (answer.kind !== 'accepted') {
        await this.settle(row, answer);
        return;
      }
    }
    const firstFill = route.reruns.length === 0 ? row.payload : route.firstFill;
    if (!firstFill) {
      await this.settle(row, { kind: 'accepted', status: 200, body: { reruns: route.reruns.map((r) => r.labReportId) } });
      return;
    }
    let payload = firstFill;
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

  /**
   * Seed 000 §2: a rerun's values go to `/new`. The sample's work order says whether a rerun is open;
   * the route is kept, so a retry sends the same even after the first `/new` fulfilled the request.
   */
  private async decideRoute(row: UploadRow, device: DeviceConnectionConfig): Promise<UploadRoute | null> {
    const answer = await fetchWorkOrder(this.config.LABFLOW_GATEWAY_URL, device, row.sample_id, this.config.DELIVERY_TIMEOUT_MS);
    if (answer.kind !== 'found') {
      await this.settle(row, answer);
      return null;
    }
    const route = routeOf(row.payload, answer.workOrder, device.protocol);
    await this.uploads.setRoute(row.id, route);
    if (route.reruns.length > 0) this.logger.log(`upload ${row.id}: rerun values of lab report(s) ${route.reruns.map((r) => r.labReportId).join(', ')} go to /new`);
    return route;
  }

  private async sendRerun(row: UploadRow, rerun: UploadRoute['reruns'][number]): Promise<DeliveryAnswer> {
    const token = this.gatewayToken();
    if (!token) {
      return { kind: 'refused', status: 401, reason: 'rerun values need a bearer token for /api-v3/sample-rerun/:id/new: set LABFLOW_GATEWAY_TOKEN or LABFLOW_GATEWAY_TOKEN_FILE', code: '', message: '' };
    }
    return postRerunValues(this.config.LABFLOW_GATEWAY_URL, rerun.labReportId, rerun.body, token, `${row.id}-r${rerun.labReportId}`, this.config.DELIVERY_TIMEOUT_MS);
  }

  private gatewayToken(): string {
    if (this.config.LABFLOW_GATEWAY_TOKEN_FILE) {
      try {
        return readFileSync(this.config.LABFLOW_GATEWAY_TOKEN_FILE, 'utf8').trim();
      } catch (error) {
        this.logger.warn(`LABFLOW_GATEWAY_TOKEN_FILE: ${(error as Error).message}`);
        return '';
      }
    }
    return this.config.LABFLOW_GATEWAY_TOKEN;
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
        if (this.config.DELIVERY_MAX_ATTEMPTS > 0 && row.attempts >= this.config.DELIVERY_MAX_ATTEMPTS) {
          await this.uploads.settle(row.id, 'dead', answer.status ?? 0, { error: `dead-lettered after ${row.attempts} attempts: ${answer.reason}` });
          this.logger.error(`${where} dead-lettered (${answer.reason}); replay: npm run bridge:replay`);
          return;
        }
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
