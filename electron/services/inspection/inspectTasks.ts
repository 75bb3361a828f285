/**
 * The inspection worker's tasks, one function each, run the same way in the worker thread (built app)
 * and in the calling thread (the TypeScript sources under test): each reads through the connection it
 * is given, in its own read transactions, and never writes.
 */
import type { Board, SampleView, SelfAuditView } from '../../../shared/api/inspection';
import type { JobStatus } from '../../../shared/api/jobs';
import type { InspectionSettings } from '../../../shared/inspection/settings';
import type { LtcDatabase } from '../db/database';
import type { PdfFonts } from '../documents/fonts';
import { readinessBoard } from './boardService';
import { evidencePack, type EvidencePack } from './evidencePack';
import { sampleOf, type SampleRequest } from './sampleService';
import { selfAuditOf, selfAuditView, type Period } from './selfAuditService';

export type Progress = (p: JobStatus['progress']) => void;

export type InspectTask =
  | { task: 'board'; month: string; today: string; settings: InspectionSettings }
  | { task: 'selfAudit'; period: Period; settings: InspectionSettings }
  | { task: 'sample'; request: SampleRequest; settings: InspectionSettings }
  | { task: 'pack'; request: SampleRequest; settings: InspectionSettings; generatedOn: string; fonts: PdfFonts };

export type InspectResult<T extends InspectTask> = T extends { task: 'board' }
  ? Board
  : T extends { task: 'selfAudit' }
    ? SelfAuditView
    : T extends { task: 'sample' }
      ? SampleView
      : EvidencePack;

export async function runInspectTask(db: LtcDatabase, t: InspectTask, progress: Progress): Promise<unknown> {
  switch (t.task) {
    case 'board':
      return readinessBoard(db, t.month, t.today, t.settings, progress);
    case 'selfAudit':
      return selfAuditView(db, selfAuditOf(db, t.period, t.settings));
    case 'sample': {
      // The visits were for the rows; the view does not carry them.
      const { visits: _visits, ...view } = sampleOf(db, t.request, t.settings);
      void _visits;
      return view;
    }
    case 'pack':
      return evidencePack(db, t.request, t.settings, { generatedOn: t.generatedOn, fonts: t.fonts, onProgress: progress });
  }
}
