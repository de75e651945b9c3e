/** What a calibration found, in plain words (English and Chinese), for the app and the command line. */
import { type LocalText, textIn } from '../scenario/localText.ts';
import type { CalibrationResult, ParameterResult } from './calibrate.ts';
import type { ParameterId } from './parameters.ts';
import type { FigureId } from './targets.ts';

export interface Text {
  en: string;
  zh: string;
}

const n = (x: number) =>
  Math.abs(x) >= 100 ? Math.round(x).toLocaleString('en') : Number(x.toPrecision(3)).toString();
const times = (x: number) => `×${Number(x.toPrecision(3))}`;

const READINGS: Record<ParameterId, (v: number, base: number) => Text> = {
  marketSize: (v, b) => ({
    en: `About ${n(v)} people could buy from you (the baseline assumed ${n(b)}).`,
    zh: `约 ${n(v)} 人是您的潜在顾客（基线假设为 ${n(b)} 人）。`,
  }),
  customerSharePct: (v, b) => ({
    en: `${n(v)} % of that market are your customers today (baseline ${n(b)} %).`,
    zh: `目前该市场中 ${n(v)}% 的人是您的顾客（基线为 ${n(b)}%）。`,
  }),
  visitRate: (v) => ({
    en: `Customers come ${times(v)} as often as the baseline's.`,
    zh: `顾客到访频率是基线的 ${times(v)}。`,
  }),
  spend: (v) => ({
    en: `They spend ${times(v)} the baseline's amount per visit.`,
    zh: `每次消费是基线的 ${times(v)}。`,
  }),
  competitionPct: (v, b) => ({
    en: `Competitors' pull is ${n(v)} % (baseline ${n(b)} %): ${v > b ? 'customers are easier to lure away than the baseline assumed' : 'customers are harder to lure away than the baseline assumed'}.`,
    zh: `竞争对手吸引力为 ${n(v)}%（基线 ${n(b)}%）：${v > b ? '顾客比基线假设的更容易被挖走' : '顾客比基线假设的更不容易被挖走'}。`,
  }),
  failurePct: (v, b) => ({
    en: `${n(v)} % of visits go wrong in some way (baseline ${n(b)} %).`,
    zh: `${n(v)}% 的到访出现某种服务失误（基线 ${n(b)}%）。`,
  }),
  staffSkillPct: (v, b) => ({
    en: `Staff serve at ${n(v)} % skill (baseline ${n(b)} %): ${v > b ? 'better' : 'weaker'} service than the baseline's.`,
    zh: `员工技能为 ${n(v)}%（基线 ${n(b)}%）：服务${v > b ? '优于' : '弱于'}基线。`,
  }),
  wordOfMouth: (v) => ({
    en: `Customers talk about you ${times(v)} as much as the baseline's (word of mouth).`,
    zh: `顾客的口碑传播强度是基线的 ${times(v)}。`,
  }),
  staffTurnoverPct: (v, b) => ({
    en: `${n(v)} % of staff leave in a typical month (baseline ${n(b)} %).`,
    zh: `通常每月有 ${n(v)}% 的员工离职（基线 ${n(b)}%）。`,
  }),
};

/** A parameter found, in words, with a warning if it sits on a bound or the figures do not pin it. */
export function readParameter(p: ParameterResult): Text {
  const r = READINGS[p.id](p.value, p.baseline);
  const notes: Text[] = [];
  if (p.atBound)
    notes.push({
      en: `It sits at its ${p.atBound} bound: the figures wanted it further.`,
      zh: `它停在${p.atBound === 'upper' ? '上' : '下'}限：这些数字要求它走得更远。`,
    });
  if (!p.identifiable)
    notes.push({
      en: 'Your figures do not pin it down: read it as a guess.',
      zh: '您的数字不足以确定它：请视为估计。',
    });
  return {
    en: [r.en, ...notes.map((x) => x.en)].join(' '),
    zh: [r.zh, ...notes.map((x) => x.zh)].join(''),
  };
}

/**
 * One line on how the search ended and whether the figures could be met together; `name` gives
 * figures and parameters their labels in the page's language (the command line prints the ids).
 */
