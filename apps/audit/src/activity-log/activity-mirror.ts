import type { Client } from '@elastic/elasticsearch';
import { ActivityLogged } from '@labflow/contracts';

/** The Elasticsearch mirror of the activity log (timelines, search). Indexed by envelope id: idempotent. */
export class ActivityMirror {
  constructor(private readonly elastic: Client, readonly index: string) {}

  async put(id: string, e: ActivityLogged): Promise<void> {
    await this.elastic.index({
      index: this.index,
      id,
      document: {
        labId: e.labId, logCategoryId: e.logCategoryId, labReportId: e.labReportId ?? null, billId: e.billId ?? null,
        userId: e.userId, labUserName: e.labUserName, activityText: e.activityText,
        // dumped_json as the legacy log kept it: a string, so arbitrary meta never breaks the mapping.
        dumpedJson: e.meta === undefined ? null : JSON.stringify(e.meta), activityDate: e.activityDate,
      },
    });
  }
}

/** The mirror's index in an environment. */
export const activityMirrorIndex = (prefix: string): string => `${prefix}-activity-log`;
