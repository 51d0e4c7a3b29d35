import type { z } from 'zod';
import { contract, isApiName, type Contract } from '../../../shared/api/contract';
import type { ApiError, ApiResult } from '../../../shared/api/envelope';
import { ErrorCode } from '../../../shared/api/errors';
import type { Language } from '../../../shared/domain/settings';
import { hasTranslation, translate } from '../../../shared/i18n/translate';
import { explainSystemError, type AppError, type DataLocation } from '../kernel/errors';
import type { HandlerMap } from './handler-map';

export interface Logger {
  error(message: string, error?: unknown): void;
  warn(message: string): void;
}

export const consoleLogger: Logger = {
  error: (message, error) => console.error(`[klkchc] ${message}`, error ?? ''),
  warn: (message) => console.warn(`[klkchc] ${message}`),
};

export interface RouterOptions {
  language: () => Language;
  /** Check answers against the contract too (tests and development: catches drift early). */
  validateOutput: boolean;
  logger: Logger;
  /** The database file and folder, named when the disk or SQLite refuses. */
  data?: DataLocation;
  /** Consulted first when a call fails (the data file's health: a damaged file explains itself). */
  explainFailure?: (error: unknown) => AppError | null;
}

export interface Router {
  call(name: string, payload: unknown): Promise<ApiResult<unknown>>;
}

/**
 * Where the handlers come from for one call: a plain map, or a holder that runs each call
 * against the database open at that moment (and holds calls back while it is being replaced).
 */
export interface HandlerSource {
  run<T>(name: string, work: (handlers: HandlerMap<Contract>) => T | Promise<T>): Promise<T>;
}

function fixedSource(handlers: HandlerMap<Contract>): HandlerSource {
  return { run: async (_name, work) => work(handlers) };
}

function fieldsFromZod(error: z.ZodError): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const issue of error.issues) {
    const path = issue.path.map(String).join('.') || '_';
    if (fields[path] !== undefined) continue;
    fields[path] = hasTranslation(issue.message) ? issue.message : 'validation.invalid';
  }
  return fields;
}

/**
 * The one entry point of the back end. Electron IPC and the browser-mode server both hand it
 * a call name and an untrusted payload; it validates the payload against the shared contract,
 * runs the handler, and answers with an envelope whose message is in the user's language.
 */
export function createRouter(handlers: HandlerMap<Contract> | HandlerSource, options: RouterOptions): Router {
  const source =
    'run' in handlers && typeof handlers.run === 'function' ? handlers : fixedSource(handlers as HandlerMap<Contract>);
  const failure = (error: ApiError): ApiResult<unknown> => ({ ok: false, error });

  function describe(error: AppError, language: Language): ApiError {
    const answer: ApiError = {
      code: error.code,
      message: translate(language, error.messageKey, error.params),
    };
    if (error.fields) answer.fields = error.fields;
    return answer;
  }

  return {
    async call(name, payload) {
      const language = safeLanguage(options);
      if (typeof name !== 'string' || !isApiName(name)) {
        return failure({
          code: ErrorCode.unknownCall,
          message: translate(language, 'errors.UNKNOWN_CALL', { name: String(name).slice(0, 80) }),
        });
      }
      const endpoint = contract[name];
      const parsed = endpoint.input.safeParse(payload ?? {});
      if (!parsed.success) {
        const fields = fieldsFromZod(parsed.error);
        // What is wrong, in words, each once: the fields' paths ("body.blocks.2.runs.0.text") mean
        // nothing to a clerk, and the screens mark the fields themselves from `fields`.
        const summary = [...new Set(Object.values(fields).map((key) => translate(language, key)))]
          .map((text) => (/[.!?…]$/.test(text) ? text : `${text}.`))
          .join(' ');
        return failure({
          code: ErrorCode.validation,
          message: translate(language, 'errors.VALIDATION', { fields: summary }),
          fields,
        });
      }
      try {
        const value = await source.run(name, (map) => (map[name] as (input: unknown) => unknown)(parsed.data));
        if (options.validateOutput) {
          const checked = endpoint.output.safeParse(value);
          if (!checked.success) {
            options.logger.error(`Answer of ${name} does not match the contract`, checked.error);
            return failure({ code: ErrorCode.internal, message: translate(language, 'errors.INTERNAL') });
          }
        }
        return { ok: true, value };
      } catch (error) {
        const known = options.explainFailure?.(error) ?? explainSystemError(error, options.data);
        if (known) {
          if (known.code === ErrorCode.internal || known.code === ErrorCode.diskFull || known.code === ErrorCode.diskIo)
            options.logger.error(`${name} failed`, error);
          return failure(describe(known, safeLanguage(options)));
        }
        options.logger.error(`${name} failed unexpectedly`, error);
        return failure({ code: ErrorCode.internal, message: translate(safeLanguage(options), 'errors.INTERNAL') });
      }
    },
  };
}

function safeLanguage(options: RouterOptions): Language {
  try {
    return options.language();
  } catch {
    return 'vi';
  }
}
