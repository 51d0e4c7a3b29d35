import type { transferEndpoints } from '../../../../shared/api/transfer';
import type { HandlerMap } from '../../api/handler-map';
import type { ExchangeEntry } from './exchange-log';
import path from 'node:path';
import type { FileStore } from '../../files/file-store';
import type { FolderMemory } from '../../files/folder-memory';
import type { TransferService } from './transfer-service';

function exchangeView(entry: ExchangeEntry) {
  const scope = (entry.scope as { kind?: unknown } | null)?.kind;
  return { ...entry, scope: typeof scope === 'string' ? scope : '' };
}

const VERDICTS = ['add', 'update', 'same', 'kept', 'conflict', 'knownConflict', 'twin', 'collision'] as const;

export function transferHandlers(
  transfer: TransferService,
  files: FileStore,
  folders: FolderMemory,
): HandlerMap<typeof transferEndpoints> {
  return {
    'transfer.send': async (input) => {
      const sent = await transfer.send(input);
      folders.remember('transfer', sent.folder);
      return { ...sent, exchange: exchangeView(sent.exchange) };
    },
    'transfer.open': async ({ source, password }) => {
      const chosen =
        'fileId' in source
          ? files.open(source.fileId)
          : { path: path.resolve(source.path), name: path.basename(source.path) };
      const outcome = await transfer.receive(chosen.path, chosen.name, password);
      if (outcome.state === 'needsPassword') return outcome;
      if ('path' in source) folders.remember('transfer', path.dirname(chosen.path));
      return { state: 'ready', fileName: outcome.fileName, preview: outcome.preview.view };
    },
    'transfer.offices': () => transfer.log.offices(),
    'transfer.history': () => transfer.history().map(exchangeView),
    'transfer.apply': ({ sessionId, keepApart }) => {
      const result = transfer.apply(sessionId, keepApart);
      const totals = Object.fromEntries(VERDICTS.map((verdict) => [verdict, 0])) as Record<
        (typeof VERDICTS)[number],
        number
      >;
      for (const counts of Object.values(result.perTable)) {
        for (const verdict of VERDICTS) totals[verdict] += counts[verdict];
      }
      return { totals, conflicts: result.conflicts, exchange: exchangeView(result.exchange) };
    },
    'transfer.discard': ({ sessionId }) => {
      transfer.discard(sessionId);
      return {};
    },
    'transfer.conflicts': () => transfer.conflictViews(),
    'transfer.resolve': ({ conflictId, choice }) => {
      transfer.resolve(conflictId, choice);
      return transfer.conflictViews();
    },
  };
}
