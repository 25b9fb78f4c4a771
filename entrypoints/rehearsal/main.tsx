import { render } from 'preact';
import '../../components/panel.css';
import { t } from '../../components/i18n.ts';
import { locale, loadSettings, toggleLocale } from '../sidepanel/settings-model.ts';
import { RehearsalTab } from '../sidepanel/RehearsalTab.tsx';

// The rehearsal editor as a full browser tab: the same view and model as the side panel's tab,
// with room for a long script.
function Page() {
  const loc = locale.value;
  return (
    <div class="ll-app ll-rh-page">
      <header class="ll-header">
        <h1 class="ll-title">{t(loc, 'appTitle')}</h1>
        <button type="button" class="ll-btn ll-btn-quiet" aria-label={t(loc, 'locale.switchLabel')} onClick={toggleLocale}>
          {t(loc, 'locale.switch')}
        </button>
      </header>
      <main class="ll-view" style={{ maxWidth: '900px', margin: '0 auto' }}>
        <RehearsalTab locale={loc} standalone />
      </main>
    </div>
  );
}

render(<Page />, document.getElementById('app')!);
void loadSettings();
