// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import type { ReactNode } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AbstractView } from '../features/reader/AbstractView.js';
import { ErrorBoundary } from './ErrorBoundary.js';
import { texToText } from '../../../shared/text/tex-text.js';

afterEach(cleanup);

describe('names from an abstract never reach Object.prototype (issue 12, item 2)', () => {
  it('shows `$\\constructor$`, `\\toString` and `\\valueOf` as the TeX they are', () => {
    expect(texToText('\\toString + \\valueOf + \\hasOwnProperty')).toBe('\\toString + \\valueOf + \\hasOwnProperty');
    render(<AbstractView abstract={'A $\\constructor$ and $\\toString$ here.'} />);
    expect(screen.getByRole('region', { name: 'Abstract' }).textContent).toContain('$\\constructor$');
  });
});

describe('error boundaries', () => {
  function Boom({ when }: { when: boolean }): ReactNode {
    if (when) throw new Error('the renderer tripped on this paper');
    return <p>fine</p>;
  }

  it('shows a message where the failing part was, keeps its siblings, and tries again when told', () => {
    const quiet = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const { rerender } = render(
      <div>
        <p>the list</p>
        <ErrorBoundary area="This paper" resetKey="a">
          <Boom when />
        </ErrorBoundary>
      </div>,
    );
    expect(screen.getByRole('alert').textContent).toContain('This paper could not be shown');
    expect(screen.getByRole('alert').textContent).toContain('the renderer tripped on this paper');
    expect(screen.getByText('the list')).toBeTruthy();
    rerender(
      <div>
        <p>the list</p>
        <ErrorBoundary area="This paper" resetKey="b">
          <Boom when={false} />
        </ErrorBoundary>
      </div>,
    );
    expect(screen.getByText('fine')).toBeTruthy();
    quiet.mockRestore();
    warn.mockRestore();
  });

  it('offers to close a dialog that failed', () => {
    const quiet = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const onClose = vi.fn();
    render(
      <ErrorBoundary area="This dialog" onClose={onClose}>
        <Boom when />
      </ErrorBoundary>,
    );
    fireEvent.click(screen.getByRole('button', { name: 'Close' }));
    expect(onClose).toHaveBeenCalledOnce();
    quiet.mockRestore();
    warn.mockRestore();
  });
});
