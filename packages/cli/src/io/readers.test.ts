import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalizeCriterionId, normalizeLevel, ownerOf, parseOwners } from '../owners.js';
import {
  dictionaryFor,
  findHeaderRow,
  looksLikeHeader,
  mapHeaders,
  parseProvince,
  parseRegion,
  resolveHeader,
} from './columns.js';
import { decodeText, detectDelimiter, readCsvText } from './read-csv.js';
import { readJsonText } from './read-json.js';
import { isDateFormat, isPercentFormat } from './read-xlsx.js';
import { csvCell } from './write-csv.js';
import { escapeHtml, scriptJson } from './write-html.js';

const dictionary = dictionaryFor();

describe('headers', () => {
  it('matches keys and Vietnamese labels, ignoring case, accents and punctuation', () => {
    const byKey = resolveHeader('health_insurance_pct', dictionary);
    const byLabel = resolveHeader('Tỷ lệ tham gia BHYT (%)', dictionary);
    const loose = resolveHeader('  ty le tham gia bhyt % ', dictionary);
    for (const result of [byKey, byLabel, loose]) {
      expect(result).toMatchObject({ target: { kind: 'measure', key: 'health_insurance_pct' } });
    }
    expect(resolveHeader('Mã xã', dictionary)).toMatchObject({ target: { kind: 'field', field: 'id' } });
    expect(resolveHeader('Tỉnh', dictionary)).toMatchObject({ target: { kind: 'field', field: 'province' } });
  });

  it('reports unknown headers with a suggestion, duplicates, and missing id/name', () => {
    const { problems } = mapHeaders(
      ['name', 'health_insurance_pc', 'BHYT', 'Tỷ lệ tham gia BHYT (%)', 'health_insurance_pct'],
      dictionary,
    );
    const reasons = problems.map((p) => `${p.column}: ${p.reason}`);
    expect(
      reasons.some((r) =>
        /health_insurance_pc: cột không nhận ra \(có phải "health_insurance_pct"\?\)/.test(r),
      ),
    ).toBe(true);
    expect(
      reasons.some((r) => /health_insurance_pct: trùng cột với "Tỷ lệ tham gia BHYT \(%\)"/.test(r)),
    ).toBe(true);
    expect(reasons.some((r) => /không có cột "id"/.test(r))).toBe(true);
    const english = mapHeaders(['name', 'health_insurance_pc'], dictionary, { lang: 'en' }).problems;
    expect(english.map((p) => p.reason).join('\n')).toMatch(
      /unknown column \(did you mean "health_insurance_pct"\?\)/,
    );
    const ignored = mapHeaders(['id', 'name', 'ghi chú'], dictionary, { ignoreUnknown: true });
    expect(ignored.problems).toEqual([]);
    expect(ignored.ignored).toEqual(['ghi chú']);
  });

  it('reads provinces and regions by id or name', () => {
    expect(parseProvince('Nam Định')).toEqual({ ok: true, value: 'nam-dinh' });
    expect(parseProvince('nam-dinh')).toEqual({ ok: true, value: 'nam-dinh' });
    expect(parseProvince('nam-dihn')).toMatchObject({ ok: false });
    expect(parseRegion('Đồng bằng sông Hồng')).toEqual({ ok: true, value: 'dbsh' });
    expect(parseRegion('dbsh')).toEqual({ ok: true, value: 'dbsh' });
    expect(parseRegion('mien bac')).toMatchObject({ ok: false });
  });
});

