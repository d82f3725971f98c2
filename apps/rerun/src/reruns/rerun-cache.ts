import { Inject, Injectable } from '@nestjs/common';
import type { RedisClient } from '@labflow/platform/persistence';
import { REDIS } from '@labflow/platform/service';

/**
 * seed 000 §3: `HSET sample_rerun_<lab_id> <labReportId> <rerun_number>`, cleared on close. It is a
 * cache of the lifecycle document (the system of record), written after the document: a retried
 * command writes it again (idempotent), so a Redis hiccup never leaves it out of date for long.
 */
@Injectable()
export class RerunCache {
  constructor(@Inject(REDIS) private readonly redis: RedisClient) {}

  static keyOf(labId: number): string {
    return `sample_rerun_${labId}`;
  }

  async markRequested(labId: number, labReportId: number, rerunNumber: number): Promise<void> {
    await this.redis.hSet(RerunCache.keyOf(labId), String(labReportId), String(rerunNumber));
  }

  async clear(labId: number, labReportId: number): Promise<void> {
    await this.redis.hDel(RerunCache.keyOf(labId), String(labReportId));
  }
}
