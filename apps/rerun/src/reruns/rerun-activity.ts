import { ActivityLogged, MessageContext, Principal, TOPICS } from '@labflow/contracts';
import { PendingEvent, pendingEvent } from '@labflow/platform/kafka';
import { LifecycleEvent, lifecycleEvent } from './lifecycle-changes';

/** seed 000: activity log codes of the rerun lifecycle. */
export enum RerunActivity {
  RERUN_VALUES_CONFIRMED = 980,
  RERUN_REQUESTED = 981,
  RERUN_FAILED = 984,
  RERUN_CANCELLED = 985,
}

export function activityPayload(
  principal: Principal, labReportId: number, code: RerunActivity, text: string, meta?: Record<string, unknown>,
): ActivityLogged {
  return {
    labId: principal.labId, logCategoryId: code, labReportId, userId: principal.sub,
    labUserName: principal.name ?? principal.sub, activityText: text, meta, activityDate: new Date().toISOString(),
  };
}

export function activityEvent(
  principal: Principal, labReportId: number, code: RerunActivity, text: string, ctx: MessageContext, meta?: Record<string, unknown>,
): PendingEvent {
  return pendingEvent(TOPICS.activityLogged, activityPayload(principal, labReportId, code, text, meta), ctx);
}

/** The activity entry a lifecycle change writes with it. */
export function activityOf(
  principal: Principal, labReportId: number, code: RerunActivity, text: string, meta?: Record<string, unknown>,
): LifecycleEvent {
  return lifecycleEvent(TOPICS.activityLogged, activityPayload(principal, labReportId, code, text, meta));
}
