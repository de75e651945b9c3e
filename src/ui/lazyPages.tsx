/**
 * What the first view does not show loads on demand (and, once the first results are in, ahead of
 * use: `prefetchWhenIdle`): loading all of it with the page was one long stall before anything ran.
 * Each page here takes the props of the page it stands for and shows a short note while its code
 * loads.
 */
import { type ComponentProps, type ComponentType, lazy, Suspense } from 'react';
import type { CasesPage as Cases } from './CasesPage.tsx';
import type { ClvPage as Clv } from './ClvPage.tsx';
import type { ComparePage as Compare } from './ComparePage.tsx';
import type { DocsPanel as Docs } from './DocsPanel.tsx';
import type { ExperimentsPage as Experiments } from './ExperimentsPage.tsx';
import type { Key } from './i18n.ts';
import type { LessonsPage as Lessons } from './LessonsPage.tsx';
import type { MyBusiness as Business } from './MyBusiness.tsx';
import type { PopulationView as Population } from './population/PopulationView.tsx';
import type { ValidationPage as Validation } from './ValidationPage.tsx';

export const lazyPages = {
  compare: () => import('./ComparePage.tsx'),
  population: () => import('./population/PopulationView.tsx'),
  experiments: () => import('./ExperimentsPage.tsx'),
  lessons: () => import('./LessonsPage.tsx'),
  cases: () => import('./CasesPage.tsx'),
  clv: () => import('./ClvPage.tsx'),
  validation: () => import('./ValidationPage.tsx'),
  docs: () => import('./DocsPanel.tsx'),
  myBusiness: () => import('./MyBusiness.tsx'),
};

function onDemand<P extends { t: (k: Key) => string }>(
  load: () => Promise<ComponentType<P>>,
  note = true,
): (props: P) => React.JSX.Element {
  const Page = lazy(() => load().then((c) => ({ default: c })));
  return (props: P) => (
    <Suspense fallback={note ? <p className="note">{props.t('lazy_loading')}</p> : null}>
      <Page {...props} />
    </Suspense>
  );
}

export const ComparePage = onDemand<ComponentProps<typeof Compare>>(() =>
  lazyPages.compare().then((m) => m.ComparePage),
);
export const PopulationView = onDemand<ComponentProps<typeof Population>>(() =>
  lazyPages.population().then((m) => m.PopulationView),
);
export const ExperimentsPage = onDemand<ComponentProps<typeof Experiments>>(() =>
  lazyPages.experiments().then((m) => m.ExperimentsPage),
);
export const LessonsPage = onDemand<ComponentProps<typeof Lessons>>(() =>
  lazyPages.lessons().then((m) => m.LessonsPage),
);
export const CasesPage = onDemand<ComponentProps<typeof Cases>>(() =>
  lazyPages.cases().then((m) => m.CasesPage),
);
export const ClvPage = onDemand<ComponentProps<typeof Clv>>(() => lazyPages.clv().then((m) => m.ClvPage));
export const ValidationPage = onDemand<ComponentProps<typeof Validation>>(() =>
  lazyPages.validation().then((m) => m.ValidationPage),
);
export const DocsPanel = onDemand<ComponentProps<typeof Docs>>(
  () => lazyPages.docs().then((m) => m.DocsPanel),
  false,
);

export const MyBusiness = onDemand<ComponentProps<typeof Business>>(
  () => lazyPages.myBusiness().then((m) => m.MyBusiness),
  false,
);

/**
 * Calls each loader in turn while the browser is idle, one per idle period (or after `timeout` ms
 * without one); returns a cancel.
 */
export function prefetchWhenIdle(loaders: (() => Promise<unknown>)[], timeout = 5000): () => void {
  let cancelled = false;
  const idle = (f: () => void) =>
    typeof requestIdleCallback === 'function' ? requestIdleCallback(f, { timeout }) : setTimeout(f, 200);
  const step = (k: number) => {
    if (cancelled || k >= loaders.length) return;
    idle(() => {
      if (!cancelled) void loaders[k]().finally(() => step(k + 1));
    });
  };
  step(0);
  return () => {
    cancelled = true;
  };
}
