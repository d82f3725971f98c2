import { Injectable } from '@nestjs/common';
import { CalloutExportBody, CalloutExportRecord, CommandRequest } from '@labflow/contracts';
import { authenticatedInput } from '@labflow/platform/service';
import { CalloutRepository, LatestCalloutRow } from './callout.repository';

/**
 * POST /operation/critical-callout (seed 001 §3): the latest callout per report of the caller's lab,
 * for the worklist export. Reports of another lab or without a callout are simply absent.
 * Organization and referring-doctor names have no directory in LabFlow yet (bills carry only their
 * ids), so org_name / referral_name are null rather than invented.
 */
@Injectable()
export class ExportCalloutsUseCase {
  constructor(private readonly callouts: CalloutRepository) {}

  async execute(request: CommandRequest): Promise<CalloutExportRecord[]> {
    const { principal, input } = authenticatedInput(CalloutExportBody, request);
    const rows = await this.callouts.latestPerReport(principal.labId, [...new Set(input.lab_report_ids)]);
    return rows.map(toRecord);
  }
}

function toRecord(r: LatestCalloutRow): CalloutExportRecord {
  const byDoctor = r.performed_by_login_type === 'doctor';
  return {
    lab_report_id: r.lab_report_id,
    bill_id: r.bill_id,
    status: r.kind,
    org_name: null,
    patient_name: r.patient_name,
    referral_name: null,
    performed_by_user_name: byDoctor ? null : r.performed_by_name,
    performed_by_doctor_name: byDoctor ? r.performed_by_name : null,
    critical_callout_comment: r.comment,
    critical_callout_meta: {
      communication_methods: r.communication_methods, recipients: r.recipients, callout_for: r.callout_for,
      contacted_person: r.contacted_person, read_back: r.read_back, organization_id: r.organization_id, doctor_id: r.doctor_id,
    },
    created_on: new Date(r.created_on).toISOString(),
  };
}
