import type { systemEndpoints } from '../../../shared/api/system';
import type { HandlerMap } from '../api/handler-map';
import type { DataHealth } from '../db/health';

export function systemHandlers(health: DataHealth): HandlerMap<typeof systemEndpoints> {
  return {
    'system.ping': () => ({ pong: true as const }),
    'system.health': () => health.report(),
  };
}
