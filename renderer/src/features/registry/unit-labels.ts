import type { TFunction } from 'i18next';
import type { Unit } from '../../../../shared/domain/unit';

export function kindLabel(t: TFunction, unit: Pick<Unit, 'kind'>): string {
  return t(`registry.kinds.${unit.kind}`);
}

export function schoolLevelLabel(t: TFunction, unit: Pick<Unit, 'schoolLevel'>): string {
  return unit.schoolLevel ? t(`registry.schoolLevels.${unit.schoolLevel}`) : '';
}

export function managingBodyLabel(t: TFunction, unit: Pick<Unit, 'managingBody'>): string {
  return t(`registry.managingBodies.${unit.managingBody}`);
}
