import { isMap, parseDocument, Document, type ToStringOptions } from 'yaml';
import { FRONT_MATTER_KEYS, SECTION_NAMES, type FrontMatter, type SectionName } from './render.js';

/** A part of an exported file's body: text the user owns, or a section Margin owns. */
export type Part =
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'section'; readonly name: SectionName; readonly content: string };

export interface ParsedFile {
  /** The YAML between the `---` lines, as written. */
  readonly frontMatter: string;
  readonly parts: readonly Part[];
}

/** Every string double-quoted and never folded: any YAML parser (1.1 or 1.2) reads back exactly what was written. */
const YAML_OPTIONS: ToStringOptions = {
  defaultStringType: 'QUOTE_DOUBLE',
  defaultKeyType: 'PLAIN',
  lineWidth: 0,
  minContentWidth: 0,
};

export const beginMarker = (name: string) => `<!-- margin:${name} -->`;
export const endMarker = (name: string) => `<!-- /margin:${name} -->`;
const MARKER = /^<!-- (\/?)margin:([a-z-]+) -->$/;

/** The text of a new file: front matter, then Margin's sections with a blank line between them. */
export function composeNew(frontMatter: FrontMatter, sections: Record<SectionName, string>): string {
  const parts: Part[] = [];
  for (const name of SECTION_NAMES) {
    parts.push({ kind: 'text', text: '\n' });
    parts.push({ kind: 'section', name, content: sections[name] });
  }
  parts.push({ kind: 'text', text: '\n' });
  return compose(yamlFor(frontMatter, null), parts);
}

export function compose(frontMatter: string, parts: readonly Part[]): string {
  const body = parts
    .map((p) => (p.kind === 'text' ? p.text : `${beginMarker(p.name)}\n${p.content}\n${endMarker(p.name)}\n`))
    .join('');
  return `---\n${frontMatter}---\n${body}`;
}

/**
 * Split a file Margin wrote (and the user may have edited) into its parts; null when Margin's structure
 * is gone (no front matter, a marker removed or doubled), which the export reports instead of guessing.
 */
export function parseFile(source: string): ParsedFile | null {
  const normalized = source.replace(/\r\n/g, '\n');
  if (!normalized.startsWith('---\n')) return null;
  const close = normalized.indexOf('\n---\n', 3);
  if (close < 0) return null;
  const frontMatter = normalized.slice(4, close + 1);
  const lines = normalized.slice(close + 5).split('\n');
  const parts: Part[] = [];
  const seen = new Set<string>();
  let text: string[] = [];
  let open: { name: SectionName; lines: string[] } | null = null;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? '';
    const marker = MARKER.exec(line.trim());
    const isLast = i === lines.length - 1;
    if (marker) {
      const [, slash, name = ''] = marker;
      if (!isSectionName(name)) return null;
      if (slash === '' && open === null && !seen.has(name)) {
        if (text.length > 0) parts.push({ kind: 'text', text: `${text.join('\n')}\n` });
        text = [];
        open = { name, lines: [] };
        seen.add(name);
        continue;
      }
      if (slash === '/' && open?.name === name) {
        parts.push({ kind: 'section', name, content: open.lines.join('\n') });
        open = null;
        continue;
      }
      return null;
    }
    if (open) open.lines.push(line);
    else if (!isLast || line !== '') text.push(line);
  }
  if (open !== null || seen.size !== SECTION_NAMES.length) return null;
  if (text.length > 0) parts.push({ kind: 'text', text: `${text.join('\n')}\n` });
  return { frontMatter, parts };
}

function isSectionName(name: string): name is SectionName {
  return (SECTION_NAMES as readonly string[]).includes(name);
}

/**
 * Front matter with Margin's keys set. Given the user's current YAML, their own keys and comments are
 * kept and only Margin's values change.
 */
export function yamlFor(values: Readonly<Record<string, unknown>>, existing: string | null): string {
  const doc = existing === null ? new Document({}) : parseDocument(existing);
  if (!isMap(doc.contents)) throw new Error('front matter is not a YAML mapping');
  for (const key of FRONT_MATTER_KEYS) doc.set(key, values[key] ?? null);
  return doc.toString(YAML_OPTIONS);
}

/** Margin's keys as the file has them now (for conflict checks); null when the YAML does not parse. */
export function readFrontMatter(yaml: string): Record<string, unknown> | null {
  const doc = parseDocument(yaml);
  if (doc.errors.length > 0 || !isMap(doc.contents)) return null;
  const json = doc.toJS() as Record<string, unknown>; // a YAML mapping becomes a plain object
  return Object.fromEntries(FRONT_MATTER_KEYS.map((k) => [k, json[k] ?? null]));
}
