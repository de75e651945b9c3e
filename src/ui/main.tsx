import { StrictMode, startTransition } from 'react';
import { createRoot } from 'react-dom/client';
import { keepForOffline } from './offline.ts';
import './styles.css';

const root = createRoot(document.getElementById('root')!);
const nextTask = () => new Promise((resolve) => setTimeout(resolve, 0));
// Evaluating all of the page's code and drawing the first view at once was one long stall at load.
// Each step is a task of its own: React (this chunk), zod's core (told to run without eval before
// any schema exists), zod with the scenario schemas, the library, the first scenario's validation,
// the rest of the app's code, the first render. (Importing App first evaluated the schemas, the
// library and the app in one task of 60–120 ms.) The first render is a transition:
// React renders it in slices of a few milliseconds, yielding in between, instead of in one task.
void (async () => {
  await import('../runner/noEval.ts');
  await nextTask();
  await import('../scenario/schema.ts');
  await nextTask();
  const library = await import('../scenario/library.ts');
  await nextTask();
  library.prepareLibraryScenario(library.DEFAULT_SCENARIO_ID);
  await nextTask();
  const { App } = await import('./App.tsx');
  await nextTask();
  startTransition(() =>
    root.render(
      <StrictMode>
        <App />
      </StrictMode>,
    ),
  );
})();

window.addEventListener('load', () => setTimeout(keepForOffline, 10_000));
