import type { backupEndpoints } from '../../../../shared/api/backup';
import type { HandlerMap } from '../../api/handler-map';
import type { BackupService } from './backup-service';

export function backupHandlers(backups: BackupService): HandlerMap<typeof backupEndpoints> {
  return {
    'backup.overview': () => backups.overview(),
    'backup.list': () => backups.list(),
    'backup.start': ({ folder, password }) => backups.start(folder, password),
    'backup.copy': ({ path, folder }) => backups.copy(path, folder),
    'backup.status': ({ jobId }) => backups.status(jobId),
    'backup.cancel': ({ jobId }) => backups.cancel(jobId),
    'backup.inspect': ({ source, password }) => backups.inspect(source, password),
    'backup.discard': ({ stagingId }) => {
      backups.discard(stagingId);
      return {};
    },
    'backup.restore': ({ stagingId }) => backups.restore(stagingId),
    'backup.setSecondFolder': ({ folder }) => backups.setSecondFolder(folder),
  };
}
