import { Component, type ErrorInfo, type ReactNode } from 'react';

interface State {
  failed: boolean;
}

/**
 * Keeps a bug in one screen from blanking the whole window: the menu stays usable and the clerk
 * gets a Japanese message instead of an empty page.
 */
export class ScreenErrorBoundary extends Component<{ children: ReactNode }, State> {
  override state: State = { failed: false };

  static getDerivedStateFromError(): State {
    return { failed: true };
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    console.error('screen crashed', error, info.componentStack);
  }

  override render() {
    if (!this.state.failed) return this.props.children;
    return (
      <section className="screen">
        <h1 className="screen-heading">表示できませんでした</h1>
        <p role="alert" className="message message-error">
          この画面の表示中に問題が起きました。入力中の内容は保存されていない可能性があります。
        </p>
        <div className="actions">
          <button type="button" className="button button-primary" onClick={() => window.location.reload()}>
            画面を読み込み直す
          </button>
        </div>
      </section>
    );
  }
}
