import { describe, expect, it } from 'vitest';
import { dictionaryFor } from './columns.js';
import { readCsvText } from './read-csv.js';
import { readJsonText } from './read-json.js';
import { dateInData, dateInFileName, isoDay, parseDayText } from './snapshot-date.js';

describe('the date of a snapshot', () => {
  it('reads a date in a file name, in the shapes people use', () => {
    expect(dateInFileName('data-2023-11-15.csv')).toEqual({ kind: 'date', date: '2023-11-15' });
    expect(dateInFileName('/tmp/so lieu/so-lieu_15.11.2023.xlsx')).toEqual({
      kind: 'date',
      date: '2023-11-15',
    });
    expect(dateInFileName('bao-cao-20231001.csv')).toEqual({ kind: 'date', date: '2023-10-01' });
    expect(dateInFileName('ky-truoc_2023_08_15.json')).toEqual({ kind: 'date', date: '2023-08-15' });
    // The folder does not count: only the file's own name.
    expect(dateInFileName('2023-11-15/data.csv')).toEqual({ kind: 'none' });
    expect(dateInFileName('data.csv')).toEqual({ kind: 'none' });
  });

  it('calls a name unclear when it holds two dates, or digits shaped like a day that does not exist', () => {
    expect(dateInFileName('data-2023-10-01-to-2023-11-15.csv')).toEqual({
      kind: 'unclear',
      found: ['2023-10-01', '2023-11-15'],
    });
    expect(dateInFileName('data-2023-11-31.csv')).toEqual({ kind: 'unclear', found: ['2023-11-31'] });
    // The same date written twice is one date.
    expect(dateInFileName('2023-11-15-data-2023-11-15.csv')).toEqual({ kind: 'date', date: '2023-11-15' });
  });

  it('reads dates typed in a cell, day first as in Vietnam', () => {
    expect(parseDayText('15/11/2023')).toBe('2023-11-15');
    expect(parseDayText(' 1-2-2024 ')).toBe('2024-02-01');
    expect(parseDayText('2023-11-15')).toBe('2023-11-15');
    expect(parseDayText('29/02/2023')).toBeNull();
    expect(parseDayText('11/15/2023')).toBeNull();
    expect(parseDayText('hôm nay')).toBeNull();
    expect(isoDay(2024, 2, 29)).toBe('2024-02-29');
  });

  it("takes the data's own date column, and tells when rows disagree", () => {
    const dictionary = dictionaryFor();
    const csv = (rows: string[]) =>
      readCsvText(['id,name,Ngày số liệu,health_insurance_pct', ...rows].join('\n'), 'data.csv', dictionary);
    const same = csv(['1,A,15/11/2023,90', '2,B,2023-11-15,91']);
    expect(same.problems).toEqual([]);
    expect(dateInData(same)).toEqual({ kind: 'date', date: '2023-11-15' });
    expect(same.communes[0]?.commune).not.toHaveProperty('asOf');
    const mixed = csv(['1,A,15/11/2023,90', '2,B,01/10/2023,91']);
    expect(dateInData(mixed)).toEqual({
      kind: 'mixed',
      dates: [
        { date: '2023-11-15', row: 2 },
        { date: '2023-10-01', row: 3 },
      ],
    });
    const bad = csv(['1,A,31/11/2023,90']);
    expect(bad.problems).toMatchObject([
      {
        row: 2,
        column: 'Ngày số liệu',
        value: '31/11/2023',
        reason: expect.stringMatching(/không phải một ngày có thật/),
      },
    ]);
    expect(dateInData(csv(['1,A,,90']))).toEqual({ kind: 'none' });
  });

  it('reads the date of a JSON file: { "asOf", "communes" } or on each item', () => {
    const dictionary = dictionaryFor();
    const whole = readJsonText(
      JSON.stringify({ asOf: '2023-11-15', communes: [{ id: '1', name: 'A', values: {} }] }),
      'data.json',
      dictionary,
    );
    expect(dateInData(whole)).toEqual({ kind: 'date', date: '2023-11-15' });
    const items = readJsonText(
      JSON.stringify([{ id: '1', name: 'A', asOf: '15/11/2023', values: {} }]),
      'data.json',
      dictionary,
    );
    expect(items.problems).toEqual([]);
    expect(dateInData(items)).toEqual({ kind: 'date', date: '2023-11-15' });
    expect(() =>
      readJsonText(JSON.stringify({ asOf: 'tháng 11', communes: [] }), 'data.json', dictionary),
    ).toThrow(/"asOf": tháng 11: ngày số liệu không phải một ngày có thật/);
  });
});
