import { Injectable, Logger } from '@nestjs/common';
import { AnalyzerBridgeConfig } from '../analyzer-bridge.config';
import { DeviceConnectionConfig } from '../connections/device-connection.config';
import { QueriedSample } from './astm-query-answer';
import { fetchWorkOrder } from './work-order.client';

/** Looks up the work order of each queried sample (one gateway call each); a sample that could not be asked has none. */
@Injectable()
export class HostQueries {
  private readonly logger = new Logger('HostQueries');

  constructor(private readonly config: AnalyzerBridgeConfig) {}

  async lookUp(device: DeviceConnectionConfig, sampleIds: string[]): Promise<QueriedSample[]> {
    return Promise.all(sampleIds.map(async (sampleId) => {
      const answer = await fetchWorkOrder(this.config.LABFLOW_GATEWAY_URL, device, sampleId, this.config.DELIVERY_TIMEOUT_MS);
      if (answer.kind === 'found') return { sampleId, workOrder: answer.workOrder };
      this.logger.warn(`device ${device.name}: work order of sample ${sampleId} not available: ${answer.reason}`);
      return { sampleId, workOrder: null };
    }));
  }
}
