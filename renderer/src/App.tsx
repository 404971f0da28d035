import { useEffect, type ComponentType } from 'react';
import { NavMenu } from './components/NavMenu.tsx';
import { SyncIndicator } from './components/SyncIndicator.tsx';
import { ScreenErrorBoundary } from './components/ScreenErrorBoundary.tsx';
import { MaintenanceBanner } from './components/MaintenanceBanner.tsx';
import { CounterPersonControl } from './components/CounterPersonControl.tsx';
import { ConfirmHost } from './components/ConfirmHost.tsx';
import { useAppInfo } from './query/useAppInfo.ts';
import { useUiStore } from './stores/uiStore.ts';
import type { ScreenId } from './screens/screenList.ts';
import { HomeScreen } from './screens/Home/HomeScreen.tsx';
import { ProductScreen } from './screens/Product/ProductScreen.tsx';
import { QuoteScreen } from './screens/Quote/QuoteScreen.tsx';
import { ClinicsScreen } from './screens/Clinics/ClinicsScreen.tsx';
import { InquiriesScreen } from './screens/Inquiries/InquiriesScreen.tsx';
import { PrintScreen } from './screens/Print/PrintScreen.tsx';
import { SettingsScreen } from './screens/Settings/SettingsScreen.tsx';

const screens: Record<ScreenId, ComponentType> = {
  home: HomeScreen,
  product: ProductScreen,
  quote: QuoteScreen,
  clinics: ClinicsScreen,
  inquiries: InquiriesScreen,
  print: PrintScreen,
  settings: SettingsScreen,
};

/** The shell: product name and menu on the left, the current screen on the right. */
export function App() {
  const screen = useUiStore((s) => s.screen);
  const Screen = screens[screen];
  const damaged = useAppInfo().info?.databaseCheck === 'problem';

  // Closing the window (or the browser tab) over unsaved input asks first; the desktop shell
  // turns this into its own Japanese question.
  useEffect(() => {
    const guard = (event: BeforeUnloadEvent) => {
      if (useUiStore.getState().unsavedForms.length === 0) return;
      event.preventDefault();
      event.returnValue = '';
    };
    window.addEventListener('beforeunload', guard);
    return () => window.removeEventListener('beforeunload', guard);
  }, []);

  return (
    <div className="app">
      <aside className="app-sidebar">
        <p className="app-title">
          医療機関
          <br />
          サイバー保険 窓口
        </p>
        <NavMenu />
        <SyncIndicator />
      </aside>
      <main className="app-main">
        <header className="app-header">
          <CounterPersonControl />
        </header>
        {damaged && (
          <p role="alert" className="message message-error app-alert">
            データのファイルに異常が見つかりました（自動点検）。入力はできるだけ控え、「設定」の「バックアップ」から最新のバックアップに復元してください。解決しない場合は担当者に連絡してください。
          </p>
        )}
        <MaintenanceBanner />
        {/* Keyed by screen so choosing another screen from the menu recovers from a crash. */}
        <ScreenErrorBoundary key={screen}>
          <Screen />
        </ScreenErrorBoundary>
      </main>
      <ConfirmHost />
    </div>
  );
}
