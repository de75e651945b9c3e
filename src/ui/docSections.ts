/**
 * The model documentation's sections as learners see them: a lesson or an ⓘ links to a heading
 * anchor of docs/model.md (a slug such as `churn-and-win-back-churnts`); the link shows the
 * section's title without the source files it names, in the learner's language.
 */
import modelDoc from '../../docs/model.md?raw';
import { slugify } from '../teaching/anchors.ts';
import type { Lang } from './i18n.ts';

/** Chinese titles of the sections, by their English title (the files named in brackets left out). */
const ZH: Record<string, string> = {
  'Loyalty Lab — the model': '忠诚度实验室：模型',
  'The causal chain': '因果链',
  'Agents and time': '主体与时间',
  'A month, phase by phase': '一个月的各个阶段',
  Population: '人群',
  'Staff and the service-profit chain': '员工与服务利润链',
  'Visits and encounters': '到店与服务接触',
  'Complaints and service recovery': '投诉与服务补救',
  'Value, experience, satisfaction, trust': '价值、体验、满意度与信任',
  'Emotion: the bond': '情感：情感连接',
  'Recommendation, NPS, ladder': '推荐、NPS 与忠诚阶梯',
  'Word of mouth': '口碑',
  Acquisition: '获客',
  'Churn and win-back': '流失与赢回',
  'How the dimensions combine': '三个维度如何组合',
  'Calibrated populations': '校准人群',
  'Audiences and the customer-health score': '受众与客户健康评分',
  'Levers, schedules and costs': '杠杆、排期与成本',
  Money: '财务',
  Outputs: '输出',
  'Attribution over lever groups': '按杠杆组拆分效果',
  'Validation against published effect sizes': '对照已发表效应量的验证',
  'Known departures': '已知偏差',
  'What the tests pin down': '测试确定了什么',
  'Scenario parameters': '情景参数',
  References: '参考文献',
};

/** "Churn and win-back (`churn.ts`)" → "Churn and win-back". */
export function plainTitle(heading: string): string {
  return heading
    .replace(/\s*\((?:`[^`]*`(?:,\s*)?)+\)\s*$/, '')
    .replace(/`/g, '')
    .trim();
}

let sections: Map<string, string> | null = null;

/** Anchor → plain English title of every heading in docs/model.md. */
export function docSections(): Map<string, string> {
  if (sections) return sections;
  sections = new Map();
  for (const line of modelDoc.split('\n')) {
    const m = /^#{1,6}\s+(.*)$/.exec(line);
    if (m) sections.set(slugify(m[1]), plainTitle(m[1]));
  }
  return sections;
}

/** The title a learner sees for a section anchor (the anchor itself only if the document lacks it). */
export function sectionTitle(anchor: string, lang: Lang): string {
  const en = docSections().get(anchor);
  if (!en) return anchor;
  return lang === 'zh' ? (ZH[en] ?? en) : en;
}
