import { describe, expect, it } from 'vitest';
import { paperLink, parseMarginLink } from '../../../../shared/links/margin-link.js';
import { PaperIdSchema } from '../../../../shared/models/paper.js';

const ID = 'a1b2c3d4e5f60718';

describe('margin:// links', () => {
  it('reads a paper link, with or without a final slash, and writes one back', () => {
    expect(parseMarginLink(`margin://paper/${ID}`)).toEqual({ kind: 'paper', id: ID });
    expect(parseMarginLink(`margin://paper/${ID}/`)).toEqual({ kind: 'paper', id: ID });
    const id = PaperIdSchema.parse(ID);
    expect(parseMarginLink(paperLink(id))).toEqual({ kind: 'paper', id });
  });

  it('refuses hostile and malformed links', () => {
    for (const link of [
      `margin://papers/${ID}`,
      `margin://evil/${ID}`,
      `margin://paper.evil.com/${ID}`,
      `margin://user@paper/${ID}`,
      `margin://paper:80/${ID}`,
      `margin://paper/${ID}/extra`,
      `margin://paper/${ID}//`,
      `margin://paper/../${ID}`,
      `margin://paper/x/../${ID}`,
      `margin://paper/%2e%2e/${ID}`,
      `margin://paper/${ID}%2f..`,
      `margin://paper/%61${ID.slice(1)}`,
      `margin://paper\\${ID}`,
      `margin://paper/${ID}?then=javascript:alert(1)`,
      `margin://paper/${ID}#x`,
      `margin://paper/${ID.toUpperCase()}`,
      `MARGIN://paper/${ID}`,
      `margin://PAPER/${ID}`,
      `margin:paper/${ID}`,
      `margin:///paper/${ID}`,
      ` margin://paper/${ID}`,
      `margin://paper/${ID} `,
      `margin://paper/${ID}\n`,
      `margin://paper/${ID}\u0000`,
      'margin://paper/short',
      `margin://paper/${'a'.repeat(33)}`,
      `margin://paper/${'a'.repeat(5000)}`,
      'margin://paper/a1b2c3d4-e5f6',
      'margin://paper/a1b2c3d4_e5f6',
      'margin://paper/',
      'margin://paper',
      'margin://',
      `https://paper/${ID}`,
      `javascript://paper/${ID}`,
      '',
    ])
      expect(parseMarginLink(link), JSON.stringify(link)).toBeNull();
    for (const value of [null, undefined, 42, { toString: () => `margin://paper/${ID}` }, [`margin://paper/${ID}`]])
      expect(parseMarginLink(value)).toBeNull();
  });
});
