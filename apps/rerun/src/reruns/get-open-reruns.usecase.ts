import { Injectable } from '@nestjs/common';
import { OpenRerunsQuery, OpenRerunsResult, RERUN_QUERIES } from '@labflow/contracts';
import { Command, HandlesQuery } from '@labflow/platform/handling';
import { RerunUnitOfWork } from '../rerun-unit-of-work';
import { isInProgress, RerunLifecycle } from './rerun-lifecycle';

/**
 * The open rerun requests of some lab reports of the lab (an analyzer's host query asks through
 * device-ingestion): per report in progress, the newest active request not yet fulfilled, with what
 * was requested and what the instrument already sent. A closed lifecycle, or one whose requests are
 * all fulfilled or withdrawn, has none; another lab's report is not found in this lab's documents.
 */
@Injectable()
@HandlesQuery(RERUN_QUERIES.open, OpenRerunsQuery)
export class GetOpenRerunsUseCase {
  async execute(command: Command<OpenRerunsQuery>, unit: RerunUnitOfWork): Promise<OpenRerunsResult> {
    const reruns: OpenRerunsResult['reruns'] = [];
    for (const labReportId of new Set(command.input.labReportIds)) {
      const open = openRequestOf(await unit.lifecycles.find(command.labId, labReportId));
      if (!open) continue;
      reruns.push({ labReportId, rerunNumber: open.rerunNumber, requestedParameters: open.requestedParameters, receivedParameters: open.receivedParameters });
    }
    return { reruns };
  }
}

function openRequestOf(doc: RerunLifecycle | null) {
  if (!isInProgress(doc)) return null;
  return [...doc.requests].reverse().find((r) => r.isActive !== false && !r.fulfilled) ?? null;
}
