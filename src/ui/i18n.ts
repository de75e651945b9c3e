/** UI strings in English and Chinese. Both tables must have every key: the type says so. */
const en = {
  title: 'Loyalty Lab',
  subtitle: 'What-if simulations of customer loyalty: value, emotion, experience — on an organisational base',
  running: 'Simulating',
  replications: 'replications',
  scenario: 'Scenario',
  seed: 'Seed',
  market: 'people in the market',
  months: 'months',
  activeCustomers: 'Active customers',
  nps: 'NPS',
  npsAxis: 'NPS (promoters − detractors, %)',
  people: 'customers',
  kpis: 'Key figures (mean and 95% interval over replications)',
  kpi_retention12: '12-month retention (%)',
  kpi_referralRate: 'Referral rate: share of new customers (%)',
  kpi_nps: 'NPS, last 3 months',
  kpi_meanClv: 'Mean CLV per customer',
  kpi_profit: 'Profit over the horizon',
  kpi_activeEnd: 'Active customers at the end',
  rerun: 'Run again',
  language: '中文',
  error: 'The simulation failed',
  bandNote: 'Lines are the mean of the replications; shaded bands their 95% interval.',
  library: 'Scenario library',
  group_baselines: 'Industry baselines',
  group_plans: 'Plans',
  group_cases: 'Cases',
  openFile: 'Open file…',
  saveFile: 'Save file',
  shareLink: 'Share link',
  linkReady: 'Link copied — anyone who opens it sees this scenario with the same results:',
  problemsIn: 'cannot be opened; your current scenario is kept. Problems:',
  migrated: 'was made in an older format and has been read as the current one.',
  caseReported: 'Reported',
  fromLink: 'the shared link',
  tab_scenario: 'Scenario',
  tab_compare: 'Compare',
  baseline: 'Baseline',
  plans: 'Plans (up to 5)',
  run: 'Run',
  cancel: 'Cancel',
  cancelled: 'Run cancelled.',
  remaining: 'left',
  metric: 'Chart',
  kpi: 'Key figure',
  delta: 'Δ vs baseline',
  kpi_leverSpend: 'Lever spend incl. discounts given',
  kpi_revenue: 'Revenue over the horizon',
  roi: 'ROI of the levers (Δ profit ÷ Δ lever spend)',
  costPerRetained: 'Lever spend per extra customer kept',
  downloadCsv: 'Download CSV',
  compareNote:
    'Every plan runs the same replications with the same seeds as the baseline, so each Δ is paired: its interval is the plan’s effect, not noise.',
  m_active: 'Active customers',
  m_retention: 'Monthly retention',
  m_repurchase: 'Repurchase rate',
  m_referralRate: 'Referral rate',
  m_nps: 'NPS',
  m_satisfaction: 'Satisfaction',
  m_value: 'Perceived value',
  m_bond: 'Emotional bond',
  m_experience: 'Experience',
  m_revenue: 'Revenue',
  m_leverCost: 'Lever cost',
  m_profit: 'Profit',
  editLevers: 'Edit levers',
  closeEditor: 'Close the editor',
  myScenarios: 'My scenarios (kept in this browser)',
  rename: 'Rename',
  duplicate: 'Duplicate',
  delete: 'Delete',
  deleteConfirm: 'Delete',
} as const;

export type Key = keyof typeof en;

const zh: Record<Key, string> = {
  title: '忠诚度实验室 Loyalty Lab',
  subtitle: '客户忠诚度“如果……会怎样”模拟：价值、情感、体验三维驱动，组织保障为基础',
  running: '模拟中',
  replications: '次重复',
  scenario: '情景',
  seed: '随机种子',
  market: '市场潜在客户',
  months: '个月',
  activeCustomers: '活跃客户数',
  nps: '净推荐值 NPS',
  npsAxis: '净推荐值（推荐者 − 贬损者，%）',
  people: '客户',
  kpis: '关键指标（重复模拟的均值与95%置信区间）',
  kpi_retention12: '12个月留存率（%）',
  kpi_referralRate: '转介绍率：新客中转介绍占比（%）',
  kpi_nps: '净推荐值（最近3个月）',
  kpi_meanClv: '平均客户生命周期价值 CLV',
  kpi_profit: '期间总利润',
  kpi_activeEnd: '期末活跃客户数',
  rerun: '重新运行',
  language: 'English',
  error: '模拟失败',
  bandNote: '线为各次重复的均值，阴影为95%置信区间。',
  library: '情景库',
  group_baselines: '行业基线',
  group_plans: '方案',
  group_cases: '案例',
  openFile: '打开文件…',
  saveFile: '保存文件',
  shareLink: '分享链接',
  linkReady: '链接已复制——任何人打开都能看到此情景及相同的结果：',
  problemsIn: '无法打开，当前情景保持不变。问题如下：',
  migrated: '为旧格式文件，已按当前格式读取。',
  caseReported: '报道数据',
  fromLink: '分享链接',
  tab_scenario: '情景',
  tab_compare: '方案对比',
  baseline: '基线',
  plans: '方案（最多5个）',
  run: '运行',
  cancel: '取消',
  cancelled: '已取消运行。',
  remaining: '剩余',
  metric: '图表指标',
  kpi: '关键指标',
  delta: '相对基线的变化 Δ',
  kpi_leverSpend: '杠杆投入（含折扣让利）',
  kpi_revenue: '期间总收入',
  roi: '杠杆投资回报率（Δ利润 ÷ Δ杠杆投入）',
  costPerRetained: '每多留住一位客户的杠杆投入',
  downloadCsv: '下载 CSV',
  compareNote:
    '每个方案与基线使用相同的重复次数和随机种子，Δ为配对差值：其区间反映方案本身的效果，而非随机噪声。',
  m_active: '活跃客户数',
  m_retention: '月留存率',
  m_repurchase: '复购率',
  m_referralRate: '转介绍率',
  m_nps: '净推荐值 NPS',
  m_satisfaction: '满意度',
  m_value: '感知价值',
  m_bond: '情感连接',
  m_experience: '客户体验',
  m_revenue: '收入',
  m_leverCost: '杠杆成本',
  m_profit: '利润',
  editLevers: '编辑杠杆',
  closeEditor: '关闭编辑器',
  myScenarios: '我的情景（保存在本浏览器中）',
  rename: '重命名',
  duplicate: '复制',
  delete: '删除',
  deleteConfirm: '确定删除',
};

export const STRINGS = { en, zh } as const;
export type Lang = keyof typeof STRINGS;

const STORAGE_KEY = 'loyalty-lab.lang';

export function initialLang(): Lang {
  try {
    const saved = localStorage.getItem(STORAGE_KEY);
    if (saved === 'en' || saved === 'zh') return saved;
  } catch {
    // storage may be unavailable (private mode); fall through to the browser's language
  }
  return typeof navigator !== 'undefined' && navigator.language?.startsWith('zh') ? 'zh' : 'en';
}

export function rememberLang(lang: Lang): void {
  try {
    localStorage.setItem(STORAGE_KEY, lang);
  } catch {
    // not remembered; nothing else to do
  }
}

export function translator(lang: Lang): (key: Key) => string {
  const table: Record<Key, string> = STRINGS[lang];
  return (key) => table[key];
}
