import { describe, expect, it } from 'vitest';
import {
  isEmptyQuery,
  matchesFilters,
  matchesText,
  matchesTextParts,
  parseQuery,
  type Filterable,
  type SearchQuery,
} from '../../../../electron/library/search/query.js';

/** An empty parse, with the given parts filled in: so every test states the whole expected result. */
function parsed(parts: Partial<SearchQuery> = {}): SearchQuery {
  return {
    words: [],
    phrases: [],
    excluded: [],
    tags: [],
    notTags: [],
    statuses: [],
    notStatuses: [],
    years: [],
    authors: [],
    has: [],
    notHas: [],
    problems: [],
    ...parts,
  };
}

function paper(parts: Partial<Filterable> = {}): Filterable {
  return {
    tags: [],
    status: 'inbox',
    year: 2024,
    authors: [],
    editors: [],
    attachments: [],
    hasNote: false,
    annotationCount: 0,
    ...parts,
  };
}

describe('parseQuery', () => {
  describe('empty and blank input', () => {
    it.each(['', ' ', '   ', '\t\n ', '""', '"', '"   "', '-""', 'tag:""', 'tag:"  "'])(
      'finds nothing in %j',
      (input) => {
        expect(parseQuery(input)).toEqual(parsed());
        expect(isEmptyQuery(parseQuery(input))).toBe(true);
      },
    );
  });

  describe('words', () => {
    it('splits on any whitespace and lower-cases every word, keeping their order', () => {
      expect(parseQuery('Sparse  ATTENTION\tin\nTransformers')).toEqual(
        parsed({ words: ['sparse', 'attention', 'in', 'transformers'] }),
      );
    });

    it('keeps punctuation and repeated words as typed', () => {
      expect(parseQuery('x-ray x-ray (gpt-4) 3.5')).toEqual(parsed({ words: ['x-ray', 'x-ray', '(gpt-4)', '3.5'] }));
    });

    it('keeps letters outside ASCII, without their accents (as the searched text is kept)', () => {
      expect(parseQuery('Łukasz Schmidhüber 東京')).toEqual(parsed({ words: ['lukasz', 'schmidhuber', '東京'] }));
    });

    it('leaves out punctuation alone: it has no letters or digits to look for', () => {
      expect(parseQuery('-')).toEqual(parsed({}));
      expect(parseQuery('a - b & "…"')).toEqual(parsed({ words: ['a', 'b'] }));
    });

    it('reads a quote inside a word as part of the word', () => {
      expect(parseQuery('a"b c"')).toEqual(parsed({ words: ['a"b', 'c"'] }));
    });
  });

  describe('phrases', () => {
    it('keeps a quoted phrase whole, lower-cased, beside the words', () => {
      expect(parseQuery('graph "Attention Is All You Need" model')).toEqual(
        parsed({ words: ['graph', 'model'], phrases: ['attention is all you need'] }),
      );
    });

    it('trims spaces inside the quotes but keeps those between words', () => {
      expect(parseQuery('"  sparse   attention  "')).toEqual(parsed({ phrases: ['sparse   attention'] }));
    });

    it('reads several phrases in order', () => {
      expect(parseQuery('"one two" "three four"')).toEqual(parsed({ phrases: ['one two', 'three four'] }));
    });

    it('runs an unbalanced quote to the end of the input', () => {
      expect(parseQuery('model "sparse attention')).toEqual(
        parsed({ words: ['model'], phrases: ['sparse attention'] }),
      );
    });

    it('ends a phrase at its closing quote even when a word follows without a space', () => {
      expect(parseQuery('"a"b')).toEqual(parsed({ words: ['b'], phrases: ['a'] }));
    });

    it('pairs quotes from the left: a third quote opens a phrase that runs to the end', () => {
      expect(parseQuery('"one two" three "four five')).toEqual(
        parsed({ words: ['three'], phrases: ['one two', 'four five'] }),
      );
    });
  });

  describe('exclusions', () => {
    it('excludes a word after a minus, lower-cased', () => {
      expect(parseQuery('attention -Survey')).toEqual(parsed({ words: ['attention'], excluded: ['survey'] }));
    });

    it('excludes a quoted phrase after a minus (it goes with the exclusions, not the phrases)', () => {
      expect(parseQuery('-"Deep Learning"')).toEqual(parsed({ excluded: ['deep learning'] }));
      expect(parseQuery('-"unbalanced phrase')).toEqual(parsed({ excluded: ['unbalanced phrase'] }));
    });

    it('keeps the second minus of a double minus as part of the excluded word', () => {
      expect(parseQuery('--flag')).toEqual(parsed({ excluded: ['-flag'] }));
    });

    it('treats a minus inside a word as part of the word', () => {
      expect(parseQuery('state-of-the-art')).toEqual(parsed({ words: ['state-of-the-art'] }));
    });
  });

  describe('tag:', () => {
    it('reads a tag filter, lower-cased, and case-insensitively on the field name', () => {
      expect(parseQuery('tag:LLM TAG:Vision Tag:llm/Sparsity')).toEqual(
        parsed({ tags: ['llm', 'vision', 'llm/sparsity'] }),
      );
    });

    it('reads a quoted tag with spaces', () => {
      expect(parseQuery('tag:"Machine Learning" rest')).toEqual(
        parsed({ words: ['rest'], tags: ['machine learning'] }),
      );
    });

    it('reads an unbalanced quoted tag to the end of the input', () => {
      expect(parseQuery('tag:"machine learning')).toEqual(parsed({ tags: ['machine learning'] }));
    });

    it('keeps any characters of a bare tag, a minus or a quote included', () => {
      expect(parseQuery('tag:-draft tag:a"b')).toEqual(parsed({ tags: ['-draft', 'a"b'] }));
    });

    it('searches for `tag:` as a word when no value follows it', () => {
      expect(parseQuery('tag:')).toEqual(parsed({ words: ['tag:'] }));
      expect(parseQuery('tag: llm')).toEqual(parsed({ words: ['tag:', 'llm'] }));
      expect(parseQuery('-tag:')).toEqual(parsed({ excluded: ['tag:'] }));
    });
  });

  describe('status:', () => {
    it.each([
      ['status:inbox', 'inbox'],
      ['status:to-read', 'to-read'],
      ['status:reading', 'reading'],
      ['status:read', 'read'],
      ['status:archived', 'archived'],
      ['STATUS:Reading', 'reading'],
      ['status:"read"', 'read'],
    ] as const)('reads %s as a status filter', (input, status) => {
      expect(parseQuery(input)).toEqual(parsed({ statuses: [status] }));
    });

    it('keeps every status given, in order', () => {
      expect(parseQuery('status:read status:reading')).toEqual(parsed({ statuses: ['read', 'reading'] }));
    });

    it('explains an unknown status instead of returning nothing, and leaves it out of the search', () => {
      const explained = (value: string) => [
        `status:${value} is not a status; use inbox, to-read, reading, read, archived`,
      ];
      expect(parseQuery('status:done')).toEqual(parsed({ problems: explained('done') }));
      expect(parseQuery('status:Unread')).toEqual(parsed({ problems: explained('Unread') }));
      expect(parseQuery('status:"to read" sparse')).toEqual(
        parsed({ words: ['sparse'], problems: explained('to read') }),
      );
      expect(parseQuery('-status:done')).toEqual(parsed({ problems: explained('done') }));
    });
  });

  describe('year:', () => {
    it.each([
      ['year:2024', '=', 2024],
      ['year:=2024', '=', 2024],
      ['year:>2020', '>', 2020],
      ['year:>=2020', '>=', 2020],
      ['year:<1999', '<', 1999],
      ['year:<=1999', '<=', 1999],
      ['YEAR:0001', '=', 1],
      ['year:"2024"', '=', 2024],
    ] as const)('reads %s as a year comparison', (input, op, year) => {
      expect(parseQuery(input)).toEqual(parsed({ years: [{ op, year }] }));
    });

    it('keeps every comparison, so a range is two of them', () => {
      expect(parseQuery('year:>=2020 year:<2024')).toEqual(
        parsed({
          years: [
            { op: '>=', year: 2020 },
            { op: '<', year: 2024 },
          ],
        }),
      );
    });

    it.each(['year:24', 'year:20245', 'year:>>2024', 'year:=>2024', 'year:2024-2025', 'year:recent', 'year:>=20x4'])(
      'explains %s: it is not four digits after an operator',
      (input) => {
        expect(parseQuery(input)).toEqual(
          parsed({ problems: [`${input} is not a year; write year:2024, year:>=2020 (or >, <, <=)`] }),
        );
      },
    );
  });

  describe('unknown and misspelt fields', () => {
    const unknown = (field: string, value: string) =>
      `${field}: is not a filter (tag:, status:, year:, author:, has:); searching for the words “${field}:${value}”`;

    it('searches for an unknown field as a word, lower-cased, with its value, and says so', () => {
      expect(parseQuery('Venue:NeurIPS')).toEqual(
        parsed({ words: ['venue:neurips'], problems: [unknown('Venue', 'NeurIPS')] }),
      );
    });

    it('reads author: and has: as filters', () => {
      expect(parseQuery('author:Łukasz has:pdf -has:notes')).toEqual(
        parsed({ authors: ['lukasz'], has: ['pdf'], notHas: ['note'] }),
      );
      expect(parseQuery('has:coffee')).toEqual(
        parsed({ problems: ['has:coffee is not something a paper has; use has:pdf, has:note or has:highlights'] }),
      );
      const kaiser = paper({ authors: ['Łukasz Kaiser'], attachments: [{}], annotationCount: 2 });
      expect(matchesFilters(kaiser, parseQuery('author:lukasz has:pdf has:highlights'))).toBe(true);
      expect(matchesFilters(kaiser, parseQuery('author:kai -has:note'))).toBe(true);
      expect(matchesFilters(kaiser, parseQuery('has:note'))).toBe(false);
      expect(matchesFilters(kaiser, parseQuery('author:aiser'))).toBe(false); // a word prefix, not inside a word
    });

    it.each([
      ['tags:llm', 'tags', 'llm'],
      ['stauts:reading', 'stauts', 'reading'],
      ['yaer:2024', 'yaer', '2024'],
    ])('does not guess what a misspelt field meant: %s', (input, field, value) => {
      expect(parseQuery(input)).toEqual(parsed({ words: [input], problems: [unknown(field, value)] }));
    });

    it('searches for an unknown field with a quoted value as a phrase, and after a minus excludes it', () => {
      expect(parseQuery('title:"Attention Is"')).toEqual(
        parsed({ phrases: ['title:attention is'], problems: [unknown('title', 'Attention Is')] }),
      );
      expect(parseQuery('-venue:NeurIPS')).toEqual(
        parsed({ excluded: ['venue:neurips'], problems: [unknown('venue', 'NeurIPS')] }),
      );
    });

    it('takes arXiv ids, DOIs and links as text, with nothing to explain', () => {
      expect(parseQuery('arXiv:2401.00001')).toEqual(parsed({ words: ['arxiv:2401.00001'] }));
    });

    it('leaves colons that are not a field prefix inside the word', () => {
      expect(parseQuery('https://arxiv.org/abs/1706.03762 10:30 a:b:c état:x')).toEqual(
        parsed({ words: ['https://arxiv.org/abs/1706.03762', '10:30', 'a:b:c', 'etat:x'] }),
      );
    });
  });

  it('reads a query with every kind of term', () => {
    expect(
      parseQuery('tag:llm status:reading year:>=2024 "exact phrase" -word words foo:bar -"not this" status:nope'),
    ).toEqual({
      words: ['words', 'foo:bar'],
      phrases: ['exact phrase'],
      excluded: ['word', 'not this'],
      tags: ['llm'],
      notTags: [],
      statuses: ['reading'],
      notStatuses: [],
      years: [{ op: '>=', year: 2024 }],
      authors: [],
      has: [],
      notHas: [],
      problems: [
        'foo: is not a filter (tag:, status:, year:, author:, has:); searching for the words “foo:bar”',
        'status:nope is not a status; use inbox, to-read, reading, read, archived',
      ],
    });
  });
});

