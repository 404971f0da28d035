import { screenList } from '../screens/screenList.ts';
import { useUiStore } from '../stores/uiStore.ts';

/** The main menu; the current screen is marked for screen readers as well as visually. */
export function NavMenu() {
  const current = useUiStore((s) => s.screen);
  const navigate = useUiStore((s) => s.navigate);
  return (
    <nav aria-label="メインメニュー" className="nav-menu">
      <ul>
        {screenList.map((screen) => (
          <li key={screen.id}>
            <button
              type="button"
              aria-current={screen.id === current ? 'page' : undefined}
              onClick={() => navigate(screen.id)}
            >
              {screen.label}
            </button>
          </li>
        ))}
      </ul>
    </nav>
  );
}
