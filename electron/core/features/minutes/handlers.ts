import type { minutesEndpoints } from '../../../../shared/api/minutes';
import type { HandlerMap } from '../../api/handler-map';
import type { MinutesBatchJobs } from './batch-jobs';
import type { MinutesService } from './minutes-service';

export function minutesHandlers(
  minutes: MinutesService,
  batches: MinutesBatchJobs,
): HandlerMap<typeof minutesEndpoints> {
  return {
    'minutes.settings.get': () => minutes.getSettings(),
    'minutes.settings.update': (input) => minutes.updateSettings(input),
    'minutes.preview': ({ inspectionId }) => minutes.preview(inspectionId),
    'minutes.setNumber': ({ inspectionId, number }) => minutes.setNumber(inspectionId, number),
    'minutes.exportPdf': ({ inspectionId }) => minutes.exportPdf(inspectionId),
    'minutes.exportDocx': ({ inspectionId }) => minutes.exportDocx(inspectionId),
    'minutes.printHtml': ({ inspectionId }) => minutes.printHtml(inspectionId),
    'minutes.batch.start': ({ planId, output, inspectionIds }) => batches.start(planId, output, inspectionIds),
    'minutes.batch.status': ({ jobId }) => batches.status(jobId),
    'minutes.batch.cancel': ({ jobId }) => batches.cancel(jobId),
  };
}