describe('isEmptyQuery', () => {
  it('is true only when every part is empty', () => {
    expect(isEmptyQuery(parsed())).toBe(true);
    expect(isEmptyQuery(parsed({ words: ['a'] }))).toBe(false);
    expect(isEmptyQuery(parsed({ phrases: ['a b'] }))).toBe(false);
    expect(isEmptyQuery(parsed({ excluded: ['a'] }))).toBe(false);
    expect(isEmptyQuery(parsed({ tags: ['a'] }))).toBe(false);
    expect(isEmptyQuery(parsed({ statuses: ['read'] }))).toBe(false);
    expect(isEmptyQuery(parsed({ years: [{ op: '=', year: 2024 }] }))).toBe(false);
  });
});

describe('matchesFilters', () => {
  it('lets every paper through a query without filters', () => {
    expect(matchesFilters(paper({ year: null }), parseQuery('words "and phrases" -excluded'))).toBe(true);
  });

  describe('tags', () => {
    it('matches a tag case-insensitively', () => {
      expect(matchesFilters(paper({ tags: ['LLM'] }), parseQuery('tag:llm'))).toBe(true);
      expect(matchesFilters(paper({ tags: ['llm'] }), parseQuery('tag:LLM'))).toBe(true);
    });

    it('matches a parent tag against its children, at any depth, but not the other way round', () => {
      expect(matchesFilters(paper({ tags: ['llm/sparsity'] }), parseQuery('tag:llm'))).toBe(true);
      expect(matchesFilters(paper({ tags: ['LLM/Sparsity/MoE'] }), parseQuery('tag:llm'))).toBe(true);
      expect(matchesFilters(paper({ tags: ['llm'] }), parseQuery('tag:llm/sparsity'))).toBe(false);
    });

    it('does not match a tag that only starts with the same letters', () => {
      expect(matchesFilters(paper({ tags: ['llms'] }), parseQuery('tag:llm'))).toBe(false);
      expect(matchesFilters(paper({ tags: ['llm-agents'] }), parseQuery('tag:llm'))).toBe(false);
      expect(matchesFilters(paper({ tags: ['xllm'] }), parseQuery('tag:llm'))).toBe(false);
    });

    it('needs every tag asked for', () => {
      const q = parseQuery('tag:llm tag:vision');
      expect(matchesFilters(paper({ tags: ['llm', 'vision/detection'] }), q)).toBe(true);
      expect(matchesFilters(paper({ tags: ['llm'] }), q)).toBe(false);
      expect(matchesFilters(paper({ tags: [] }), q)).toBe(false);
    });

    it('matches a tag with spaces', () => {
      expect(matchesFilters(paper({ tags: ['Machine Learning'] }), parseQuery('tag:"machine learning"'))).toBe(true);
      expect(matchesFilters(paper({ tags: ['Machine'] }), parseQuery('tag:"machine learning"'))).toBe(false);
    });
  });

  describe('statuses', () => {
    it('needs one of the statuses asked for', () => {
      const q = parseQuery('status:reading status:to-read');
      expect(matchesFilters(paper({ status: 'reading' }), q)).toBe(true);
      expect(matchesFilters(paper({ status: 'to-read' }), q)).toBe(true);
      expect(matchesFilters(paper({ status: 'read' }), q)).toBe(false);
    });

    it('does not filter on an unknown status (it became a word)', () => {
      expect(matchesFilters(paper({ status: 'archived' }), parseQuery('status:done'))).toBe(true);
    });
  });

  describe('years', () => {
    it.each([
      ['year:2024', [false, true, false]],
      ['year:=2024', [false, true, false]],
      ['year:>2024', [false, false, true]],
      ['year:>=2024', [false, true, true]],
      ['year:<2024', [true, false, false]],
      ['year:<=2024', [true, true, false]],
    ])('%s takes 2023, 2024, 2025 as %j', (query, expected) => {
      const q = parseQuery(query);
      expect([2023, 2024, 2025].map((year) => matchesFilters(paper({ year }), q))).toEqual(expected);
    });

    it('needs every comparison, so two make a range', () => {
      const q = parseQuery('year:>=2020 year:<2023');
      expect([2019, 2020, 2022, 2023].map((year) => matchesFilters(paper({ year }), q))).toEqual([
        false,
        true,
        true,
        false,
      ]);
    });

    it('leaves out papers without a year whenever a year is asked for', () => {
      for (const query of ['year:2024', 'year:>0001', 'year:<9999', 'year:<=9999'])
        expect(matchesFilters(paper({ year: null }), parseQuery(query))).toBe(false);
    });
  });

  it('needs the tag, the status and the year together', () => {
    const q = parseQuery('tag:llm status:read year:2024');
    const match = paper({ tags: ['llm'], status: 'read', year: 2024 });
    expect(matchesFilters(match, q)).toBe(true);
    expect(matchesFilters({ ...match, tags: ['vision'] }, q)).toBe(false);
    expect(matchesFilters({ ...match, status: 'reading' }, q)).toBe(false);
    expect(matchesFilters({ ...match, year: 2023 }, q)).toBe(false);
  });
});

