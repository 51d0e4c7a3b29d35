import { render, screen, act } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeAll, describe, expect, it } from 'vitest';
import { useApiQuery } from '../../../renderer/src/api/useApiQuery';
import { ApiErrorAlert } from '../../../renderer/src/components/ApiErrorAlert';
import { initI18n } from '../../../renderer/src/i18n/i18n';
import { fakeApi } from '../support/fake-api';

function PlanTitles() {
  const plans = useApiQuery('plans.list', { query: '' });
  return (
    <>
      <ApiErrorAlert error={plans.error} onRetry={plans.reload} />
      <ul aria-label="plans">
        {(plans.data ?? []).map((plan) => (
          <li key={plan.id}>{plan.title}</li>
        ))}
      </ul>
    </>
  );
}

describe('a failed load on screen', () => {
  beforeAll(async () => {
    await initI18n('vi');
  });

  it('says why, offers "Thử lại", and shows the list once the retry answers', async () => {
    const fake = fakeApi();
    render(<PlanTitles />, { wrapper: fake.wrapper });
    await act(() => fake.last().fail('Không đọc được tệp dữ liệu.'));
    expect(screen.getByRole('alert').textContent).toContain('Không đọc được tệp dữ liệu.');
    await userEvent.click(screen.getByRole('button', { name: 'Thử lại' }));
    expect(fake.calls).toHaveLength(2);
    await act(() => fake.last().answer([{ id: '1', title: 'Kế hoạch năm 2019' }]));
    expect(screen.queryByRole('alert')).toBeNull();
    expect(screen.getByRole('listitem').textContent).toBe('Kế hoạch năm 2019');
  });
});
