/** What each unit of a page is (abstract, title, byline, link, date, furniture or other text), judged by its shape. */
import { arxivRefIn, doiIn } from './ids.js';
import type { Furniture } from './furniture.js';
import { parsePageDate } from './page-date.js';
import type { Unit } from './page-units.js';
import { isCapitalisedName, splitAuthors } from './people.js';
import type { DigestContext } from './reader.js';

/** `text`: read, but no part of a paper (listed as skipped); `furniture`: repeated page chrome (not listed). */
export type Role = 'abstract' | 'title' | 'authors' | 'link' | 'date' | 'furniture' | 'text';

const SENTENCE_END = /[.!?。]["'”)\]]?$/;

/** The role of every unit, short abstracts included (a prose line right after a title, inside the run of papers). */
export function classifyRoles(units: readonly Unit[], furniture: Furniture, context: DigestContext): Role[] {
  const roles = units.map((unit) => roleOf(unit, furniture, context));
  // A short abstract still reads as prose (it ends with a full stop) right after a title; outside the run
  // of long abstracts (the page's header and footer) such a pair is page copy, not a paper.
  const long = abstractIndices(roles);
  const [firstLong, lastLong] = [long[0] ?? -1, long.at(-1) ?? units.length];
  for (let i = 1; i < units.length; i++) {
    const unit = units[i] as Unit;
    const inside =
      long.length === 0 || (i > firstLong && i < lastLong) || (unit.words >= 5 && (units[i - 1] as Unit).words >= 3);
    if (inside && roles[i] === 'title' && roles[i - 1] === 'title' && /\.["'”)\]]?$/.test(unit.text))
      roles[i] = 'abstract';
  }
  return roles;
}

/** Indices of the units that are abstracts, in page order. */
export function abstractIndices(roles: readonly Role[]): number[] {
  return roles.flatMap((role, i) => (role === 'abstract' ? [i] : []));
}

function roleOf(unit: Unit, furniture: Furniture, context: DigestContext): Role {
  const { text, words } = unit;
  if (parsePageDate(text, context.today) !== null) return 'date';
  if (isAbstract(unit)) return 'abstract';
  if (/^(https?:\/\/\S+|arxiv:\S+|doi:\s*\S+)$/i.test(text))
    return arxivRefIn(text) || doiIn(text) ? 'link' : 'furniture';
  if (furniture.has(text)) return 'furniture';
  if (/^[\d\s.,:;·•|+#%()kKmM-]*$/u.test(text) || isEmailAddress(text)) return 'furniture';
  if (looksLikeAuthors(text)) return 'authors';
  if (words >= 2 && words <= 60 && text.length <= 400 && /^[\p{L}\p{N}"'“‘(\[$\\¿¡]/u.test(text) && !/:$/.test(text))
    return 'title';
  return 'furniture';
}

/** `name@host.tld`, checked without a regex that could backtrack on a long line. */
function isEmailAddress(text: string): boolean {
  const at = text.indexOf('@');
  return at > 0 && !/\s/.test(text) && text.lastIndexOf('.') > at + 1 && text.lastIndexOf('.') < text.length - 1;
}

/** Long prose, or several sentences: an abstract, whatever it ends with (a URL, `Code: …`, a formula). */
export function isAbstract(unit: Unit): boolean {
  if (unit.words >= 35) return true;
  if (unit.words < 20) return false;
  // Titles may ask a question and go on ("Is This the Subspace…? An Illusion for…"); prose has full stops.
  return /\.\s+\p{Lu}/u.test(unit.text) || SENTENCE_END.test(unit.text);
}

/** `A. Author, B. Author and C. Author` or `Authors: …`: names, not a title (titles have colons and few commas). */
function looksLikeAuthors(text: string): boolean {
  if (/^authors?\s*:/i.test(text)) return true;
  if (text.includes(':')) return false;
  const names = splitAuthors(text);
  if (names.length < 2) return false;
  return /[,;]/.test(text) && names.every((name) => isCapitalisedName(name));
}

/** `Alice Smith and Bob Jones`: a byline without commas, which a page may put between title and abstract. */
export function isNameList(text: string): boolean {
  const names = splitAuthors(text);
  return names.length >= 2 && names.every((n) => isCapitalisedName(n, 2));
}
