import { BillRegistered, systemPrincipal } from '@labflow/contracts';
import { commandFor } from '@labflow/platform/handling';
import { inMemoryCalloutUnit, LAB } from '../in-memory-callouts.fake';
import { KeepBillUseCase } from './keep-bill.usecase';

describe('KeepBillUseCase', () => {
  it('keeps the bill with its patient name and the tests of its lab reports, for the callouts that name them', async () => {
    const unit = inMemoryCalloutUnit();
    const bill = {
      labId: LAB, billId: 12, patient: { name: 'Asha Rao' }, doctorId: 21,
      labReports: [{ labReportId: 101, testId: 5, testName: 'CBC' }],
    } as unknown as BillRegistered;
    await new KeepBillUseCase().execute(commandFor(systemPrincipal(LAB), bill), unit);
    expect(await unit.bills.find(LAB, 12)).toEqual({ billId: 12, patientName: 'Asha Rao', doctorId: 21, organizationId: null });
    expect(await unit.bills.reportsOfBill(LAB, 12, [101])).toEqual([{ labReportId: 101, testId: 5, testName: 'CBC' }]);
    expect(await unit.bills.find(LAB + 1, 12)).toBeNull();
  });
});
