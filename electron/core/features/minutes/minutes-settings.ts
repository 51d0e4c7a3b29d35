import type { Db } from '../../db/open';
import { SettingsRepo } from '../settings/settings-repo';
import type { SettingsService } from '../settings/settings-service';
import {
  MINUTES_SETTINGS_DEFAULTS,
  type MinutesSettings,
  type MinutesSettingsInput,
} from '../../../../shared/domain/minutes';

const KEYS = {
  parentBody: 'minutes.parentBody',
  issuingBody: 'minutes.issuingBody',
  placeName: 'minutes.placeName',
  numberSymbol: 'minutes.numberSymbol',
  copies: 'minutes.copies',
  recipients: 'minutes.recipients',
  secretarySigns: 'minutes.secretarySigns',
} as const;

/**
 * The settings of the printed documents (header, number symbol, copies, recipients), kept in the
 * installation's key-value settings beside the office identity. Parent body and place name
 * default to the office's own (set on the first-run screen).
 */
export class MinutesSettingsStore {
  private readonly repo: SettingsRepo;

  constructor(
    private readonly db: Db,
    private readonly settings: SettingsService,
  ) {
    this.repo = new SettingsRepo(db);
  }

  get(): MinutesSettings {
    const office = this.settings.get().office;
    const copies = Number.parseInt(this.repo.get(KEYS.copies) ?? '', 10);
    return {
      parentBody: this.repo.get(KEYS.parentBody) ?? '',
      issuingBody: this.repo.get(KEYS.issuingBody) ?? MINUTES_SETTINGS_DEFAULTS.issuingBody,
      placeName: this.repo.get(KEYS.placeName) ?? '',
      numberSymbol: this.repo.get(KEYS.numberSymbol) ?? MINUTES_SETTINGS_DEFAULTS.numberSymbol,
      copies: Number.isInteger(copies) && copies >= 1 ? copies : MINUTES_SETTINGS_DEFAULTS.copies,
      recipients: this.repo.get(KEYS.recipients) ?? MINUTES_SETTINGS_DEFAULTS.recipients,
      secretarySigns:
        (this.repo.get(KEYS.secretarySigns) ?? String(MINUTES_SETTINGS_DEFAULTS.secretarySigns)) === 'true',
      officeParentBody: office?.parentBody ?? '',
      officePlaceName: office?.placeName ?? '',
    };
  }

  update(input: MinutesSettingsInput): MinutesSettings {
    this.db
      .transaction(() => {
        this.repo.set(KEYS.parentBody, input.parentBody);
        this.repo.set(KEYS.issuingBody, input.issuingBody);
        this.repo.set(KEYS.placeName, input.placeName);
        this.repo.set(KEYS.numberSymbol, input.numberSymbol);
        this.repo.set(KEYS.copies, String(input.copies));
        this.repo.set(KEYS.recipients, input.recipients);
        this.repo.set(KEYS.secretarySigns, String(input.secretarySigns));
      })
      .immediate();
    return this.get();
  }
}
