import { ActivityLogged, Principal } from '@labflow/contracts';

/** An activity-log entry of autoverification (codes: VerificationActivity, docs/autoverification.md). */
export function activityOf(
  principal: Principal, code: number, text: string, meta: Record<string, unknown>, ids: { labReportId?: number; billId?: number } = {},
): ActivityLogged {
  const by = principal.name ?? `User ${principal.sub}`;
  return {
    labId: principal.labId, logCategoryId: code, ...ids, userId: principal.sub, labUserName: by,
    activityText: `${text} by - ${by}`, meta, activityDate: new Date().toISOString(),
  };
}
