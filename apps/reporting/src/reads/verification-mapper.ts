import { ReportVerificationBlock } from '@labflow/contracts';
import { ReportingRepositories } from '../lab-reports/reporting-unit-of-work';

/**
 * The `verification` blocks beside the flags of seed 002's reads (every field the specification
 * defines stays as it is): by lab report id, in the order given, null where no decision was made yet.
 */
export async function verificationMapper(
  stores: Pick<ReportingRepositories, 'verifications'>, labId: number, labReportIds: number[],
): Promise<Record<string, ReportVerificationBlock | null>> {
  const ids = [...new Set(labReportIds)];
  const blocks = await stores.verifications.blocks(labId, ids);
  return Object.fromEntries(ids.map((id) => [String(id), blocks.get(id) ?? null]));
}
