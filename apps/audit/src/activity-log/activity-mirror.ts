import { Inject, Injectable } from '@nestjs/common';
import type { Client } from '@elastic/elasticsearch';
import { ActivityLogged } from '@labflow/contracts';
import { ServiceConfig, APP_CONFIG, ELASTICSEARCH } from '@labflow/platform/service';

/** The Elasticsearch mirror of the activity log (timelines, search). Indexed by envelope id: idempotent. */
@Injectable()
export class ActivityMirror {
  readonly index: string;

  constructor(@Inject(ELASTICSEARCH) private readonly elastic: Client, @Inject(APP_CONFIG) config: ServiceConfig) {
    this.index = `${config.ELASTICSEARCH_INDEX_PREFIX}-activity-log`;
  }

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
