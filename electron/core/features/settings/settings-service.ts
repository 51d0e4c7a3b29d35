import type { Db } from '../../db/open';
import { SettingsRepo } from './settings-repo';
import type { Language, Office, OfficeInput, Settings } from '../../../../shared/domain/settings';
import { AppError } from '../../kernel/errors';

export interface RuntimeInfo {
  dataFile: string;
  dataDir: string;
  appVersion: string;
  mode: Settings['mode'];
}

/** Keys of the settings table (a backup reads the office's identity from a copy with them). */
export const SETTINGS_KEYS = {
  officeId: 'office.id',
  officeName: 'office.name',
  parentBody: 'office.parentBody',
  placeName: 'office.placeName',
  language: 'ui.language',
  operator: 'operator.name',
} as const;
const KEYS = SETTINGS_KEYS;

/** Office identity, interface language and operator name, cached: they are read on every write. */
export class SettingsService {
  private readonly repo: SettingsRepo;
  private cache: Settings | null = null;
  /** Fixed when the database was created (migration 1); read once. */
  private id: string | null = null;

  constructor(
    private readonly db: Db,
    private readonly runtime: RuntimeInfo,
  ) {
    this.repo = new SettingsRepo(db);
  }

  get(): Settings {
    if (this.cache) return this.cache;
    const id = this.officeId();
    const name = this.repo.get(KEYS.officeName);
    const office: Office | null =
      name === undefined
        ? null
        : {
            id,
            name,
            parentBody: this.repo.get(KEYS.parentBody) ?? '',
            placeName: this.repo.get(KEYS.placeName) ?? '',
          };
    const language = this.repo.get(KEYS.language) === 'en' ? 'en' : 'vi';
    this.cache = { office, language, operatorName: this.repo.get(KEYS.operator) ?? '', ...this.runtime };
    return this.cache;
  }

  officeId(): string {
    if (this.id === null) {
      const id = this.repo.get(KEYS.officeId);
      if (!id) throw new Error('Database has no office id (migration 1 not applied)');
      this.id = id;
    }
    return this.id;
  }

  language(): Language {
    return this.get().language;
  }

  requireOffice(): Office {
    const office = this.get().office;
    if (!office) throw new AppError('NOT_SET_UP');
    return office;
  }

  update(changes: { office?: OfficeInput; language?: Language; operatorName?: string }): Settings {
    this.db.transaction(() => {
      if (changes.office) {
        this.repo.set(KEYS.officeName, changes.office.name);
        this.repo.set(KEYS.parentBody, changes.office.parentBody);
        this.repo.set(KEYS.placeName, changes.office.placeName);
      }
      if (changes.language) this.repo.set(KEYS.language, changes.language);
      if (changes.operatorName !== undefined) this.repo.set(KEYS.operator, changes.operatorName);
    })();
    this.cache = null;
    return this.get();
  }
}
