import { Injectable } from '@nestjs/common';
import { RerunCancelled, RerunLifecyclePosition, RerunRequestRecorded, RerunValuesReceived, TOPICS } from '@labflow/contracts';
import { Command, HandlesEvent } from '@labflow/platform/handling';
import { ReportingUnitOfWork } from '../lab-reports/reporting-unit-of-work';

/**
 * seed 000: reporting owns sampleRedrawFlag. A rerun request sets 3, a fulfilled delivery 4, an abort
 * 0 — each only when its event is newer than the last one applied to the report (events of one
 * report come on several topics). The search index follows the commit (search marks).
 */
export async function applyRerunFlag(unit: ReportingUnitOfWork, event: RerunLifecyclePosition, flag: 0 | 3 | 4 | null): Promise<void> {
  const [report] = await unit.labReports.findByIds(event.labId, [event.labReportId]);
  if (!report) return; // not this lab's report: nothing to change
  if (!(await unit.rerunPositions.advance(event))) return;
  if (flag === null) return;
  await unit.rerunPositions.setRedrawFlag(event.labId, event.labReportId, flag);
  await unit.searchMarks.mark([{ labId: event.labId, id: event.labReportId }]);
}

/** rerun.request_recorded: sampleRedrawFlag 3. */
@Injectable()
@HandlesEvent(TOPICS.rerunRequestRecorded, { consumer: 'reporting.rerun-requested', labIdOf: (e) => e.labId })
export class ApplyRerunRequestedUseCase {
  execute(command: Command<RerunRequestRecorded>, unit: ReportingUnitOfWork): Promise<void> {
    return applyRerunFlag(unit, command.input, 3);
  }
}

/** seed 000 §2: flag 4 only when the delivery fulfilled the rerun; a partial one keeps 3 (its position still counts). */
@Injectable()
@HandlesEvent(TOPICS.rerunValuesReceived, { consumer: 'reporting.rerun-values', labIdOf: (e) => e.labId })
export class ApplyRerunValuesUseCase {
  execute(command: Command<RerunValuesReceived>, unit: ReportingUnitOfWork): Promise<void> {
    return applyRerunFlag(unit, command.input, command.input.fulfilled ? 4 : null);
  }
}

/** rerun.cancelled: sampleRedrawFlag 0. */
@Injectable()
@HandlesEvent(TOPICS.rerunCancelled, { consumer: 'reporting.rerun-cancelled', labIdOf: (e) => e.labId })
export class ApplyRerunCancelledUseCase {
  execute(command: Command<RerunCancelled>, unit: ReportingUnitOfWork): Promise<void> {
    return applyRerunFlag(unit, command.input, 0);
  }
}
