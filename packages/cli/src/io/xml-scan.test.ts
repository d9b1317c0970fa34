import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { attribute, XML_LIMITS, XmlError, XmlScanner } from './xml-scan.js';

type Event = ['open', string, string, boolean] | ['text', string] | ['close', string];

/** What a handler that wants every text hears, the document pushed in the given pieces. */
function scan(pieces: readonly string[]): Event[] {
  const events: Event[] = [];
  const scanner = new XmlScanner({
    wantsText: true,
    open: (name, attributes, empty) => events.push(['open', name, attributes, empty]),
    text: (text) => {
      // Text may arrive in several calls (CDATA apart from the text around it): join neighbours.
      const last = events.at(-1);
      if (last?.[0] === 'text') last[1] += text;
      else events.push(['text', text]);
    },
    close: (name) => events.push(['close', name]),
  });
  for (const piece of pieces) scanner.push(piece);
  scanner.end();
  return events;
}

/** The document cut at the given offsets. */
function cut(document: string, offsets: readonly number[]): string[] {
  const points = [...new Set(offsets.map((offset) => offset % (document.length + 1)))].sort((a, b) => a - b);
  const pieces: string[] = [];
  let from = 0;
  for (const point of points) {
    pieces.push(document.slice(from, point));
    from = point;
  }
  pieces.push(document.slice(from));
  return pieces;
}

const SHEET =
  '\uFEFF<?xml version="1.0" encoding="UTF-8"?><!-- a > comment --><x:worksheet xmlns:x="urn:x">' +
  '<x:sheetData><x:row r="1" spans="1:3"><x:c r="A1" t="s"><x:v>0</x:v></x:c>' +
  `<x:c r="B1" t="inlineStr" note='say "a > b"'><x:is><x:t>Xã &amp; &#x1EA1;p &lt;1&gt;</x:t></x:is></x:c>` +
  '<x:c r="C1"\n  s="2"><x:v><![CDATA[1 < 2 > 0]]></x:v></x:c><x:c r="D1" s="3"/></x:row></x:sheetData></x:worksheet>';

describe('XmlScanner', () => {
  it('reads elements, attributes as written (quoted ">" included), entities and CDATA', () => {
    expect(scan([SHEET])).toEqual([
      ['open', 'worksheet', ' xmlns:x="urn:x"', false],
      ['open', 'sheetData', '', false],
      ['open', 'row', ' r="1" spans="1:3"', false],
      ['open', 'c', ' r="A1" t="s"', false],
      ['open', 'v', '', false],
      ['text', '0'],
      ['close', 'v'],
      ['close', 'c'],
      ['open', 'c', ` r="B1" t="inlineStr" note='say "a > b"'`, false],
      ['open', 'is', '', false],
      ['open', 't', '', false],
      ['text', 'Xã & ạp <1>'],
      ['close', 't'],
      ['close', 'is'],
      ['close', 'c'],
      ['open', 'c', ' r="C1"\n  s="2"', false],
      ['open', 'v', '', false],
      ['text', '1 < 2 > 0'],
      ['close', 'v'],
      ['close', 'c'],
      ['open', 'c', ' r="D1" s="3"', true],
      ['close', 'row'],
      ['close', 'sheetData'],
      ['close', 'worksheet'],
    ]);
    expect(attribute(` r="B1" t="inlineStr" note='say "a > b"'`, 'note')).toBe('say "a > b"');
  });

  it('hears the same events wherever the pieces are cut (inside tags, quoted values, entities, CDATA)', () => {
    const whole = scan([SHEET]);
    for (let point = 0; point <= SHEET.length; point++) {
      expect(scan([SHEET.slice(0, point), SHEET.slice(point)])).toEqual(whole);
    }
    fc.assert(
      fc.property(fc.array(fc.nat(), { maxLength: 40 }), (offsets) => {
        expect(scan(cut(SHEET, offsets))).toEqual(whole);
      }),
    );
    expect(scan([...SHEET])).toEqual(whole);
  });

  it('reads generated tags with many quoted attributes the same in any pieces', () => {
    const value = fc.stringMatching(/^[a-z0-9 <>/=']{0,12}$/).map((text) => text.replaceAll('<', '&lt;'));
    const tag = fc.tuple(
      fc.constantFrom('row', 'c', 'x:c', 'v'),
      fc.array(fc.tuple(fc.constantFrom('r', 's', 't', 'x:id'), value), { maxLength: 8 }),
    );
    fc.assert(
      fc.property(
        fc.array(tag, { minLength: 1, maxLength: 6 }),
        fc.array(fc.nat(), { maxLength: 20 }),
        (tags, offsets) => {
          const body = tags
            .map(
              ([name, attributes]) =>
                `<${name}${attributes.map(([key, text]) => ` ${key}="${text}"`).join('')}/>`,
            )
            .join('text');
          const document = `<root>${body}</root>`;
          const events = scan(cut(document, offsets));
          expect(events).toEqual(scan([document]));
          const opened = events.filter((event) => event[0] === 'open' && event[3]);
          expect(opened.map((event) => event[1])).toEqual(tags.map(([name]) => name.replace('x:', '')));
        },
      ),
    );
  });

  it('refuses what a workbook never holds, whole or in pieces', () => {
    for (const document of [
      '<a><b c="1" < d="2"/></a>',
      '<a></b>',
      '<a>&bogus;</a>',
      '<!DOCTYPE a [<!ENTITY x "y">]><a>&x;</a>',
      '<a><b',
      '<a>',
      `<a b="${'x'.repeat(XML_LIMITS.tag)}"/>`,
    ]) {
      expect(() => scan([document]), document.slice(0, 40)).toThrow(XmlError);
      expect(() => scan(cut(document, [3, 7, 11])), document.slice(0, 40)).toThrow(XmlError);
    }
  });
});