describe('CSV', () => {
  it('detects the separator from the header line, outside quotes', () => {
    expect(detectDelimiter('id;name;"a,b,c"\n1;2;3')).toBe(';');
    expect(detectDelimiter('id,name,"a;b;c"\n1,2,3')).toBe(',');
    expect(detectDelimiter('id\tname\n1\t2')).toBe('\t');
    expect(detectDelimiter('id')).toBe(',');
  });

  it('decodes UTF-8 with or without BOM and UTF-16, and refuses other encodings', () => {
    const text = 'Mã xã,Tên xã';
    expect(decodeText(new TextEncoder().encode(`\ufeff${text}`), 'a.csv')).toBe(text);
    expect(decodeText(new TextEncoder().encode(text), 'a.csv')).toBe(text);
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    expect(decodeText(utf16, 'a.csv')).toBe(text);
    expect(() => decodeText(Buffer.from([0x4d, 0xe3, 0x20, 0x78, 0xe3]), 'old.csv')).toThrow(
      /không phải văn bản UTF-8/,
    );
    expect(() => decodeText(Buffer.from([0x4d, 0xe3, 0x20, 0x78, 0xe3]), 'old.csv', 'en')).toThrow(
      /not UTF-8/,
    );
  });

  it('refuses binary files, UTF-16 without a byte-order mark and workbooks under a text name', () => {
    expect(() =>
      decodeText(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]), 'a.csv'),
    ).toThrow(/tệp nhị phân/);
    expect(() => decodeText(Buffer.from('id,name\n1,A\n', 'utf16le'), 'a.csv')).toThrow(/UTF-16/);
    expect(() => decodeText(Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0]), 'a.csv')).toThrow(/zip.*xlsx/);
    expect(decodeText(Buffer.from('id\tname\r\n1\tA\r\n'), 'a.csv')).toBe('id\tname\r\n1\tA\r\n');
  });

  it('reports an id that is an Excel error (#N/A) instead of skipping the row as a # comment', () => {
    const read = readCsvText('id,name\n#N/A,A\n# note, with, commas\n1,B\n', 'a.csv', dictionary);
    expect(read.rows).toBe(2);
    expect(read.problems).toMatchObject([
      { row: 2, column: 'id', reason: expect.stringMatching(/lỗi bảng tính #N\/A/) },
    ]);
    expect(read.communes.map((c) => c.row)).toEqual([4]);
  });

  it('compares ids in Unicode NFC: the same id typed with combining accents is a duplicate', () => {
    const read = readCsvText(`id,name\nxã-1,A\n${'xã-1'.normalize('NFD')},B\n`, 'a.csv', dictionary);
    expect(read.problems).toMatchObject([
      { row: 3, reason: expect.stringMatching(/mã xã xã-1 trùng với dòng 2/) },
    ]);
    expect(read.communes[0]?.commune.id).toBe('xã-1');
  });

  it('counts rows as a spreadsheet does, skipping empty rows and # comments', () => {
    const text = 'id,name,health_insurance_pct\n# ghi chú,,\n1,A,90\n\n2,B,abc\n3,C,"95,5"\n';
    const read = readCsvText(text, 'a.csv', dictionary);
    expect(read.communes.map((c) => [c.commune.id, c.row])).toEqual([
      ['1', 3],
      ['3', 6],
    ]);
    expect(read.problems).toMatchObject([
      { row: 5, column: 'health_insurance_pct', value: 'abc', communeId: '2' },
    ]);
    expect(read.communes[1]?.commune.values).toEqual({ health_insurance_pct: 95.5 });
  });

  it('reads every line as a row whatever its line ending (CRLF, LF, lone CR): rows in = evaluated + rejected', () => {
    const eol = fc.constantFrom('\n', '\r\n', '\r');
    fc.assert(
      fc.property(
        eol,
        fc.array(fc.record({ bad: fc.boolean(), blank: fc.boolean(), eol }), { minLength: 1, maxLength: 40 }),
        (headerEol, lines) => {
          let text = `id,name,health_insurance_pct${headerEol}`;
          let previous = headerEol;
          const expected: Array<{ row: number; bad: boolean }> = [];
          lines.forEach((line, i) => {
            const row = i + 2;
            // An empty line after a lone CR would make the pair one CRLF: that text has one line fewer.
            if (line.blank && previous !== '\r') text += line.eol;
            else {
              text += `c${row},Xã ${row},${line.bad ? 'abc' : '90'}${line.eol}`;
              expected.push({ row, bad: line.bad });
            }
            previous = line.eol;
          });
          const read = readCsvText(text, 'p.csv', dictionary);
          const rejected = new Set(read.problems.map((p) => p.row)).size;
          expect(read.rows).toBe(expected.length);
          expect(read.rows).toBe(read.communes.length + rejected);
          expect(read.communes.map((c) => c.row)).toEqual(expected.filter((e) => !e.bad).map((e) => e.row));
          expect(read.problems.map((p) => p.row)).toEqual(expected.filter((e) => e.bad).map((e) => e.row));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('refuses extra cells beyond the header', () => {
    const read = readCsvText('id,name\n1,A,extra\n', 'a.csv', dictionary);
    expect(read.problems[0]?.reason).toMatch(/dòng có 3 ô nhưng dòng tiêu đề có 2 cột/);
    expect(read.problems[0]?.column).toBe('(cột 3)');
    expect(read.problems[0]?.communeId).toBe('1');
  });
});

describe('JSON', () => {
  it('checks typed values, unknown measures and duplicate ids', () => {
    const text = JSON.stringify({
      communes: [
        { id: 'a', name: 'A', province: 'nam-dinh', values: { health_insurance_pct: 90 } },
        { id: 'a', name: 'A again', values: {} },
        { id: 'b', name: 'B', values: { health_insurance_pc: 90 } },
        'not a commune',
      ],
    });
    const read = readJsonText(text, 'c.json', dictionary);
    expect(read.communes.map((c) => c.commune.id)).toEqual(['a']);
    expect(read.problems.map((p) => [p.row, p.column])).toEqual([
      [2, 'id'],
      [3, 'values.health_insurance_pc'],
      [4, ''],
    ]);
  });
});

describe('JSON items', () => {
  it('does not count # comment items, and names a missing values object', () => {
    const read = readJsonText(
      JSON.stringify([{ id: '#note' }, { id: 'a', name: 'A' }, { id: 'b', name: 'B', values: {} }]),
      'c.json',
      dictionary,
    );
    expect(read.rows).toBe(2);
    expect(read.problems).toMatchObject([
      { row: 2, column: 'values', reason: expect.stringMatching(/cần "values"/) },
    ]);
    expect(read.communes.map((c) => c.row)).toEqual([3]);
  });
});

describe('Excel number formats', () => {
  it('tells percentages and dates from their format codes', () => {
    expect(isPercentFormat('0.0%')).toBe(true);
    expect(isPercentFormat('0.0"%"')).toBe(false);
    expect(isPercentFormat('General')).toBe(false);
    expect(isDateFormat('dd/mm/yyyy')).toBe(true);
    expect(isDateFormat('[$-409]d-mmm-yy')).toBe(true);
    expect(isDateFormat('0.00')).toBe(false);
    expect(isDateFormat('#,##0 "đồng"')).toBe(false);
  });
});

describe('owners.csv', () => {
  it('reads Vietnamese headers, quoted ids, levels, and picks the most specific rule', () => {
    const owners = parseOwners(
      'Tiêu chí;Phụ trách;Cấp\n14;Phòng Giáo dục;NTM\n"14";Trạm Y tế;nâng cao\nTC 17;Phòng TN&MT;\n17.10;Tổ thu gom;\n',
      'owners.csv',
    );
    expect(owners.rules).toHaveLength(4);
    expect(ownerOf(owners, 'ntm', '14', '14.1')).toBe('Phòng Giáo dục');
    expect(ownerOf(owners, 'nang-cao', '14', '14.1')).toBe('Trạm Y tế');
    expect(ownerOf(owners, 'ntm', '17', '17.2')).toBe('Phòng TN&MT');
    expect(ownerOf(owners, 'ntm', '17', '17.10')).toBe('Tổ thu gom');
    expect(ownerOf(owners, 'ntm', '2', '2.1')).toBeNull();
    expect(normalizeCriterionId('Tiêu chí 17')).toBe('17');
    expect(normalizeLevel('Xã NTM kiểu mẫu')).toBe('kieu-mau');
  });

  it('refuses a file without the needed columns, and empty cells', () => {
    expect(() => parseOwners('a,b\n1,2\n', 'o.csv')).toThrow(/criterion,owner/);
    expect(() => parseOwners('criterion,owner\n14,\n', 'o.csv')).toThrow(/o\.csv có lỗi/);
    expect(() => parseOwners('criterion,owner\n14,\n', 'o.csv', 'en')).toThrow(/o\.csv has problems/);
  });
});

describe('writers', () => {
  it('keeps embedded JSON and text from breaking out of the page', () => {
    expect(scriptJson({ name: '</script><script>alert(1)</script>' })).not.toContain('</script>');
    expect(escapeHtml('<b title="x">&')).toBe('&lt;b title=&quot;x&quot;&gt;&amp;');
  });

  it('quotes CSV cells and defuses spreadsheet formulas', () => {
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvCell(-5)).toBe('-5');
  });
});

describe('the header row', () => {
  const header = ['Mã xã', 'Tên xã', 'Tỉnh', 'Tỷ lệ tham gia BHYT (%)'];
  const rows =
    (...list: Array<string[] | null>) =>
    (n: number) =>
      n <= list.length ? (list[n - 1] ?? []) : null;

  it('is row 1 when row 1 reads as a header', () => {
    expect(findHeaderRow(rows(header, ['1', 'A', 'nam-dinh', '90']), dictionary)).toBe(1);
  });

  it('is the first row that reads as one below title rows and empty rows', () => {
    const title = ['BÁO CÁO SỐ LIỆU NÔNG THÔN MỚI NĂM 2023'];
    expect(findHeaderRow(rows(title, ['Huyện Nam Trực'], null, header, ['1', 'A']), dictionary)).toBe(4);
    expect(findHeaderRow(rows(null, header), dictionary)).toBe(2);
  });

  it('stays row 1 when nothing reads as a header (its problems are reported), or too far down', () => {
    expect(findHeaderRow(rows(['Số liệu'], ['1', 'A', '90']), dictionary)).toBe(1);
    const far = Array.from({ length: 25 }, () => ['ghi chú']);
    far.push(header);
    expect(findHeaderRow(rows(...far), dictionary)).toBe(1);
  });

  it('needs most cells of a row, and two at least, to name known columns', () => {
    expect(looksLikeHeader(header, dictionary)).toBe(true);
    expect(looksLikeHeader(['Mã xã'], dictionary)).toBe(false);
    expect(looksLikeHeader(['Mã xã', 'Tên xã', 'a', 'b', 'c'], dictionary)).toBe(false);
    expect(looksLikeHeader(['13690', 'Nam Mỹ', 'Nam Định', '92,5'], dictionary)).toBe(false);
  });

  it('is taken by the CSV reader, which numbers rows as the spreadsheet does', () => {
    const text = `Báo cáo năm 2023\n\n${header.join(';')}\n1;A;nam-dinh;90\n`;
    const read = readCsvText(text, 'x.csv', dictionary);
    expect(read.headerRow).toBe(3);
    expect(read.communes.map((c) => c.row)).toEqual([4]);
    expect(detectDelimiter(text)).toBe(';');
    const given = readCsvText(text, 'x.csv', dictionary, { headerRow: 3 });
    expect(given.communes).toEqual(read.communes);
  });

  it('numbers the rows under a title cell spread over two lines, whatever the line endings', () => {
    const text = `"Báo cáo\nnăm 2023"\r\n\r${header.join(';')}\r\n1;A;nam-dinh;90\n2;B;nam-dinh;91\r`;
    const read = readCsvText(text, 'x.csv', dictionary);
    expect(read.headerRow).toBe(3);
    expect(read.problems).toEqual([]);
    expect(read.communes.map((c) => [c.row, c.commune.id])).toEqual([
      [4, '1'],
      [5, '2'],
    ]);
  });
});
