import type { Cite } from '@citation-js/core';
import chicagoAuthorDate from '../../../assets/csl/chicago-author-date.csl';
import ieee from '../../../assets/csl/ieee.csl';
import type { CitationStyle } from '../../../shared/models/citations.js';

/** The styles formatted by citeproc-js; BibTeX and CSL-JSON come from Margin's own writers. */
export type FormattedStyle = Exclude<CitationStyle, 'bibtex' | 'csl-json'>;

/**
 * The citation-js template behind each formatted style. APA (7th edition) comes with plugin-csl; Chicago
 * and IEEE are the CSL project's own files (assets/csl/, CC BY-SA 3.0), bundled as text.
 */
const TEMPLATES: Readonly<Record<FormattedStyle, { name: string; xml: string | null }>> = {
  apa: { name: 'apa', xml: null },
  chicago: { name: 'margin-chicago-author-date', xml: withoutAheadOfPrint(chicagoAuthorDate) },
  ieee: { name: 'margin-ieee', xml: ieee },
};

/**
 * Chicago calls a journal article with a DOI but no volume, issue or pages "ahead of print". Margin keeps no
 * volume or pages, so every journal article would read as unpublished: the term is emptied (the one change
 * made to the style; assets/csl/SOURCES.md says so).
 */
function withoutAheadOfPrint(xml: string): string {
  const term = '<term name="advance-online-publication">ahead of print</term>';
  if (!xml.includes(term)) throw new Error('chicago-author-date.csl changed: look again at withoutAheadOfPrint');
  return xml.replace(term, '<term name="advance-online-publication"></term>');
}

/** The only locale used; plugin-csl bundles it, so citeproc never asks for one it would have to fetch. */
export const CITATION_LOCALE = 'en-US';

/** citeproc-js through citation-js, and the template name for a style (its CSL file registered on first use). */
export interface CitationEngine {
  readonly Cite: typeof Cite;
  templateFor(style: FormattedStyle): string;
}

let engine: Promise<CitationEngine> | null = null;

/**
 * citation-js is loaded the first time a citation is formatted, not when the app, `margin serve` or the CLI
 * starts: loading it and citeproc-js takes ~170 ms, which every start would otherwise pay.
 */
export function citationEngine(): Promise<CitationEngine> {
  engine ??= (async () => {
    const { Cite, plugins } = await import('@citation-js/core');
    await import('@citation-js/plugin-csl');
    const { styles, locales } = plugins.config.get('@csl');
    if (!locales.has(CITATION_LOCALE)) throw new Error(`citation-js has no ${CITATION_LOCALE} locale bundled`);
    return {
      Cite,
      templateFor(style) {
        const { name, xml } = TEMPLATES[style];
        if (xml !== null && !styles.has(name)) styles.add(name, xml);
        return name;
      },
    };
  })();
  return engine;
}