describe('matchesText', () => {
  const text = 'attention is all you need\nashish vaswani, noam shazeer\nllm/transformers\nwe propose the transformer';

  it('matches everything with no text conditions', () => {
    expect(matchesText('', parsed())).toBe(true);
    expect(matchesText(text, parseQuery('tag:vision status:read'))).toBe(true);
  });

  it('matches words as prefixes of words, anywhere in the text', () => {
    expect(matchesText(text, parseQuery('atten'))).toBe(true);
    expect(matchesText(text, parseQuery('Vaswani shaz'))).toBe(true);
    expect(matchesText(text, parseQuery('transformers'))).toBe(true);
  });

  it('does not match a word inside another word', () => {
    expect(matchesText(text, parseQuery('tention'))).toBe(false);
    expect(matchesText(text, parseQuery('former'))).toBe(false);
  });

  it('matches a word that starts after punctuation or a line break', () => {
    expect(matchesText(text, parseQuery('shazeer'))).toBe(true);
    expect(matchesText('x-ray imaging', parseQuery('ray'))).toBe(true);
    expect(matchesText('(gpt-4) results', parseQuery('gpt'))).toBe(true);
  });

  it('keeps looking past a match inside a word for one at the start of a word', () => {
    expect(matchesText('abab ab', parseQuery('ab'))).toBe(true);
    expect(matchesText('retrain train', parseQuery('train'))).toBe(true);
    expect(matchesText('retrain', parseQuery('train'))).toBe(false);
  });

  it('treats letters and digits outside ASCII as part of a word', () => {
    expect(matchesText('schmidhüber', parseQuery('ber'))).toBe(false);
    expect(matchesText('üeber', parseQuery('eber'))).toBe(false);
    expect(matchesText('gpt٣x', parseQuery('x'))).toBe(false);
    expect(matchesText('lukasz kaiser', parseQuery('łuk kai'))).toBe(true); // the corpus is folded as the query is
  });

  it('needs every word', () => {
    expect(matchesText(text, parseQuery('attention vaswani'))).toBe(true);
    expect(matchesText(text, parseQuery('attention hinton'))).toBe(false);
  });

  it('matches a phrase with its words in order', () => {
    expect(matchesText(text, parseQuery('"all you need"'))).toBe(true);
    expect(matchesText(text, parseQuery('"you all need"'))).toBe(false);
    expect(matchesText(text, parseQuery('"All You Need" "we propose"'))).toBe(true);
    expect(matchesText(text, parseQuery('"all you need" "they propose"'))).toBe(false);
  });

  it('leaves out text holding an excluded word, as a prefix of a word', () => {
    expect(matchesText(text, parseQuery('attention -survey'))).toBe(true);
    expect(matchesText(text, parseQuery('attention -need'))).toBe(false);
    expect(matchesText(text, parseQuery('attention -transform'))).toBe(false);
    expect(matchesText(text, parseQuery('attention -former'))).toBe(true);
  });

  it('reads a term as its words in order, whatever stands between them', () => {
    expect(matchesText('state-space models', parseQuery('"state space"'))).toBe(true);
    expect(matchesText('state—space', parseQuery('state-space'))).toBe(true);
    expect(matchesText('the gpt 4o model', parseQuery('gpt-4'))).toBe(true);
    expect(matchesText('accuracy of 68\\% on', parseQuery('68%'))).toBe(true);
    expect(matchesText('restate spaces', parseQuery('"state space"'))).toBe(false);
    expect(matchesText('state of space', parseQuery('"state space"'))).toBe(false);
    expect(matchesText('states space', parseQuery('"state space"'))).toBe(false);
  });

  it('leaves out text holding an excluded phrase', () => {
    expect(matchesText(text, parseQuery('-"all you need"'))).toBe(false);
    expect(matchesText(text, parseQuery('-"you all need"'))).toBe(true);
  });

  it('searches for an unknown field as the literal text typed', () => {
    expect(matchesText('see venue:neurips here', parseQuery('venue:NeurIPS'))).toBe(true);
    expect(matchesText(text, parseQuery('venue:neurips'))).toBe(false);
  });
});

