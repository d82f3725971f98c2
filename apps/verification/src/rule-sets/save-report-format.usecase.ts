import { Injectable } from '@nestjs/common';
import { ReportFormatSaved, TOPICS } from '@labflow/contracts';
import { Command, HandlesEvent } from '@labflow/platform/handling';
import { VerificationUnitOfWork } from '../verification-unit-of-work';

/** Keeps each test's parameter names and measuring (linearity) ranges for the rules (the highest revision wins). */
@Injectable()
@HandlesEvent(TOPICS.reportFormatSaved, { consumer: 'verification.report-format-saved', labIdOf: (e) => e.labId })
export class SaveReportFormatUseCase {
  async execute(command: Command<ReportFormatSaved>, unit: VerificationUnitOfWork): Promise<void> {
    await unit.formats.save(command.input);
  }
}
