import type { CatalogShape } from '../catalog';
import type { transfer as vi } from '../vi/transfer';

export const transfer: CatalogShape<typeof vi> = {
  title: 'Data exchange',
  errors: {
    broken:
      'The package file is damaged (its content is not in the expected form). Nothing was imported; ask the sender to make it again.',
    truncated:
      'The package file is cut short (copied only in part, or the USB stick was pulled out). Nothing was imported; copy the file again.',
    notPackage: 'The chosen file is not a package of this app. Nothing was imported.',
    newer:
      'The package was made by a newer version of the app ({{version}}). Install the latest version and receive it again; nothing was imported.',
    ownPackage: 'This package was made by this office itself; there is nothing to receive. Nothing was imported.',
    unknownTable: 'The package holds an unknown kind of data ({{table}}). Nothing was imported.',
    badValue:
      'The package holds an invalid value (table {{table}}, column {{column}}): the file may have been altered. Nothing was imported.',
    missingReference:
      'The package refers to a record that is neither in it nor on this PC (table {{table}}, column {{column}}). Ask the sender for a package of all data. Nothing was imported.',
    forgedId:
      'The package has a record id that belongs to a record of another kind on this PC ({{table}} / {{other}}): the file may be forged. Nothing was imported.',
    sessionExpired: 'This receiving session has expired or was already imported. Choose the file again.',
    conflictClosed: 'This conflict was already resolved.',
    unknownOffice: 'The receiving office is not among the offices exchanged with. Choose again.',
    notPackageFile: {
      backup:
        'The file {{file}} is a backup, not a transfer package. Backups are restored in Settings → Backup and restore. Nothing was imported.',
      sqlite: 'The file {{file}} is a database file, not a transfer package (.klkgoi). Nothing was imported.',
      docx: 'The file {{file}} is a Word document, not a transfer package. Choose a .klkgoi file. Nothing was imported.',
      xlsx: 'The file {{file}} is an Excel workbook, not a transfer package. Unit lists from Excel are imported on the Units page. Nothing was imported.',
      zip: 'The file {{file}} is a .zip archive, not a transfer package. Extract it and choose the .klkgoi file inside. Nothing was imported.',
      pdf: 'The file {{file}} is a PDF, not a transfer package. Choose a .klkgoi file. Nothing was imported.',
      office97:
        'The file {{file}} is an old Word or Excel document, not a transfer package. Choose a .klkgoi file. Nothing was imported.',
      empty:
        'The file {{file}} is empty (0 bytes): copying may not have finished, or the USB stick was pulled. Nothing was imported.',
      unknown:
        'The file {{file}} is not a Kiểm tra KLKCHC transfer package. Choose a .klkgoi file. Nothing was imported.',
    },
    brokenRule:
      'The package holds a record that breaks the rules of the data here (the file may have been altered, or made by another version). Nothing was imported; ask the sender to make the package again.',
    recipientNeeded: 'Choose the receiving office to send what changed since the last exchange.',
  },
  tables: {
    units: 'Units',
    officials: 'Officials',
    checklists: 'Checklists',
    checklist_versions: 'Checklist versions',
    checklist_groups: 'Criteria groups',
    checklist_criteria: 'Criteria',
    plans: 'Plans',
    plan_units: 'Plan scope',
    plan_members: 'Team members',
    inspections: 'Inspections',
    audit_log: 'Change history',
    minutes_numbers: 'Minutes numbers',
    unit_links: 'Linked duplicate units',
  },
};