describe('matchesTextParts', () => {
  const record = 'attention is all you need\nvaswani';
  const content = 'we propose the transformer\nsee also bert';

  it('takes each word from either part', () => {
    expect(matchesTextParts(record, content, parseQuery('vaswani transformer'))).toBe(true);
    expect(matchesTextParts(record, content, parseQuery('vaswani hinton'))).toBe(false);
  });

  it('takes a phrase from one part, never across the two', () => {
    expect(matchesTextParts(record, content, parseQuery('"we propose"'))).toBe(true);
    expect(matchesTextParts(record, content, parseQuery('"is all"'))).toBe(true);
    expect(matchesTextParts(record, content, parseQuery('"vaswani we"'))).toBe(false);
    expect(matchesTextParts(record, content, parseQuery('"vaswani\nwe"'))).toBe(false);
    expect(matchesTextParts('abc', 'def', parseQuery('"cd"'))).toBe(false);
  });

  it('leaves out a paper whose excluded word is in either part', () => {
    expect(matchesTextParts(record, content, parseQuery('attention -bert'))).toBe(false);
    expect(matchesTextParts(record, content, parseQuery('attention -vaswani'))).toBe(false);
    expect(matchesTextParts(record, content, parseQuery('attention -hinton'))).toBe(true);
  });

  it('matches words as prefixes of words in each part, not across the join', () => {
    expect(matchesTextParts('abc', 'def', parseQuery('def'))).toBe(true);
    expect(matchesTextParts('abc', 'def', parseQuery('cdef'))).toBe(false);
    expect(matchesTextParts('re', 'train', parseQuery('train'))).toBe(true);
  });

  it('gives the same answer as matchesText over the two parts joined by a line break', () => {
    for (const query of ['vaswani transformer', '"we propose"', 'attention -bert', 'prop -hinton', 'former']) {
      const q = parseQuery(query);
      expect(matchesTextParts(record, content, q)).toBe(matchesText(`${record}\n${content}`, q));
    }
  });

  it('matches everything with no text conditions, even empty parts', () => {
    expect(matchesTextParts('', '', parseQuery('tag:x'))).toBe(true);
  });
});

