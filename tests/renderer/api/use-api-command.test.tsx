import { act, renderHook } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { useApiCommand } from '../../../renderer/src/api/useApiCommand';
import { fakeApi } from '../support/fake-api';

const input = { planId: '01890000-0000-7000-8000-000000000001', teamRev: 'team-1', team: [] };

describe('a command', () => {
  it('is pending while it runs, answers with what the back end answered, and tells others what changed', async () => {
    const fake = fakeApi();
    const heard: unknown[] = [];
    fake.events.subscribe((change) => heard.push(change === 'all' ? 'all' : [...change]));
    const { result } = renderHook(() => useApiCommand('plans.setTeam', { invalidates: ['progress'] }), {
      wrapper: fake.wrapper,
    });
    let answer: unknown;
    act(() => {
      void result.current.run(input).then((value) => (answer = value));
    });
    expect(result.current.pending).toBe(true);
    await act(() => fake.last().answer({ plan: { id: 'p' }, team: [] }));
    expect(answer).toEqual({ plan: { id: 'p' }, team: [] });
    expect(result.current).toMatchObject({ pending: false, error: null });
    expect(heard).toEqual([['progress']]);
  });

  it('keeps the failure for the screen to show, resolves with nothing and changes nothing elsewhere', async () => {
    const fake = fakeApi();
    const onError = vi.fn();
    const heard: unknown[] = [];
    fake.events.subscribe((change) => heard.push(change));
    const { result } = renderHook(() => useApiCommand('plans.setTeam', { invalidates: ['plans'], onError }), {
      wrapper: fake.wrapper,
    });
    let answer: unknown = 'not yet';
    act(() => {
      void result.current.run(input).then((value) => (answer = value));
    });
    await act(() => fake.last().fail('Không ghi được: ổ đĩa đầy.'));
    expect(answer).toBeUndefined();
    expect((result.current.error as Error).message).toBe('Không ghi được: ổ đĩa đầy.');
    expect(onError).toHaveBeenCalledTimes(1);
    expect(heard).toEqual([]);
    act(() => result.current.reset());
    expect(result.current.error).toBeNull();
  });

  it('runs once when asked twice before the first answer (a double Ctrl+Enter)', async () => {
    const fake = fakeApi();
    const { result } = renderHook(() => useApiCommand('plans.setTeam'), { wrapper: fake.wrapper });
    let second: unknown = 'not yet';
    act(() => {
      void result.current.run(input);
      void result.current.run(input).then((value) => (second = value));
    });
    await act(() => Promise.resolve());
    expect(fake.calls).toHaveLength(1);
    expect(second).toBeUndefined();
  });
});
