import { ActivityLogged, Principal } from '@labflow/contracts';

/**
 * An activity-log entry of autoverification (codes: VerificationActivity, docs/autoverification.md),
 * worded like the callout timeline: `<what> by - <user>, <detail>, …`.
 */
export function activityOf(
  principal: Principal, code: number, what: string, details: (string | null)[], meta: Record<string, unknown>,
  ids: { labReportId?: number; billId?: number } = {},
): ActivityLogged {
  const by = principal.name ?? `User ${principal.sub}`;
  return {
    labId: principal.labId, logCategoryId: code, ...ids, userId: principal.sub, labUserName: by,
    activityText: [`${what} by - ${by}`, ...details.filter((d): d is string => !!d)].join(', '), meta, activityDate: new Date().toISOString(),
  };
}
