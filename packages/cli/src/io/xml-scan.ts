/**
 * A streaming XML scanner for the parts of an .xlsx workbook: text is pushed in pieces of any size and the
 * handler hears each element's opening (its local name and its attributes as written), its text (entities
 * decoded, CDATA kept as written) and its closing. Nothing is kept but the element being read, so a worksheet
 * of hundreds of megabytes is read in constant memory.
 *
 * It checks what a workbook needs to be read correctly: elements close in order, entities are the five
 * predefined ones or character references. A document type declaration (which could define entities) is
 * refused, as are tags and texts longer than {@link XML_LIMITS}. Namespace prefixes are dropped (`x:row` is
 * `row`): spreadsheet parts use one namespace per element name.
 *
 * Measured against saxes (the parser exceljs uses) on a 10,000-row sheet, this is 2–3× faster, which is what
 * makes an Excel file cost about what the same data as CSV costs (docs/performance.md, "W3").
 */

export class XmlError extends Error {
  override name = 'XmlError';
}

export const XML_LIMITS = {
  /** Characters of one tag (its name and attributes). */
  tag: 1024 * 1024,
  /** Characters of one text the handler asked for (Excel's own limit for a cell is 32,767). */
  text: 16 * 1024 * 1024,
} as const;

export interface XmlHandler {
  /** An element opens; `empty` for `<name/>` (no `close` follows). */
  open(name: string, attributes: string, empty: boolean): void;
  /** Text inside the current element, delivered only while `wantsText` is true. */
  text(text: string): void;
  close(name: string): void;
  /** Whether the handler needs the text at this point (other text is skipped without being decoded). */
  readonly wantsText: boolean;
}

enum State {
  Text,
  Tag,
  /** After `<!`: a comment or a CDATA section (anything else is refused). */
  Bang,
  Comment,
  Cdata,
  Instruction,
}

const LT = 60; // <
const GT = 62; // >
const QUOTE = 34; // "
const APOSTROPHE = 39; // '

function localName(name: string): string {
  const colon = name.indexOf(':');
  return colon < 0 ? name : name.slice(colon + 1);
}

const NAMED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/** Replaces the predefined entities and character references; anything else is an error. */
export function decodeEntities(text: string): string {
  if (text.indexOf('&') < 0) return text;
  return text.replace(/&([^;&\s]{0,10});/g, (whole, name: string) => {
    const named = NAMED[name];
    if (named !== undefined) return named;
    const code =
      name.startsWith('#x') || name.startsWith('#X')
        ? Number.parseInt(name.slice(2), 16)
        : name.startsWith('#')
          ? Number.parseInt(name.slice(1), 10)
          : Number.NaN;
    if (!Number.isInteger(code) || code < 0 || code > 0x10ffff) throw new XmlError(`unknown entity ${whole}`);
    return String.fromCodePoint(code);
  });
}

/**
 * The value of attribute `name` (its local name: `r:id` is found as `id`) in the attributes of a tag as
 * written, decoded; null when absent.
 */
export function attribute(attributes: string, name: string): string | null {
  let at = 0;
  const length = attributes.length;
  while (at < length) {
    // Skip white space, then read a name up to `=`.
    let code = attributes.charCodeAt(at);
    while (code === 32 || code === 9 || code === 10 || code === 13) code = attributes.charCodeAt(++at);
    if (at >= length) break;
    const equals = attributes.indexOf('=', at);
    if (equals < 0) break;
    const written = attributes.slice(at, equals).trim();
    let quoteAt = equals + 1;
    code = attributes.charCodeAt(quoteAt);
    while (code === 32 || code === 9 || code === 10 || code === 13) code = attributes.charCodeAt(++quoteAt);
    if (code !== QUOTE && code !== APOSTROPHE) throw new XmlError('attribute value without quotes');
    const end = attributes.indexOf(code === QUOTE ? '"' : "'", quoteAt + 1);
    if (end < 0) throw new XmlError('attribute value not closed');
    if (localName(written) === name) return decodeEntities(attributes.slice(quoteAt + 1, end));
    at = end + 1;
  }
  return null;
}

export class XmlScanner {
  readonly #handler: XmlHandler;
  #state = State.Text;
  /** The tag being read (after `<`), or the text being gathered. */
  #tag = '';
  #text: string[] = [];
  #textLength = 0;
  /** Inside a tag: the quote of the attribute value being read (0 outside one). */
  #quote = 0;
  /** What was kept of the last piece while searching for the end of a comment, CDATA or instruction. */
  #tail = '';
  #bang = '';
  #open: string[] = [];
  #started = false;
  #done = false;

  constructor(handler: XmlHandler) {
    this.#handler = handler;
  }

  /** Stops reading: later pieces are ignored (a reader that has what it needs). */
  stop(): void {
    this.#done = true;
  }

  get stopped(): boolean {
    return this.#done;
  }

