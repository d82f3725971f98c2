import { FhirResource } from './fhir-types';
import { SYSTEMS } from './fhir-codes';
import { billRequestId } from './observation.mapper';
import { orderPatientId } from './patient.mapper';
import { LabReportState, OrderState } from './read-model';

type RequestStatus = 'active' | 'completed' | 'revoked';

/**
 * seed 004 order → ServiceRequest. The order transaction is the requisition both orders share; a redraw
 * `replaces` the initial order. redraw_available ends the initial order's work (no further updates).
 */
export function toOrderServiceRequest(o: OrderState): FhirResource {
  return {
    resourceType: 'ServiceRequest',
    id: o.orderId,
    identifier: [{ system: SYSTEMS.order, value: o.orderId }],
    ...(o.origin === 'redraw' && o.parentId ? { replaces: [{ reference: `ServiceRequest/${o.parentId}` }] } : {}),
    requisition: { system: SYSTEMS.orderTransaction, value: o.transactionId },
    status: orderRequestStatus(o.status),
    intent: 'order',
    category: [{ coding: [{ system: 'http://snomed.info/sct', code: '108252007', display: 'Laboratory procedure' }] }],
    code: { text: o.biomarkers.join(', ') },
    orderDetail: o.biomarkers.map((b) => ({ coding: [{ system: SYSTEMS.biomarker, code: b }], text: b })),
    subject: o.patient ? { reference: `Patient/${orderPatientId(o.transactionId)}` } : { display: 'Patient of the order' },
    authoredOn: o.createdAt,
    performer: [{ display: o.performingLab }],
  };
}

export function orderRequestStatus(status: string): RequestStatus {
  if (status === 'cancelled') return 'revoked';
  return status === 'completed' || status === 'redraw_available' ? 'completed' : 'active';
}

/** A bill's test as the ServiceRequest its DiagnosticReport is basedOn; the bill is the requisition. */
export function toBillServiceRequest(r: LabReportState, reportDone: boolean): FhirResource {
  return {
    resourceType: 'ServiceRequest',
    id: billRequestId(r.labReportId),
    identifier: [{ system: SYSTEMS.labReport, value: String(r.labReportId) }],
    requisition: { system: SYSTEMS.bill, value: String(r.billId) },
    status: r.cancelled ? 'revoked' : reportDone ? 'completed' : 'active',
    intent: 'order',
    code: { coding: [{ system: SYSTEMS.test, code: String(r.testId), display: r.testName }], text: r.testName },
    subject: { reference: `Patient/${r.patientId}` },
    authoredOn: r.registeredAt,
    ...(r.specimenId ? { specimen: [{ reference: `Specimen/${r.specimenId}` }] } : {}),
  };
}
