import { useState } from 'react';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeAll, describe, expect, it } from 'vitest';
import type { InspectionRequest } from '../../../shared/domain/inspection';
import { newRowId } from '../../../shared/domain/row-id';
import { PeopleEditor, type PersonRow } from '../../../renderer/src/features/inspections/PeopleEditor';
import { RequestsEditor } from '../../../renderer/src/features/inspections/RequestsEditor';
import { initI18n } from '../../../renderer/src/i18n/i18n';

function Representatives() {
  const [rows, setRows] = useState<PersonRow[]>([{ id: newRowId(), name: 'Vi Thị Đào', position: 'Hiệu trưởng' }]);
  return (
    <PeopleEditor
      title="Đại diện đơn vị được kiểm tra"
      rows={rows}
      withRole={false}
      readOnly={false}
      addLabel="Thêm đại diện"
      errors={{}}
      errorPrefix="representatives"
      make={() => ({ id: newRowId(), name: '', position: '' })}
      onChange={setRows}
      onLockedAttempt={() => undefined}
    />
  );
}

function Requests() {
  const [requests, setRequests] = useState<InspectionRequest[]>([]);
  return (
    <RequestsEditor
      requests={requests}
      readOnly={false}
      locked={false}
      errors={{}}
      onChange={setRequests}
      onRemedied={() => undefined}
      onLockedAttempt={() => undefined}
    />
  );
}

describe('adding a row from the keyboard', () => {
  beforeAll(async () => {
    await initI18n('vi');
  });

  it('puts the cursor in the new person’s name, not on the button', async () => {
    render(<Representatives />);
    await userEvent.click(screen.getByRole('button', { name: 'Thêm đại diện' }));
    expect(document.activeElement).toBe(
      screen.getByRole('textbox', { name: 'Họ và tên 2 — Đại diện đơn vị được kiểm tra' }),
    );
    await userEvent.keyboard('Hoàng Văn Lâm');
    expect(screen.getByRole('textbox', { name: 'Họ và tên 2 — Đại diện đơn vị được kiểm tra' })).toHaveProperty(
      'value',
      'Hoàng Văn Lâm',
    );
  });

  it('puts the cursor in the new request’s text', async () => {
    render(<Requests />);
    await userEvent.click(screen.getByRole('button', { name: 'Thêm kiến nghị' }));
    expect(document.activeElement).toBe(screen.getByRole('textbox', { name: 'Nội dung kiến nghị 1' }));
  });
});