export function readOutcome(
  r: CalibrationResult,
  name: { figure: (id: FigureId) => string; parameter: (id: ParameterId) => string } = {
    figure: (id) => id,
    parameter: (id) => id,
  },
): Text {
  const stop: Text =
    r.stopReason === 'budget'
      ? {
          en: `The search did not converge within ${r.evaluations} points; the best one found is kept.`,
          zh: `搜索在 ${r.evaluations} 个点内未收敛；保留找到的最佳点。`,
        }
      : {
          en: `The search converged after ${r.evaluations} points (${r.runs} runs).`,
          zh: `搜索在 ${r.evaluations} 个点（${r.runs} 次模拟）后收敛。`,
        };
  if (!r.conflict)
    return {
      en: `${stop.en} Every figure is met within its tolerance.`,
      zh: `${stop.zh}所有数字均在容差内。`,
    };
  const held = r.conflict.parameters.length
    ? {
        en: ` (held at a bound: ${r.conflict.parameters.map(name.parameter).join(', ')})`,
        zh: `（停在边界的参数：${r.conflict.parameters.map(name.parameter).join('、')}）`,
      }
    : { en: '', zh: '' };
  return {
    en: `${stop.en} These figures cannot be met together with the rest: ${r.conflict.figures.map(name.figure).join(', ')}${held.en}.`,
    zh: `${stop.zh}以下数字无法与其余数字同时满足：${r.conflict.figures.map(name.figure).join('、')}${held.zh}。`,
  };
}

/** How a saved calibration names its figures and parameters in one language. */
export interface Names {
  figure: (id: FigureId) => string;
  parameter: (id: ParameterId) => string;
}
const IDS: Names = { figure: (id) => id, parameter: (id) => id };

/**
 * What a calibrated world is, said once where it cannot be missed (the result and the saved
 * scenario): its figures were matched over the first simulated year only. A baseline that grows or
 * shrinks keeps doing so afterwards, so the headline figures of a longer run (read at its end) can
 * differ from the manager's.
 */
export const FIRST_YEAR: Text = {
  en: 'Matched over your first simulated year; later months are the model’s projection.',
  zh: '以上数字按模拟的第一年拟合；之后各月是模型的推演。',
};

/** The saved scenario's name, in each language after the baseline's. */
export function savedName(base: { name: LocalText }): { en: string; zh: string } {
  return {
    en: `My business (${textIn(base.name, 'en')})`.slice(0, 200),
    zh: `我的企业（${textIn(base.name, 'zh')}）`.slice(0, 200),
  };
}

/**
 * The saved scenario's description, in English and in Chinese: the first-year caveat, the first-year
 * figures (target → simulated on fresh seeds) and the parameters found, then the baseline's own
 * description.
 */
export function savedDescription(
  r: Pick<CalibrationResult, 'figures' | 'parameters' | 'projection'>,
  base: { name: LocalText; description: LocalText },
  names: { en: Names; zh: Names } = { en: IDS, zh: IDS },
): { en: string; zh: string } {
  const figs = (l: 'en' | 'zh') =>
    r.figures
      .map((f) => `${names[l].figure(f.id)} ${n(f.target)} → ${n(f.simulated.mean)}`)
      .join(l === 'en' ? '; ' : '；');
  const pars = (l: 'en' | 'zh') =>
    r.parameters.map((p) => `${names[l].parameter(p.id)} ${n(p.value)}`).join(l === 'en' ? '; ' : '；');
  const p = r.projection;
  const later = (l: 'en' | 'zh') =>
    p
      ? p.figures.map((f) => `${names[l].figure(f.id)} ${n(f.simulated.mean)}`).join(l === 'en' ? '; ' : '；')
      : '';
  const en = `${textIn(base.name, 'en')}, calibrated to ${r.figures.length} of your figures. ${FIRST_YEAR.en} First year (your figure → simulated): ${figs('en')}.${p ? ` Projected for months ${p.from + 1}–${p.month}: ${later('en')}.` : ''} Found: ${pars('en')}.`;
  const zh = `由 ${textIn(base.name, 'zh')} 按您的 ${r.figures.length} 个数字校准。${FIRST_YEAR.zh}第一年（您的数字 → 模拟）：${figs('zh')}。${p ? `第 ${p.from + 1}–${p.month} 月的推演：${later('zh')}。` : ''}校准所得：${pars('zh')}。`;
  const whole = (first: string, lang: 'en' | 'zh') =>
    [first, textIn(base.description, lang)].filter(Boolean).join('\n\n').slice(0, 5000);
  return { en: whole(en, 'en'), zh: whole(zh, 'zh') };
}
