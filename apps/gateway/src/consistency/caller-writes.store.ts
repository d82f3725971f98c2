import { Inject, Injectable } from '@nestjs/common';
import { AppName, isWrittenEvent, topicByName, WrittenEvent } from '@labflow/contracts';
import type { RedisClient } from '@labflow/platform/persistence';
import { APP_CONFIG, REDIS } from '@labflow/platform/service';
import { GatewayConfig } from '../gateway.config';

/** The most pending events one caller's command carries to one app (the oldest beyond it are dropped). */
const MAX_PENDING = 100;

/**
 * Each caller's writes whose events are not yet known applied, per app that consumes them (the
 * catalog's consumers): a sorted set `consistency:<caller>:<app>` of `topic id`, scored by the time
 * of the write, kept CONSISTENCY_TOKEN_TTL_MS. A command to an app carries that app's set; once the
 * app answers without `stale`, those members are removed.
 */
@Injectable()
export class CallerWritesStore {
  constructor(@Inject(REDIS) private readonly redis: RedisClient, @Inject(APP_CONFIG) private readonly config: GatewayConfig) {}

  async remember(caller: string, written: readonly WrittenEvent[]): Promise<void> {
    const now = Date.now();
    const batch = this.redis.multi();
    const keys = new Set<string>();
    for (const event of written) {
      for (const app of topicByName(event.topic)?.consumers ?? []) {
        const key = this.keyOf(caller, app);
        batch.zAdd(key, { score: now, value: memberOf(event) });
        keys.add(key);
      }
    }
    if (keys.size === 0) return;
    for (const key of keys) {
      batch.zRemRangeByScore(key, '-inf', now - this.config.CONSISTENCY_TOKEN_TTL_MS);
      batch.pExpire(key, this.config.CONSISTENCY_TOKEN_TTL_MS);
    }
    await batch.exec(); // MULTI/EXEC: all of it or (an error, thrown) none
  }

  async pending(caller: string, app: AppName): Promise<WrittenEvent[]> {
    const since = Date.now() - this.config.CONSISTENCY_TOKEN_TTL_MS;
    const members = await this.redis.zRange(this.keyOf(caller, app), '+inf', since, {
      BY: 'SCORE', REV: true, LIMIT: { offset: 0, count: MAX_PENDING },
    });
    return members.map(eventOf).filter(isWrittenEvent);
  }

  /** The events `app` has now applied (it answered a command carrying them without `stale`). */
  async settle(caller: string, app: AppName, events: readonly WrittenEvent[]): Promise<void> {
    if (events.length > 0) await this.redis.zRem(this.keyOf(caller, app), events.map(memberOf));
  }

  private keyOf(caller: string, app: AppName): string {
    return `consistency:${caller}:${app}`;
  }
}

const memberOf = (e: WrittenEvent): string => `${e.topic} ${e.id}`;

function eventOf(member: string): WrittenEvent {
  const [topic, id] = member.split(' ');
  return { topic, id };
}
