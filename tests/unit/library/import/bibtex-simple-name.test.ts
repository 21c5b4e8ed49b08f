import { parse } from '@retorquere/bibtex-parser';
import { describe, expect, it } from 'vitest';
import { simpleCreator } from '../../../../electron/library/import/bibtex-simple-name.js';

/** The name as @retorquere/bibtex-parser reads it, alone in an author list. */
function parsed(name: string): unknown {
  const library = parse(`@misc{k,\n  author = {${name}}\n}\n`, {
    sentenceCase: false,
    caseProtection: false,
    unsupported: 'ignore',
    english: false,
  });
  return library.entries[0]?.fields.author?.[0];
}

const WORDS = [
  'Smith',
  'van',
  'der',
  'Berg',
  "O'Neil",
  "'t",
  'Hooft',
  'J.',
  'J.R.R.',
  'Jean-Paul',
  'de',
  'la',
  'X2',
  'jr.',
  'Anna',
  'Mc',
  'Donald',
];

describe('plain names read without the parser', () => {
  const names = [
    'Smith, John',
    'John Smith',
    'Smith',
    'van der Berg, Anna',
    'Anna van der Berg',
    'Anna van der',
    'de la Cruz Jones, Maria',
    "'t Hooft, Gerard",
    "Gerard 't Hooft",
    "O'Neil, J.R.R.",
    'Smith,',
    ', John',
    '  Smith ,\n   John  ',
    'Jean-Paul Sartre',
    'smith',
    'smith john',
    'John van',
  ];
  let seed = 7;
  const next = () => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed / 2147483648;
  };
  for (let i = 0; i < 150; i++) {
    const words = Array.from({ length: 1 + Math.floor(next() * 4) }, () => WORDS[Math.floor(next() * WORDS.length)]);
    const comma = next() < 0.5 ? Math.floor(next() * (words.length + 1)) : -1;
    names.push(comma < 0 ? words.join(' ') : `${words.slice(0, comma).join(' ')}, ${words.slice(comma).join(' ')}`);
  }

  for (const name of names) {
    it(`${JSON.stringify(name)} as the parser reads it`, () => {
      expect(simpleCreator(name)).toEqual(parsed(name) ?? {});
    });
  }

  it('leaves TeX, braces, non-ASCII, ligatures and two commas to the parser', () => {
    for (const name of [
      'M{\\"u}ller, J.',
      '{World Bank}',
      'Müller, J.',
      'A--B',
      "A''B",
      'Smith, Jr., John',
      'family=Bar',
    ])
      expect(simpleCreator(name)).toBeNull();
  });
});
