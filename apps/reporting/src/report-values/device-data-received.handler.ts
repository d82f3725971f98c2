import { Controller, Inject } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import type { Connection } from 'mongoose';
import { DataSource } from 'typeorm';
import { DeviceDataReceived, TOPICS } from '@labflow/contracts';
import { EventBatchPattern, KafkaBatchContext, PgInbox, PgOutbox } from '@labflow/platform/kafka';
import { DomainError } from '@labflow/platform/handling';
import { MONGO_CONNECTION } from '@labflow/platform/service';
import { BatchUnits, PgBatchUnits } from '../lab-reports/batch-units';
import { REPORTING_ERRORS } from '../lab-reports/reporting.errors';
import { ApplyDeviceDataUseCase, DEVICE_DATA_CONSUMER } from './apply-device-data.usecase';

/** Translates only: a batch of uploads to the use case, over reporting's batch units. */
@Controller()
export class DeviceDataReceivedHandler {
  private readonly units: BatchUnits;

  constructor(
    private readonly applyDeviceData: ApplyDeviceDataUseCase,
    dataSource: DataSource, inbox: PgInbox, outbox: PgOutbox, @Inject(MONGO_CONNECTION) mongo: Connection,
  ) {
    this.units = new PgBatchUnits(dataSource, inbox, outbox, mongo, DEVICE_DATA_CONSUMER);
  }

  /** A morning batch is a backlog: consecutive uploads of a partition are applied in one transaction. */
  @EventBatchPattern(TOPICS.deviceDataReceived.name)
  async onDeviceData(@Payload() events: DeviceDataReceived[], @Ctx() batch: KafkaBatchContext): Promise<void> {
    try {
      await this.applyDeviceData.execute(events.map((event, i) => {
        const ctx = batch.messages[i];
        return { event, messageId: ctx.envelope.id, cause: ctx.causedContext, trace: () => ctx.traceHeaders() };
      }), this.units);
    } catch (error) {
      // a retried or dead-lettered upload says in words what failed (the table's message), not only its code
      throw error instanceof DomainError ? REPORTING_ERRORS.toException(error) : error;
    }
  }
}
