/**
 * The Validation page alone, for its browser test (the app's tabs are mounted by App.tsx). ?only=a,b
 * limits it to some checks; ?lang=zh shows it in Chinese. The app's notice of a lost worker is shown
 * above it, as in the app.
 */
import { createRoot } from 'react-dom/client';
import '../../../src/ui/styles.css';
import { translator } from '../../../src/ui/i18n.ts';
import { UiContext } from '../../../src/ui/uiContext.ts';
import { ValidationPage } from '../../../src/ui/ValidationPage.tsx';
import { WorkerNotice } from '../../../src/ui/WorkerNotice.tsx';
import { CHECKS } from '../../../src/validation/index.ts';

const q = new URLSearchParams(location.search);
const only = q.get('only')?.split(',');
const lang = q.get('lang') === 'zh' ? 'zh' : 'en';
const checks = only ? CHECKS.filter((c) => only.includes(c.id)) : CHECKS;
const t = translator(lang);
createRoot(document.getElementById('root')!).render(
  <UiContext.Provider value={{ lang, t, announce: () => {} }}>
    <WorkerNotice t={t} />
    <ValidationPage t={t} lang={lang} checks={checks} />
  </UiContext.Provider>,
);
