import type { unitImportEndpoints } from '../../../../shared/api/unit-import';
import type { HandlerMap } from '../../api/handler-map';
import type { UnitExportService } from '../unit-export/unit-export-service';
import type { UnitImportService } from './unit-import-service';

export function unitImportHandlers(
  unitImport: UnitImportService,
  unitExport: UnitExportService,
): HandlerMap<typeof unitImportEndpoints> {
  return {
    'unitImport.inspect': ({ fileId }) => unitImport.inspect(fileId),
    'unitImport.analyze': (input) => unitImport.analyze(input),
    'unitImport.preview': (input) => unitImport.preview(input),
    'unitImport.apply': (input) => unitImport.apply(input),
    'unitImport.undo': ({ undoId }) => unitImport.undo(undoId),
    'unitImport.discard': ({ sessionId }) => ({ discarded: unitImport.discard(sessionId) }),
    'unitExport.xlsx': (filter) => unitExport.xlsx(filter),
    'unitExport.csv': (filter) => unitExport.csv(filter),
  };
}