describe('negated filters', () => {
  it('parse -tag:, -status: and -year: as exclusions, not as filters', () => {
    expect(parseQuery('-tag:LLM')).toEqual(parsed({ notTags: ['llm'] }));
    expect(parseQuery('-status:read')).toEqual(parsed({ notStatuses: ['read'] }));
    expect(parseQuery('-year:2020')).toEqual(parsed({ years: [{ op: '!=', year: 2020 }] }));
    expect(parseQuery('-year:>2020')).toEqual(parsed({ years: [{ op: '<=', year: 2020 }] }));
    expect(parseQuery('-year:<=2020')).toEqual(parsed({ years: [{ op: '>', year: 2020 }] }));
  });

  it('leave out the papers they name', () => {
    const tagged = paper({ tags: ['llm/sparsity'], status: 'read', year: 2020 });
    expect(matchesFilters(tagged, parseQuery('-tag:llm'))).toBe(false);
    expect(matchesFilters(tagged, parseQuery('-tag:vision'))).toBe(true);
    expect(matchesFilters(tagged, parseQuery('-status:read'))).toBe(false);
    expect(matchesFilters(tagged, parseQuery('-status:inbox'))).toBe(true);
    expect(matchesFilters(tagged, parseQuery('-year:2020'))).toBe(false);
    expect(matchesFilters(tagged, parseQuery('-year:2021'))).toBe(true);
    expect(matchesFilters(tagged, parseQuery('tag:llm -tag:llm/sparsity'))).toBe(false);
    expect(isEmptyQuery(parseQuery('-tag:llm'))).toBe(false);
  });
});
