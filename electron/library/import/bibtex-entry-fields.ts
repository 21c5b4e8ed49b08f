/**
 * The fields of one entry's text (`@type{key, name = value, …}`, as the parser gives it in `entry.input`),
 * read by the grammar of the parser's first pass (@retorquere/bibtex-parser's verbatim reader): whitespace
 * and `%` comments between tokens, values in braces (a backslash escapes the next character), in quotes,
 * or bare (a number or a macro), joined by `#`. Used to check, after a parse without errors, where each
 * field's value lies; null for anything this reading does not follow, so the caller does not rely on it.
 */

export interface EntryField {
  /** Lower-cased, as the parser names it. */
  readonly name: string;
  /** The first value's content, inside its braces or quotes (for a bare value, the value). */
  readonly start: number;
  readonly end: number;
  /** How the first value is written. */
  readonly kind: 'braces' | 'quotes' | 'bare';
  /** Values joined by `#`. */
  readonly parts: number;
}

/** Characters of a bare key or value (the reader's own set, and any letter). */
const KEY_CHAR = /[+'a-zA-Z0-9&;_:\\./-]|[\p{Lu}\p{Lt}\p{Ll}\p{Lm}\p{Lo}]/u;

class Unread extends Error {}

export function entryFields(text: string): EntryField[] | null {
  try {
    return new EntryReader(text).read();
  } catch (error) {
    if (error instanceof Unread) return null;
    throw error;
  }
}

class EntryReader {
  private pos = 0;
  private readonly fields: EntryField[] = [];
  constructor(private readonly text: string) {}

  read(): EntryField[] {
    this.expect('@');
    this.key('');
    this.skip();
    const open = this.text[this.pos];
    const guard = open === '{' ? '}' : open === '(' ? ')' : null;
    if (guard === null) throw new Unread();
    this.pos++;
    this.skip();
    if (this.at(guard)) return this.end(guard);
    // The citation key, or (with `=` after it) the first field.
    const first = this.at(',') ? '' : this.key('[]*"');
    this.skip();
    if (this.at('=')) this.field(first);
    this.skip();
    if (this.at(',')) this.pos++;
    this.skip();
    if (this.at(guard)) return this.end(guard);
    this.field('');
    for (this.skip(); this.at(','); this.skip()) {
      this.pos++;
      this.skip();
      if (this.at(guard)) return this.end(guard);
      this.field('');
    }
    return this.end(guard);
  }

  private end(guard: string): EntryField[] {
    this.expect(guard);
    this.skip();
    if (this.pos !== this.text.length) throw new Unread();
    return this.fields;
  }

  private field(given: string): void {
    const name = given || this.key('');
    if (!name) throw new Unread(); // the reader returns without reading on (a case not followed here)
    this.skip();
    this.expect('=');
    this.skip();
    const first = this.value();
    let parts = 1;
    for (this.skip(); this.at('#'); this.skip()) {
      this.pos++;
      this.skip();
      this.value();
      parts++;
    }
    this.fields.push({ name: name.toLowerCase(), ...first, parts });
  }

  private value(): { start: number; end: number; kind: EntryField['kind'] } {
    if (this.at('{')) return this.braces();
    if (this.at('"')) return this.quotes();
    const start = this.pos;
    if (this.key('') === '') throw new Unread();
    return { start, end: this.pos, kind: 'bare' };
  }

  private braces(): { start: number; end: number; kind: 'braces' } {
    const start = ++this.pos;
    let depth = 0;
    let math = false;
    for (; this.pos < this.text.length; this.pos++) {
      const ch = this.text[this.pos];
      if (ch === '\\') this.pos++;
      else if (ch === '{') depth++;
      else if (ch === '$') math = !math;
      else if (ch === '}' && depth-- === 0) {
        if (math) throw new Unread();
        return { start, end: this.pos++, kind: 'braces' };
      }
    }
    throw new Unread();
  }

  private quotes(): { start: number; end: number; kind: 'quotes' } {
    const start = ++this.pos;
    let depth = 0;
    for (; this.pos < this.text.length; this.pos++) {
      const ch = this.text[this.pos];
      if (ch === '\\') this.pos++;
      else if (ch === '{') depth++;
      else if (ch === '}') depth--;
      else if (ch === '"' && depth <= 0) return { start, end: this.pos++, kind: 'quotes' };
    }
    throw new Unread();
  }

  private key(allow: string): string {
    const start = this.pos;
    for (; this.pos < this.text.length; this.pos++) {
      const code = this.text.charCodeAt(this.pos);
      // Letters and digits, most of any key, without the regex.
      if ((code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 48 && code <= 57)) continue;
      const ch = this.text[this.pos] ?? '';
      if (!KEY_CHAR.test(ch) && !allow.includes(ch)) break;
    }
    return this.text.slice(start, this.pos);
  }

  /** Whitespace and `%` comments (to the end of their line). */
  private skip(): void {
    while (this.pos < this.text.length) {
      const ch = this.text[this.pos];
      if (ch === '%') {
        const eol = this.text.indexOf('\n', this.pos);
        this.pos = eol === -1 ? this.text.length : eol;
      } else if (ch === ' ' || ch === '\t' || ch === '\r' || ch === '\n') this.pos++;
      else return;
    }
  }

  private at(s: string): boolean {
    return this.text.startsWith(s, this.pos);
  }

  private expect(s: string): void {
    if (!this.at(s)) throw new Unread();
    this.pos += s.length;
  }
}
