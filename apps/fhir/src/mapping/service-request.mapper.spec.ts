import { SYSTEMS } from './fhir-codes';
import { OrderState } from './read-model';
import { orderRequestStatus, toBillServiceRequest, toOrderServiceRequest } from './service-request.mapper';
import { labReport } from './fixtures';

const initial: OrderState = {
  orderId: 'o-1', transactionId: 't-1', origin: 'initial', parentId: null, performingLab: 'quest', biomarkers: ['glucose', 'hba1c'],
  status: 'redraw_available', transactionStatus: 'active', createdAt: '2026-05-25T08:00:00.000Z', updatedAt: '2026-05-25T09:00:00.000Z',
  patient: { firstName: 'Ada', lastName: 'Lovelace', dob: '1990-04-01', gender: 'female' },
};

describe('ServiceRequest mapper', () => {
  it('the redraw replaces the initial order and both share the transaction as requisition', () => {
    const first = toOrderServiceRequest(initial);
    const redraw = toOrderServiceRequest({ ...initial, orderId: 'o-2', origin: 'redraw', parentId: 'o-1', biomarkers: ['hba1c'], status: 'ordered' });
    expect(first).not.toHaveProperty('replaces');
    expect(redraw.replaces).toEqual([{ reference: 'ServiceRequest/o-1' }]);
    expect(first.requisition).toEqual({ system: SYSTEMS.orderTransaction, value: 't-1' });
    expect(redraw.requisition).toEqual(first.requisition);
    expect(redraw.subject).toEqual({ reference: 'Patient/ot-t-1' });
    expect([first.status, redraw.status]).toEqual(['completed', 'active']);
  });

  it('maps the order statuses to request statuses', () => {
    expect(['ordered', 'requisition_created', 'sample_received', 'partial_results', 'completed', 'redraw_available', 'cancelled'].map(orderRequestStatus))
      .toEqual(['active', 'active', 'active', 'active', 'completed', 'completed', 'revoked']);
  });

  it('a bill test is requested with the bill as requisition', () => {
    expect(toBillServiceRequest(labReport(), false)).toMatchObject({ id: 'lr-501', status: 'active', requisition: { system: SYSTEMS.bill, value: '77' } });
  });
});
