// citation-js ships no types: the little of it Margin calls, typed here (checked by the formatting tests).

declare module '@citation-js/core' {
  /** A register of named CSL styles or locales. */
  interface CslRegister {
    has(name: string): boolean;
    add(name: string, xml: string): void;
  }
  export class Cite {
    constructor(data: readonly object[], options: { forceType: '@csl/list+object' });
    format(kind: 'bibliography', options: { template: string; lang: string; format: 'text'; nosort?: boolean }): string;
  }
  export const plugins: {
    config: { get(plugin: '@csl'): { styles: CslRegister; locales: CslRegister } };
  };
}

/** Registers the CSL output (and APA, Vancouver, Harvard and the en-US locale) with citation-js when imported. */
declare module '@citation-js/plugin-csl';

/** A CSL style file, bundled as its text (scripts/build.mjs and vitest.config.ts load `.csl` as text). */
declare module '*.csl' {
  const xml: string;
  export default xml;
}
