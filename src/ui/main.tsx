import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { keepForOffline } from './offline.ts';
import './styles.css';

const root = createRoot(document.getElementById('root')!);
const nextTask = () => new Promise((resolve) => setTimeout(resolve, 0));
// Evaluating all of the page's code and drawing the first view at once was one long stall at load.
// Each step is a task of its own: React (this chunk), zod (told to run without eval before any
// schema exists), the app's code, the first scenario's validation, the first render.
void (async () => {
  await import('../runner/noEval.ts');
  const { App } = await import('./App.tsx');
  await nextTask();
  const library = await import('../scenario/library.ts');
  library.prepareLibraryScenario(library.DEFAULT_SCENARIO_ID);
  await nextTask();
  root.render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
})();

window.addEventListener('load', () => setTimeout(keepForOffline, 10_000));
