/**
 * Any other digest page: papers are found by the page's repeating structure, not by a list of phrases.
 *
 * The text is cut into units (paragraphs of a hard-wrapped text, lines of a copied web page). Long
 * prose is an abstract; each abstract's title is the title-like unit before it, at the distance from
 * the abstract that the page uses most (pages are regular: the title is always one unit above, or
 * always two). Short units whose shape repeats between entries (a byline, a button, a count) are
 * furniture. A title with no abstract is kept when it sits between papers; text before the first
 * paper and after the last one is the page's header and footer. Everything that became no paper is
 * listed as skipped.
 */
import { Furniture } from './furniture.js';
import type { Line } from './lines.js';
import { titlesOfAbstracts } from './page-abstract-titles.js';
import { titlesInCards } from './page-card-titles.js';
import { groupIntoEntries } from './page-entries.js';
import { abstractIndices, classifyRoles, isAbstract } from './page-roles.js';
import { toUnits } from './page-units.js';
import type { DigestContext, DigestRead, DigestReader } from './reader.js';

export const pageReader: DigestReader = {
  source: 'page',
  label: 'Page of papers',
  score: () => 1,
  read: (lines, context) => readPage(lines, context),
};

/** Hugging Face's daily papers page: read by its structure like any page, named for what it is. */
export const hfPageReader: DigestReader = {
  source: 'hf-page',
  label: 'Hugging Face daily papers',
  score(lines) {
    let marks = 0;
    for (const line of lines.slice(0, 400)) {
      if (
        /^(get trending papers in your email inbox|daily papers|huggingface\.co\/papers)\b/i.test(line.text) ||
        /^submitted by\s/i.test(line.text) ||
        /huggingface\.co\/papers\//i.test(line.text)
      )
        marks++;
      if (/^by\s*AK and the research community$/i.test(line.text)) marks += 2;
    }
    return marks >= 2 ? 5 + marks : 0;
  },
  read: (lines, context) => readPage(lines, context),
};

function readPage(lines: readonly Line[], context: DigestContext): DigestRead {
  const units = toUnits(lines);
  const furniture = new Furniture(
    units.map((u) => u.text),
    units.filter(isAbstract).length,
  );
  const roles = classifyRoles(units, furniture, context);
  const abstracts = abstractIndices(roles);
  // Each abstract claims its title here, and the authors, ids and links between the two when grouped.
  const titleOf = titlesOfAbstracts(units, roles, abstracts);
  // A page of titles alone (no abstracts): its titles sit at one fixed place in each repeated card.
  const cardTitles = abstracts.length > 0 ? null : titlesInCards(units, roles, furniture);
  if (cardTitles)
    roles.forEach((role, i) => {
      if (role === 'title' && !cardTitles.has(i)) roles[i] = 'text';
    });
  return groupIntoEntries({ units, roles, abstracts, titleOf }, context);
}
