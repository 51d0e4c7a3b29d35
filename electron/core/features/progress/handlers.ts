import type { progressEndpoints } from '../../../../shared/api/progress';
import type { HandlerMap } from '../../api/handler-map';
import type { ProgressService } from './progress-service';

export function progressHandlers(progress: ProgressService): HandlerMap<typeof progressEndpoints> {
  return {
    'progress.overview': () => progress.overview(),
    'progress.plan': ({ planId }) => progress.plan(planId),
  };
}
