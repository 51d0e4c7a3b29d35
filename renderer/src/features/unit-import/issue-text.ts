import type { TFunction } from 'i18next';
import type { RowIssue } from '../../../../shared/domain/unit-import';

/**
 * A row's reason in the interface language. The core sends i18n keys with parameters; the
 * field's own label is added here ("Điện thoại: Số điện thoại không hợp lệ…"), and kinds are
 * named, never shown as codes.
 */
export function issueText(t: TFunction, issue: RowIssue): string {
  const params: Record<string, string | number> = { ...(issue.params ?? {}) };
  if (issue.field) params.fieldLabel = t(`unitImport.fields.${issue.field}`);
  if (typeof params.from === 'string') params.fromLabel = t(`registry.kinds.${params.from}`);
  if (typeof params.to === 'string') params.toLabel = t(`registry.kinds.${params.to}`);
  const text = t(issue.key, params);
  // Messages shared with the unit form ("Không được để trống.") do not name their field.
  if (issue.field && !issue.key.startsWith('unitImport.')) {
    return t('unitImport.reasons.fieldProblem', { fieldLabel: params.fieldLabel, problem: text });
  }
  return text;
}
