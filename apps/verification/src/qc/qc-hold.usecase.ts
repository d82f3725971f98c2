import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { CommandRequest, DeviceIdPath, QcHoldView, SetQcHoldInput, TOPICS, VerificationActivity } from '@labflow/contracts';
import { DomainException, KafkaMessageContext, PgInbox, PgOutbox } from '@labflow/platform/kafka';
import { authenticatedInput } from '@labflow/platform/service';
import { activityOf } from '../review/verification-activity';
import { DeviceRepository } from './device.repository';
import { QcHoldRepository } from './qc-hold.repository';

const CONSUMER = 'verification.qc-hold';

/**
 * The lab-level QC switch of a device (a full QC module is later work): set holds the device's
 * results from `since` until cleared; both are audited.
 */
@Injectable()
export class QcHoldUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly devices: DeviceRepository,
    private readonly holds: QcHoldRepository,
    private readonly outbox: PgOutbox,
    private readonly inbox: PgInbox,
  ) {}

  async set(request: CommandRequest, ctx: KafkaMessageContext): Promise<QcHoldView> {
    const { principal, input } = authenticatedInput(SetQcHoldInput, request);
    return this.once(ctx, async (manager) => {
      // the device's registration reaches this app as an event; its registrant's next call waits for it (read your writes)
      if (!(await this.devices.exists(manager, principal.labId, input.deviceId))) throw new DomainException(404, 'DEVICE_NOT_FOUND', 'Device not found');
      const view = await this.holds.set(manager, principal.labId, input.deviceId, input.since ?? new Date().toISOString(), input.reason ?? null, principal.sub);
      await this.outbox.add(manager, TOPICS.activityLogged, activityOf(principal, VerificationActivity.QC_HOLD_SET,
        `QC hold set on device ${input.deviceId}`, [`Since: ${view.since}`, view.reason ? `Reason: ${view.reason}` : null], { deviceId: input.deviceId, since: view.since, reason: view.reason }), ctx.causedContext);
      return view;
    });
  }

  async clear(request: CommandRequest, ctx: KafkaMessageContext): Promise<QcHoldView> {
    const { principal, input } = authenticatedInput(DeviceIdPath, request);
    return this.once(ctx, async (manager) => {
      const view = await this.holds.clear(manager, principal.labId, input.deviceId, principal.sub);
      if (!view) throw new DomainException(404, 'QC_HOLD_NOT_FOUND', 'No QC hold on this device');
      await this.outbox.add(manager, TOPICS.activityLogged, activityOf(principal, VerificationActivity.QC_HOLD_CLEARED,
        `QC hold cleared on device ${input.deviceId}`, [], { deviceId: input.deviceId }), ctx.causedContext);
      return view;
    });
  }

  private once(ctx: KafkaMessageContext, work: (manager: import('typeorm').EntityManager) => Promise<QcHoldView>): Promise<QcHoldView> {
    return this.dataSource.transaction(async (manager) => {
      if (!(await this.inbox.claim(manager, CONSUMER, ctx.envelope.id))) {
        return (await this.inbox.storedResponse(manager, CONSUMER, ctx.envelope.id)) as QcHoldView;
      }
      const view = await work(manager);
      await this.inbox.saveResponse(manager, CONSUMER, ctx.envelope.id, view);
      return view;
    });
  }
}
