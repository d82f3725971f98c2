import { DeviceWorkOrderResult, RerunValuesBody } from '@labflow/contracts';
import { DeviceUpload } from '../results/device-upload';

/** Where one upload goes: rerun values to `POST /api-v3/sample-rerun/:id/new`, what is left as a first fill. */
export interface UploadRoute {
  reruns: { labReportId: number; body: RerunValuesBody }[];
  firstFill: DeviceUpload | null;
}

interface ExtraResult { testName: string; status: string }

/** E1394 R.9: C correction, R previously transmitted (a repeat); HL7 OBX-11: C corrected. */
export const RERUN_STATUSES: Record<'astm' | 'hl7', string[]> = { astm: ['C', 'R'], hl7: ['C'] };

/**
 * Seed 000 §2: an instrument's rerun goes to `/new`, not a first fill. Per lab report of the sample
 * (from its work order): with a rerun open, the values of its requested parameters answer that request
 * (rerun_number = the request's); without one, a result sent as a correction or repeat is an
 * instrument-triggered rerun (rerun_number -1) of the report's mapped parameters. Values no rerun takes
 * stay a first fill.
 */
export function routeOf(upload: DeviceUpload, workOrder: DeviceWorkOrderResult, protocol: 'astm' | 'hl7'): UploadRoute {
  const results = (upload.device_extra_data.results as ExtraResult[] | undefined) ?? [];
  const statuses = RERUN_STATUSES[protocol];
  const repeated = new Set(results.filter((r) => statuses.includes(r.status)).map((r) => r.testName));
  const taken = new Set<string>();
  const reruns: UploadRoute['reruns'] = [];
  for (const report of workOrder.reports) {
    const wanted = report.rerun
      ? report.mapped.filter((p) => report.rerun?.requestedParameters.includes(p.index))
      : report.mapped.filter((p) => repeated.has(p.testName));
    const deviceData = wanted.flatMap((p) => {
      const value = upload.data.values.find((v) => v.testName === p.testName);
      return value ? [{ index: p.index, value: value.value, parameter_name: p.name || p.testName }] : [];
    });
    if (deviceData.length === 0) continue;
    deviceData.forEach((d) => taken.add(wanted.find((p) => p.index === d.index)?.testName ?? ''));
    reruns.push({
      labReportId: report.labReportId,
      body: {
        lab_id: upload.labId, sample_id: upload.sampleId, device_id: String(workOrder.device.id), device_name: workOrder.device.name,
        rerun_type: report.rerun ? 'manual_rerun' : 'instrument_rerun', rerun_number: report.rerun ? report.rerun.rerunNumber : -1,
        lab_report_id: report.labReportId, device_data: deviceData,
      },
    });
  }
  if (reruns.length === 0) return { reruns, firstFill: upload };
  const rest = upload.data.values.filter((v) => !taken.has(v.testName));
  return { reruns, firstFill: rest.length > 0 ? { ...upload, data: { values: rest } } : null };
}