  push(piece: string): void {
    let chunk = piece;
    if (!this.#started) {
      if (chunk.charCodeAt(0) === 0xfeff) chunk = chunk.slice(1);
      this.#started = chunk.length > 0;
    }
    let at = 0;
    const length = chunk.length;
    while (at < length && !this.#done) {
      switch (this.#state) {
        case State.Text: {
          const lt = chunk.indexOf('<', at);
          const end = lt < 0 ? length : lt;
          if (end > at && this.#handler.wantsText) {
            this.#textLength += end - at;
            if (this.#textLength > XML_LIMITS.text) throw new XmlError('text too long');
            this.#text.push(chunk.slice(at, end));
          }
          if (lt < 0) {
            at = length;
            break;
          }
          this.#flushText();
          this.#state = State.Tag;
          this.#tag = '';
          this.#quote = 0;
          at = lt + 1;
          break;
        }
        case State.Tag:
          at = this.#readTag(chunk, at);
          break;
        case State.Bang:
          at = this.#readBang(chunk, at);
          break;
        case State.Comment:
          at = this.#skipTo(chunk, at, '-->', false);
          break;
        case State.Cdata:
          at = this.#skipTo(chunk, at, ']]>', true);
          break;
        case State.Instruction:
          at = this.#skipTo(chunk, at, '?>', false);
          break;
      }
    }
  }

  /** The document is complete: throws when it ends inside a tag or with elements still open. */
  end(): void {
    if (this.#done) return;
    if (this.#state !== State.Text || this.#open.length > 0) throw new XmlError('the document ends early');
    this.#flushText();
  }

  #flushText(): void {
    if (this.#text.length === 0) return;
    const text = this.#text.length === 1 ? (this.#text[0] as string) : this.#text.join('');
    this.#text = [];
    this.#textLength = 0;
    this.#handler.text(decodeEntities(text));
  }

  /** Reads a tag up to its closing `>` (outside quoted values); returns where reading goes on. */
  #readTag(chunk: string, from: number): number {
    let at = from;
    const length = chunk.length;
    let quote = this.#quote;
    if (this.#tag.length === 0) {
      const first = chunk.charCodeAt(at);
      if (first === 63 /* ? */) {
        this.#state = State.Instruction;
        this.#tail = '';
        return at + 1;
      }
      if (first === 33 /* ! */) {
        this.#state = State.Bang;
        this.#bang = '';
        return at;
      }
    }
    for (; at < length; at++) {
      const code = chunk.charCodeAt(at);
      if (quote !== 0) {
        if (code === quote) quote = 0;
      } else if (code === QUOTE || code === APOSTROPHE) quote = code;
      else if (code === GT) break;
      else if (code === LT) throw new XmlError('"<" inside a tag');
    }
    const part = chunk.slice(from, at);
    if (this.#tag.length + part.length > XML_LIMITS.tag) throw new XmlError('tag too long');
    if (at >= length) {
      this.#tag += part;
      this.#quote = quote;
      return length;
    }
    const tag = this.#tag.length === 0 ? part : this.#tag + part;
    this.#tag = '';
    this.#quote = 0;
    this.#state = State.Text;
    this.#element(tag);
    return at + 1;
  }

  #element(tag: string): void {
    if (tag.charCodeAt(0) === 47 /* / */) {
      const name = tag.slice(1).trim();
      const expected = this.#open.pop();
      if (expected !== name) throw new XmlError(`</${name}> does not close <${expected ?? ''}>`);
      this.#handler.close(localName(name));
      return;
    }
    const empty = tag.charCodeAt(tag.length - 1) === 47; /* / */
    const body = empty ? tag.slice(0, -1) : tag;
    let end = 0;
    while (end < body.length) {
      const code = body.charCodeAt(end);
      if (code === 32 || code === 9 || code === 10 || code === 13) break;
      end++;
    }
    const name = body.slice(0, end);
    if (name === '') throw new XmlError('a tag without a name');
    if (!empty) this.#open.push(name);
    this.#handler.open(localName(name), body.slice(end), empty);
  }

  #readBang(chunk: string, from: number): number {
    let at = from;
    while (at < chunk.length) {
      this.#bang += chunk[at++];
      if (this.#bang === '!--') {
        this.#state = State.Comment;
        this.#tail = '';
        return at;
      }
      if (this.#bang === '![CDATA[') {
        this.#state = State.Cdata;
        this.#tail = '';
        return at;
      }
      if (!'!--'.startsWith(this.#bang) && !'![CDATA['.startsWith(this.#bang)) {
        throw new XmlError('document type declarations are not read');
      }
    }
    return at;
  }

  /** Skips (or, for CDATA, reads as text) up to `marker`, which may be split across pieces. */
  #skipTo(chunk: string, from: number, marker: string, keep: boolean): number {
    const joined = this.#tail + chunk.slice(from);
    const found = joined.indexOf(marker);
    const upTo = found < 0 ? Math.max(0, joined.length - (marker.length - 1)) : found;
    if (keep && this.#handler.wantsText && upTo > 0) {
      // CDATA is text as written (never decoded): it goes to the handler apart from the text around it.
      this.#textLength += upTo;
      if (this.#textLength > XML_LIMITS.text) throw new XmlError('text too long');
      this.#flushText();
      this.#handler.text(joined.slice(0, upTo));
    }
    if (found < 0) {
      this.#tail = joined.slice(upTo);
      return chunk.length;
    }
    const consumed = found + marker.length - this.#tail.length;
    this.#tail = '';
    this.#state = State.Text;
    return from + consumed;
  }
}
