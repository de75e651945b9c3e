import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import './styles.css';

const root = createRoot(document.getElementById('root')!);
// Evaluating all of the page's code at once was one long stall at load: React comes with this
// chunk, then zod (told to run without eval before any schema exists), then the app, each in a task
// of its own.
void import('../runner/noEval.ts')
  .then(() => import('./App.tsx'))
  .then(({ App }) =>
    root.render(
      <StrictMode>
        <App />
      </StrictMode>,
    ),
  );

// Lessons must work in a classroom whose network comes and goes: keep the app for offline use.
if (import.meta.env.PROD && 'serviceWorker' in navigator) {
  window.addEventListener('load', () => {
    navigator.serviceWorker.register('./sw.js').catch(() => {
      // not available here (e.g. a private window): the app works online as before
    });
  });
}
