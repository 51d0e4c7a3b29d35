import type { officialEndpoints } from '../../../../shared/api/officials';
import type { HandlerMap } from '../../api/handler-map';
import type { OfficialService } from './official-service';

export function officialHandlers(officials: OfficialService): HandlerMap<typeof officialEndpoints> {
  return {
    'officials.list': (input) => officials.list(input),
    'officials.create': ({ official }) => officials.create(official),
    'officials.update': ({ id, rev, official }) => officials.update(id, rev, official),
  };
}
