import type { reportEndpoints } from '../../../../shared/api/reports';
import type { HandlerMap } from '../../api/handler-map';
import type { FileStore } from '../../files/file-store';
import { AppError } from '../../kernel/errors';
import { ReportError } from '../../../../shared/api/reports';
import { countedUnits } from './report-counts';
import type { ReportDocuments } from './report-documents';
import type { ReportService } from './report-service';
import type { StatisticsService } from './statistics-service';
import { workbookFileName, writeStatisticsWorkbook } from './statistics-workbook';

export function reportHandlers(
  reports: ReportService,
  documents: ReportDocuments,
  statistics: StatisticsService,
  files: FileStore,
): HandlerMap<typeof reportEndpoints> {
  return {
    'reports.list': () => reports.list(),
    'reports.get': ({ id }) => reports.get(id),
    'reports.draft': ({ planIds, from, to, withCharts }) => reports.draft({ planIds, from, to, withCharts }),
    'reports.redraft': ({ id, rev, planIds, from, to, withCharts }) =>
      reports.redraft(id, rev, { planIds, from, to, withCharts }),
    'reports.save': ({ id, rev, fields, body }) => reports.save(id, rev, fields, body),
    'reports.finalise': ({ id, rev }) => reports.finalise(id, rev),
    'reports.amend': ({ id, rev, fields, body, reason }) => reports.amend(id, rev, fields, body, reason),
    'reports.remove': ({ id, rev }) => reports.remove(id, rev),
    'reports.preview': ({ id }) => documents.preview(id),
    'reports.exportPdf': ({ id }) => documents.exportPdf(id),
    'reports.exportDocx': ({ id }) => documents.exportDocx(id),
    'reports.printHtml': ({ id }) => documents.printHtml(id),
    'reports.counted': ({ id, ref }) => {
      const report = reports.get(id);
      const found = Object.hasOwn(report.body.refs, ref) ? report.body.refs[ref] : undefined;
      if (!found) throw new AppError(ReportError.unknownCount, { messageKey: 'reports.errors.unknownCount' });
      // Counted again on the report's own day, so a difference means the records changed.
      const figures = reports.figures(
        { planIds: found.planIds, from: report.periodFrom, to: report.periodTo },
        report.asOf,
      );
      const units = countedUnits(figures, found, (record) =>
        reports.queries.recordInspectionId(record, figures.from, figures.to),
      );
      return { ref: found, now: units.length, units };
    },
    'reports.statistics': ({ planIds, from, to }) => statistics.statistics({ planIds, from, to }),
    'reports.workbook': async ({ planIds, from, to }) => {
      const figures = reports.figures({ planIds, from, to });
      const requests = reports.queries.requestsByUnit(
        figures.plans.map((plan) => plan.id),
        figures.from,
        figures.to,
      );
      return files.createDownload(workbookFileName(figures), (target) =>
        writeStatisticsWorkbook(target, figures, requests, reports.now()),
      );
    },
    'reports.compare': ({ earlierPlanId, laterPlanId }) => statistics.compare(earlierPlanId, laterPlanId),
  };
}
