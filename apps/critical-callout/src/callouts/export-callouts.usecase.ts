import { Injectable } from '@nestjs/common';
import { CalloutExportBody, CalloutExportRecord, CRITICAL_COMMANDS } from '@labflow/contracts';
import { Command, HandlesQuery } from '@labflow/platform/handling';
import { CalloutUnitOfWork } from '../critical-callout-unit-of-work';
import { LatestCalloutRow } from './callout.repository';

/**
 * POST /operation/critical-callout (seed 001 §3): the latest callout per report of the caller's lab,
 * for the worklist export. Reports of another lab or without a callout are simply absent.
 * Organization and referring-doctor names have no directory in LabFlow yet (bills carry only their
 * ids), so org_name / referral_name are null rather than invented.
 */
@Injectable()
@HandlesQuery(CRITICAL_COMMANDS.exportCallouts, CalloutExportBody)
export class ExportCalloutsUseCase {
  async execute(command: Command<CalloutExportBody>, unit: CalloutUnitOfWork): Promise<CalloutExportRecord[]> {
    const rows = await unit.callouts.latestPerReport(command.labId, [...new Set(command.input.lab_report_ids)]);
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
