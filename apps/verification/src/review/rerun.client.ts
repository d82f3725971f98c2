import { Inject, Injectable } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { MessageContext, Principal, RERUN_COMMANDS } from '@labflow/contracts';
import { CommandBus, DomainException, replyFailure } from '@labflow/platform/kafka';
import { APP_CONFIG, ServiceConfig } from '@labflow/platform/service';

/**
 * Requests a manual rerun through the rerun app's own command (the existing lifecycle), as the
 * reviewer. The command id follows from the reject command's, so a retried reject requests once.
 */
@Injectable()
export class RerunClient {
  constructor(@Inject(CommandBus) private readonly bus: CommandBus, @Inject(APP_CONFIG) private readonly config: ServiceConfig) {}

  async request(principal: Principal, labReportId: number, parameters: { index: number; name: string | null }[], asking: { messageId: string; cause: MessageContext }): Promise<void> {
    const reply = await this.bus.send(RERUN_COMMANDS.request, principal, {
      labReportId, type: 'Manual', rerun_number: '1', requested_parameters: JSON.stringify(parameters.map((p) => p.index)),
      parameter_names: parameters.map((p) => p.name ?? `Parameter ${p.index}`), is_active: true, lab_id: principal.labId,
    }, {
      correlationId: asking.cause.correlationId, causationId: asking.messageId, key: String(labReportId),
      commandId: derivedId(asking.messageId), timeoutMs: Math.floor(this.config.COMMAND_TIMEOUT_MS / 2),
    });
    if (reply.ok) return;
    // the rerun app's own refusals (a rerun already in progress: 409) reach the reviewer as they are
    if (reply.status === 404 || reply.status === 409) throw new DomainException(reply.status, reply.error.code, reply.error.message);
    throw replyFailure(reply);
  }
}

function derivedId(id: string): string {
  const h = createHash('sha256').update(`verification.reject-rerun:${id}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
}
