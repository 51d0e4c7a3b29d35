import type { auditEndpoints } from '../../../../shared/api/audit';
import type { HandlerMap } from '../../api/handler-map';
import type { AuditTrail } from './audit-trail';

export function auditHandlers(audit: AuditTrail): HandlerMap<typeof auditEndpoints> {
  return {
    'audit.list': (input) => audit.list(input),
  };
}
