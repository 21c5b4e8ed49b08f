import { Component, type ErrorInfo, type ReactNode } from 'react';

interface Props {
  /** What the user calls this part of the window ("The reader", "The paper list", "This dialog"). */
  readonly area: string;
  readonly className?: string;
  /** A dialog's boundary offers to close it. */
  readonly onClose?: () => void;
  /** When this changes (another paper opened), the part is tried again. */
  readonly resetKey?: unknown;
  readonly children: ReactNode;
}

interface State {
  readonly error: Error | null;
}

/**
 * Keeps one failing part of the window from blanking the rest: a paper whose text trips a renderer
 * shows a message where that part was, and the list, the sidebar and every other paper keep working.
 */
export class ErrorBoundary extends Component<Props, State> {
  override state: State = { error: null };

  static getDerivedStateFromError(error: unknown): State {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    console.warn(`${this.props.area} failed to render:`, error.message, info.componentStack ?? '');
  }

  override componentDidUpdate(previous: Props): void {
    if (previous.resetKey !== this.props.resetKey && this.state.error) this.setState({ error: null });
  }

  override render(): ReactNode {
    const { error } = this.state;
    if (!error) return this.props.children;
    return (
      <div className={`error-pane ${this.props.className ?? ''}`} role="alert">
        <h2>{this.props.area} could not be shown</h2>
        <p>{error.message}</p>
        <p className="faint">The rest of Margin keeps working, and nothing in your library was changed.</p>
        <div className="error-actions">
          <button type="button" className="btn" onClick={() => this.setState({ error: null })}>
            Try again
          </button>
          {this.props.onClose && (
            <button type="button" className="btn" onClick={this.props.onClose}>
              Close
            </button>
          )}
        </div>
      </div>
    );
  }
}
