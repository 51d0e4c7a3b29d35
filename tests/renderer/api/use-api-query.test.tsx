import { act, renderHook } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { ApiOutput } from '../../../shared/api/contract';
import { useApiQuery } from '../../../renderer/src/api/useApiQuery';
import { fakeApi } from '../support/fake-api';

const plan = (title: string) => [{ id: title, title }] as unknown as ApiOutput<'plans.list'>;

describe('a query', () => {
  it('asks once, then shows the answer', async () => {
    const fake = fakeApi();
    const { result } = renderHook(() => useApiQuery('plans.list', { query: '' }), { wrapper: fake.wrapper });
    expect(result.current.loading).toBe(true);
    expect(fake.callsOf('plans.list')).toHaveLength(1);
    await act(() => fake.last().answer(plan('A')));
    expect(result.current).toMatchObject({ data: plan('A'), loading: false, error: null });
  });

  it('asks nothing while its input is null', () => {
    const fake = fakeApi();
    const { result } = renderHook(() => useApiQuery('plans.list', null), { wrapper: fake.wrapper });
    expect(fake.calls).toHaveLength(0);
    expect(result.current.loading).toBe(false);
  });

  it('lets the newest request win when answers come back out of order', async () => {
    const fake = fakeApi();
    const { result, rerender } = renderHook(({ query }) => useApiQuery('plans.list', { query }), {
      wrapper: fake.wrapper,
      initialProps: { query: 'h' },
    });
    rerender({ query: 'hi' });
    const [first, second] = fake.callsOf('plans.list');
    expect(second?.input).toEqual({ query: 'hi' });
    await act(() => second?.answer(plan('hi')));
    await act(() => first?.answer(plan('h')));
    expect(result.current.data).toEqual(plan('hi'));
    expect(result.current.loading).toBe(false);
  });

  it('keeps showing the previous data while a new input or a reload is on its way', async () => {
    const fake = fakeApi();
    const { result, rerender } = renderHook(({ query }) => useApiQuery('plans.list', { query }), {
      wrapper: fake.wrapper,
      initialProps: { query: '' },
    });
    await act(() => fake.last().answer(plan('all')));
    rerender({ query: 'x' });
    expect(result.current).toMatchObject({ data: plan('all'), loading: true });
    await act(() => fake.last().answer(plan('x')));
    act(() => result.current.reload());
    expect(result.current).toMatchObject({ data: plan('x'), loading: true });
    expect(fake.callsOf('plans.list')).toHaveLength(3);
  });

  it('keeps a failure (and the data from before) until a retry succeeds, never an empty answer', async () => {
    const fake = fakeApi();
    const { result } = renderHook(() => useApiQuery('plans.list', { query: '' }), { wrapper: fake.wrapper });
    await act(() => fake.last().answer(plan('before')));
    act(() => result.current.reload());
    await act(() => fake.last().fail('Ổ đĩa đầy.'));
    expect(result.current.data).toEqual(plan('before'));
    expect(result.current.error).toBeInstanceOf(Error);
    expect((result.current.error as Error).message).toBe('Ổ đĩa đầy.');
    act(() => result.current.reload());
    expect(result.current.error).not.toBeNull();
    await act(() => fake.last().answer(plan('after')));
    expect(result.current).toMatchObject({ data: plan('after'), error: null, loading: false });
  });

  it('loads again when its family changes elsewhere, or everything does', () => {
    const fake = fakeApi();
    renderHook(() => useApiQuery('plans.list', { query: '' }), { wrapper: fake.wrapper });
    renderHook(() => useApiQuery('registry.counts', {}), { wrapper: fake.wrapper });
    expect(fake.calls).toHaveLength(2);
    act(() => fake.events.changed(['plans']));
    expect(fake.callsOf('plans.list')).toHaveLength(2);
    expect(fake.callsOf('registry.counts')).toHaveLength(1);
    act(() => fake.events.changedAll());
    expect(fake.callsOf('plans.list')).toHaveLength(3);
    expect(fake.callsOf('registry.counts')).toHaveLength(2);
  });

  it('loads again when its refresh key changes (the record it belongs to was saved)', () => {
    const fake = fakeApi();
    const { rerender } = renderHook(({ rev }) => useApiQuery('audit.list', { entityId: null }, { refreshKey: rev }), {
      wrapper: fake.wrapper,
      initialProps: { rev: 'r1' },
    });
    rerender({ rev: 'r1' });
    expect(fake.calls).toHaveLength(1);
    rerender({ rev: 'r2' });
    expect(fake.calls).toHaveLength(2);
  });

  it('takes a command’s answer as its data, and then ignores an older answer still on its way', async () => {
    const fake = fakeApi();
    const { result } = renderHook(() => useApiQuery('plans.list', { query: '' }), { wrapper: fake.wrapper });
    const before = fake.last();
    act(() => result.current.setData(() => plan('saved')));
    expect(result.current).toMatchObject({ data: plan('saved'), loading: false });
    await act(() => before.answer(plan('stale')));
    expect(result.current.data).toEqual(plan('saved'));
    expect(fake.calls).toHaveLength(1);
  });
});
