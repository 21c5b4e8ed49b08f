// @vitest-environment jsdom
import { act, cleanup, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { makePdf } from '../../../../tests/helpers/make-pdf.js';
import { renderWithStore } from '../../testing/render-with-store.js';
import { settle, storeOnLibrary } from '../../testing/store-on-library.js';
import { StorageDialog } from './StorageDialog.js';

afterEach(cleanup);

describe('StorageDialog', () => {
  it('lists stored PDFs with their sizes and papers, saying which are in the Trash', async () => {
    const { store, main } = await storeOnLibrary(2);
    const [one, two] = await main.session.library.papers.records();
    if (!one || !two) throw new Error('no papers');
    await main.session.library.attachments.attach(one.id, { bytes: await makePdf([['a']]) }, 'first.pdf');
    await main.session.library.attachments.attach(two.id, { bytes: await makePdf([['b'], ['c']]) }, 'second.pdf');
    await main.session.library.papers.trash([two.id]);
    renderWithStore(store, <StorageDialog />);
    await act(settle);
    const list = screen.getByRole('list', { name: 'Stored PDFs' });
    const items = within(list)
      .getAllByRole('listitem')
      .map((li) => li.textContent ?? '');
    expect(items).toHaveLength(2);
    expect(items.find((t) => t.includes('second.pdf'))).toContain(`${two.title} (in the Trash)`);
    expect(items.find((t) => t.includes('first.pdf'))).toMatch(/\d+ KB/);
    expect(screen.getByRole('status').textContent).toMatch(/^2 PDFs, \d+ KB in all/);
  });
});
