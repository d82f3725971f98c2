import { Injectable } from '@nestjs/common';
import { CommandReply, CommandRequest, Principal, REPORT_READ_COMMANDS, ReportVerificationBlock } from '@labflow/contracts';
import { VerificationStatusStore } from './verification-status.store';

type Body = Record<string, unknown>;

/**
 * Adds the `verification` block beside the flags of seed 002's three reads, leaving every field the
 * specification defines as it is: report entry `verification`, patient overview and device results
 * validation `verification_mapper` (by lab report id; null where no decision was made yet).
 */
@Injectable()
export class VerificationBlocks {
  constructor(private readonly store: VerificationStatusStore) {}

  async attach(pattern: string, request: CommandRequest, reply: CommandReply): Promise<CommandReply> {
    const principal = request.principal as Principal | null;
    if (!reply.ok || !principal || typeof reply.body !== 'object' || reply.body === null) return reply;
    const body = reply.body as Body;
    const ids = reportIdsOf(pattern, request, body);
    if (ids === null) return reply;
    const blocks = await this.store.blocks(principal.labId, ids);
    const of = (id: number): ReportVerificationBlock | null => blocks.get(id) ?? null;
    const extra = pattern === REPORT_READ_COMMANDS.reportEntry.pattern
      ? { verification: of(ids[0]) }
      : { verification_mapper: Object.fromEntries(ids.map((id) => [String(id), of(id)])) };
    return { ...reply, body: { ...body, ...extra } };
  }
}

function reportIdsOf(pattern: string, request: CommandRequest, body: Body): number[] | null {
  const listed = (items: unknown, field: string) => Array.isArray(items)
    ? [...new Set(items.map((i) => (i as Record<string, unknown>)[field]).filter((v): v is number => typeof v === 'number'))]
    : [];
  switch (pattern) {
    case REPORT_READ_COMMANDS.reportEntry.pattern: {
      const id = Number((request.input as { labReportId?: unknown })?.labReportId);
      return Number.isInteger(id) ? [id] : null;
    }
    case REPORT_READ_COMMANDS.patientReports.pattern:
      return listed(body.reports, 'labReportId');
    case REPORT_READ_COMMANDS.deviceResultsValidation.pattern:
      return listed(body.results, 'labReportId');
    default:
      return null;
  }
}
