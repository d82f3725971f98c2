import { Injectable } from '@nestjs/common';
import { DeviceIdPath, QcHoldView, TOPICS, VERIFICATION_COMMANDS, VerificationActivity } from '@labflow/contracts';
import { Command, HandlesCommand } from '@labflow/platform/handling';
import { activityOf } from '../review/verification-activity';
import { verificationError } from '../verification.errors';
import { VerificationUnitOfWork } from '../verification-unit-of-work';

/** Clears a device's QC hold: its later results are judged again; audited (1103). */
@Injectable()
@HandlesCommand(VERIFICATION_COMMANDS.clearQcHold, DeviceIdPath, { consumer: 'verification.qc-hold' })
export class ClearQcHoldUseCase {
  async execute(command: Command<DeviceIdPath>, unit: VerificationUnitOfWork): Promise<QcHoldView> {
    const { labId, principal, input } = command;
    const view = await unit.qcHolds.clear(labId, input.deviceId, principal.sub);
    if (!view) throw verificationError('QC_HOLD_NOT_FOUND');
    await unit.publish(TOPICS.activityLogged, activityOf(principal, VerificationActivity.QC_HOLD_CLEARED, `QC hold cleared on device ${input.deviceId}`,
      [], { deviceId: input.deviceId }));
    return view;
  }
}
