import { Injectable } from '@nestjs/common';
import { QcHoldView, SetQcHoldInput, TOPICS, VERIFICATION_COMMANDS, VerificationActivity } from '@labflow/contracts';
import { Command, HandlesCommand } from '@labflow/platform/handling';
import { activityOf } from '../review/verification-activity';
import { verificationError } from '../verification.errors';
import { VerificationUnitOfWork } from '../verification-unit-of-work';

/**
 * The lab-level QC switch of a device (a full QC module is later work): holds the device's results
 * from `since` (default now) until cleared; audited (1102).
 */
@Injectable()
@HandlesCommand(VERIFICATION_COMMANDS.setQcHold, SetQcHoldInput, { consumer: 'verification.qc-hold' })
export class SetQcHoldUseCase {
  async execute(command: Command<SetQcHoldInput>, unit: VerificationUnitOfWork): Promise<QcHoldView> {
    const { labId, principal, input } = command;
    // the device's registration reaches this app as an event; its registrant's next call waits for it (read your writes)
    if (!(await unit.devices.exists(labId, input.deviceId))) throw verificationError('DEVICE_NOT_FOUND');
    const view = await unit.qcHolds.set(labId, input.deviceId, input.since ?? new Date().toISOString(), input.reason ?? null, principal.sub);
    await unit.publish(TOPICS.activityLogged, activityOf(principal, VerificationActivity.QC_HOLD_SET, `QC hold set on device ${input.deviceId}`,
      [`Since: ${view.since}`, view.reason ? `Reason: ${view.reason}` : null], { deviceId: input.deviceId, since: view.since, reason: view.reason }));
    return view;
  }
}
