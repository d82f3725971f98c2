import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { RerunLifecyclePosition } from '@labflow/contracts';
import { KafkaMessageContext, PgInbox } from '@labflow/platform/kafka';
import { LabReportRepository } from '../report-values/lab-report.repository';
import { SearchQueue } from '../search/search-queue';
import { RerunPositionRepository } from './rerun-position.repository';

/**
 * seed 000: reporting owns sampleRedrawFlag. A rerun request sets 3, a fulfilled delivery 4, an abort
 * 0 — each only when its event is newer than the last one applied to the report (events of one
 * report come on several topics). The search index follows the commit (SearchQueue).
 */
@Injectable()
export class ApplyRerunFlagUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly positions: RerunPositionRepository,
    private readonly reports: LabReportRepository,
    private readonly search: SearchQueue,
    private readonly inbox: PgInbox,
  ) {}

  async execute(consumer: string, event: RerunLifecyclePosition, flag: 0 | 3 | 4 | null, ctx: KafkaMessageContext): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      if (!(await this.inbox.claim(manager, consumer, ctx.envelope.id))) return;
      const [report] = await this.reports.findByIds(event.labId, [event.labReportId], manager);
      if (!report) return; // not this lab's report: nothing to change
      if (!(await this.positions.advance(manager, event))) return;
      if (flag === null) return;
      await this.positions.setRedrawFlag(manager, event.labId, event.labReportId, flag);
      await this.search.mark(manager, [{ labId: event.labId, id: event.labReportId }]);
    });
  }
}
