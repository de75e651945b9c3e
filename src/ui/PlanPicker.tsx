import type { Scenario } from '../engine/index.ts';
import { type LocalText, textIn } from '../scenario/localText.ts';
import type { Key, Lang } from './i18n.ts';

export type Kind = 'plans' | 'mine' | 'cases' | 'lessons' | 'baselines';

export interface Entry {
  id: string;
  name: LocalText;
  scenario: Scenario;
}

/** What an entry is, from its id: the library's folder, or the user's own. */
export function kindOf(id: string): Kind {
  const folder = id.split('/')[0];
  return folder === 'plans' || folder === 'cases' || folder === 'lessons' || folder === 'baselines'
    ? folder
    : 'mine';
}

/**
 * The market a scenario is set in: its people (size and segments) and horizon. Plans, cases and
 * lessons keep their baseline's; two scenarios in different markets differ by more than a plan, so
 * their paired difference is not the plan's effect.
 */
export function marketOf(s: Scenario): string {
  return JSON.stringify([s.population.marketSize, s.population.segments, s.horizonMonths]);
}

const ORDER: Kind[] = ['plans', 'mine', 'cases', 'lessons', 'baselines'];
const GROUP_KEY: Record<Kind, Key> = {
  plans: 'group_plans',
  mine: 'group_mine',
  cases: 'group_cases',
  lessons: 'group_lessons',
  baselines: 'group_baselines',
};

/**
 * Compare's plans: those set in the baseline's market first (the library's plans, the user's own,
 * cases and lessons), grouped by kind; scenarios of other markets folded away below, each marked,
 * with a warning when one is picked.
 */
export function PlanPicker({
  t,
  lang,
  entries,
  baseline,
  picked,
  onToggle,
}: {
  t: (k: Key) => string;
  lang: Lang;
  entries: Entry[];
  baseline: string;
  picked: string[];
  onToggle: (id: string) => void;
}) {
  const base = entries.find((e) => e.id === baseline);
  const market = base ? marketOf(base.scenario) : '';
  const candidates = entries.filter((e) => e.id !== baseline);
  const same = candidates.filter((e) => marketOf(e.scenario) === market);
  const other = candidates.filter((e) => marketOf(e.scenario) !== market);
  const foreignPicked = other.filter((e) => picked.includes(e.id));
  const groups = (list: Entry[], foreign: boolean) =>
    ORDER.map((kind) => ({ kind, items: list.filter((e) => kindOf(e.id) === kind) }))
      .filter((g) => g.items.length > 0)
      .map((g) => (
        <fieldset key={g.kind} className="plan-group" data-group={`${foreign ? 'other' : 'same'}-${g.kind}`}>
          <legend>{t(GROUP_KEY[g.kind])}</legend>
          {g.items.map((e) => (
            <label key={e.id} className="plan-choice">
              <input
                type="checkbox"
                value={e.id}
                checked={picked.includes(e.id)}
                onChange={() => onToggle(e.id)}
              />{' '}
              {textIn(e.name, lang)}
              {foreign && (
                <span className="other-market" title={t('pickOtherMarket')}>
                  {' '}
                  ⚠<span className="visually-hidden">{t('pickOtherMarket')}</span>
                </span>
              )}
            </label>
          ))}
        </fieldset>
      ));
  return (
    <fieldset data-testid="plans" className="plan-picker">
      <legend>{t('plans')}</legend>
      <div className="plan-groups" data-testid="plans-same-market">
        {groups(same, false)}
      </div>
      {other.length > 0 && (
        <details open={foreignPicked.length > 0} data-testid="plans-other-markets">
          <summary>
            {t('pickOtherMarkets')} ({other.length})
          </summary>
          <div className="plan-groups">{groups(other, true)}</div>
        </details>
      )}
      {foreignPicked.length > 0 && (
        <p className="warning" data-testid="market-warning">
          ⚠ {t('marketWarning')} {foreignPicked.map((e) => textIn(e.name, lang)).join('; ')}
        </p>
      )}
    </fieldset>
  );
}
