import { describe, expect, it } from 'vitest';
import { dateParts, formatDate, isValidCalendarDate, parseTypedDate } from '../../shared/format/date';

describe('dates as the office writes them', () => {
  it('shows ISO dates as dd/mm/yyyy', () => {
    expect(formatDate('2020-02-09')).toBe('09/02/2020');
    expect(formatDate('')).toBe('');
    expect(formatDate(null)).toBe('');
    expect(formatDate('09/02/2020')).toBe('');
  });

  it('reads what clerks type', () => {
    expect(parseTypedDate('9/2/2020')).toBe('2020-02-09');
    expect(parseTypedDate('09.02.2020')).toBe('2020-02-09');
    expect(parseTypedDate('9-2-20')).toBe('2020-02-09');
    expect(parseTypedDate('31/02/2020')).toBeNull();
    expect(parseTypedDate('29/02/2019')).toBeNull();
    expect(parseTypedDate('29/02/2020')).toBe('2020-02-29');
    expect(parseTypedDate('hôm nay')).toBeNull();
  });

  it('splits a date for "ngày … tháng … năm …"', () => {
    expect(dateParts('2018-01-04')).toEqual({ day: '04', month: '01', year: '2018' });
    expect(dateParts('bad')).toBeNull();
    expect(isValidCalendarDate(2024, 2, 29)).toBe(true);
  });
});
