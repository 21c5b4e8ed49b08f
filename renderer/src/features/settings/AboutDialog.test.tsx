// @vitest-environment jsdom
import { act, cleanup, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { renderWithStore } from '../../testing/render-with-store.js';
import { storeOnLibrary } from '../../testing/store-on-library.js';
import { AboutDialog } from './AboutDialog.js';

afterEach(cleanup);

describe('AboutDialog', () => {
  it('shows the version and the licence of every package the app carries (the list the build wrote)', async () => {
    const { store } = await storeOnLibrary(0);
    renderWithStore(store, <AboutDialog />);
    await act(() => new Promise((r) => setTimeout(r, 100)));
    const dialog = screen.getByRole('dialog', { name: 'About Margin' });
    expect(dialog.textContent).toMatch(/Margin \d+\.\d+\.\d+/);
    const table = screen.getByRole('table', { name: 'Packages and their licences' });
    const rows = table.querySelectorAll('tbody tr');
    expect(rows.length).toBeGreaterThan(20);
    const lowdb = [...rows].find((r) => r.firstElementChild?.textContent === 'lowdb');
    expect(lowdb?.lastElementChild?.textContent).toBe('MIT');
  });
});
