import type { transferEndpoints } from '../../../../shared/api/transfer';
import type { HandlerMap } from '../../api/handler-map';
import type { ExchangeEntry } from './exchange-log';
import type { TransferService } from './transfer-service';

function exchangeView(entry: ExchangeEntry) {
  const scope = (entry.scope as { kind?: unknown } | null)?.kind;
  return { ...entry, scope: typeof scope === 'string' ? scope : '' };
}

const VERDICTS = ['add', 'update', 'same', 'kept', 'conflict', 'knownConflict', 'twin', 'collision'] as const;

export function transferHandlers(transfer: TransferService): HandlerMap<typeof transferEndpoints> {
  return {
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
