import type { systemEndpoints } from '../../../shared/api/system';
import type { HandlerMap } from '../api/handler-map';

export function systemHandlers(): HandlerMap<typeof systemEndpoints> {
  return {
    'system.ping': () => ({ pong: true as const }),
  };
}
