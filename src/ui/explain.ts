/**
 * What every number and chart in the app means: what it measures, how it is computed, which
 * mechanisms drive it, and the section of docs/model.md that holds them.
 */
export interface Explanation {
  en: string;
  zh: string;
  /** Heading anchor in docs/model.md. */
  anchor: string;
}

const E = (anchor: string, en: string, zh: string): Explanation => ({ en, zh, anchor });

export const EXPLAIN: Record<string, Explanation> = {
  // headline KPIs
  retention12: E(
    'churn-and-win-back-churnts',
    'Share of the customers active 12 months before the last month who have stayed active without a break. Each month a customer leaves with a hazard that falls with loyalty (value, bond and experience weighted by their segment, plus satisfaction and trust) and rises with a competitor’s pull on the price-sensitive and weakly bonded; switching costs hold some back.',
    '最后一个月往前12个月时的活跃客户中，一直保持活跃的比例。每个月客户按一定风险流失：忠诚度（按细分群体加权的价值、情感、体验，加上满意度和信任）越高风险越低；竞争对手对价格敏感、情感弱的客户拉力更大；转换成本能留住一部分人。',
  ),
  referralRate: E(
    'word-of-mouth-wordofmouthts',
    'Share of the new customers of the last 12 months who came through a friend’s recommendation. Promoters (9–10 on the recommend score) talk to their contacts in the social network; a contact converts with a probability that grows with the referrer’s bond; community members refer more.',
    '近12个月的新客户中，经朋友推荐而来的比例。推荐者（推荐意愿9–10分）在社交网络中向联系人推荐；联系人转化的概率随推荐者的情感连接增加；社群会员推荐得更多。',
  ),
  nps: E(
    'recommendation-nps-ladder-perceptionts-monthfeelts',
    'Net Promoter Score over the last 3 months: % of active customers scoring 9–10 minus % scoring 0–6. Each customer’s 0–10 score follows their satisfaction, bond and trust, plus a personal generosity offset.',
    '近3个月的净推荐值：活跃客户中打9–10分的比例减去打0–6分的比例。每位客户的0–10分取决于其满意度、情感连接和信任，再加上个人打分习惯的偏移。',
  ),
  meanClv: E(
    'money',
    'Mean customer lifetime value within the horizon: the discounted margin each customer who bought brought in, after points redeemed and compensation, at the scenario’s annual discount rate.',
    '模拟期内的平均客户终身价值：每位购买过的客户带来的毛利（扣除兑换的积分与补偿），按情景的年折现率折现。',
  ),
  profit: E(
    'money',
    'Gross margin minus lever costs, acquisition spend, staff (wages and hiring) and fixed costs, summed over the horizon. A discount’s cost is already in the margin (revenue forgone).',
    '毛利减去各杠杆成本、获客投入、员工成本（工资与招聘）和固定成本，在整个模拟期内加总。折扣的成本已体现在毛利中（放弃的收入）。',
  ),
  activeEnd: E(
    'recommendation-nps-ladder-perceptionts-monthfeelts',
    'Customers on the first three rungs of the loyalty ladder (first-time, repeat, advocate) at the end: acquisitions and win-backs minus churn, month by month.',
    '期末处于忠诚阶梯前三级（首次购买、重复购买、品牌拥护者）的客户数：每月获客与赢回减去流失。',
  ),
  // metrics over time
  health: E(
    'audiences-and-the-customer-health-score-monthaudiencets-healthts',
    'The customer-health score a customer-success team keeps, from what a CRM records: H = 100 × (0.7 × satisfaction adjusted for its trend + 0.3 × recent visits against the customer’s own usual rate), × 0.6 after a complaint left unresolved in the last 6 months. Good is 60 or more, poor below 45 (a customer who has stopped coming scores about 42 at ordinary satisfaction); the poor are the “at risk” audience a lever can be aimed at. In this model they leave within three months about 1.15 times as often as the good.',
    '客户成功团队依据CRM记录给出的客户健康评分：H = 100 ×（0.7 × 按走向修正的满意度 + 0.3 × 近期到访与该客户自己平时频率之比），近6个月内有投诉未解决则 × 0.6。60分及以上为良好，低于45分为差（满意度一般、却不再来的客户约得42分）；健康差的客户就是杠杆可以瞄准的“有流失风险”受众。本模型中，他们三个月内流失的概率约为健康良好客户的1.15倍。',
  ),
  audience: E(
    'audiences-and-the-customer-health-score-monthaudiencets-healthts',
    'Who gets this lever; everyone else gets a month without it, and its per-customer and per-event costs count only its audience. Top customers by spend: the top N % of active customers by spend over the last 12 months, re-ranked every month. At risk: customers whose health score was below 45 at the end of the last month. New: customers in their first N months. The figures under the choice are the last run’s.',
    '谁能得到这项杠杆；其余客户当月相当于没有它，其按客户和按次计的成本只计入覆盖对象。按消费排名的头部客户：过去12个月消费排名前N%的活跃客户，每月重新排名。有流失风险：上月末健康评分低于45的客户。新客：首次消费后前N个月内的客户。下方的数字来自上次运行。',
  ),
  healthPoor: E(
    'audiences-and-the-customer-health-score-monthaudiencets-healthts',
    'Share of the month’s active customers whose health score is poor (below 45): the “at risk” audience. The score weighs satisfaction and its trend, recent visits against the customer’s own usual rate, and complaints left unresolved.',
    '当月活跃客户中健康评分差（低于45分）的比例，即“有流失风险”受众。评分综合满意度及其走向、近期到访与该客户自己平时频率之比，以及未解决的投诉。',
  ),
  active: E(
    'recommendation-nps-ladder-perceptionts-monthfeelts',
    'Active customers each month (first-time, repeat and advocates).',
    '每月的活跃客户数（首次购买、重复购买与品牌拥护者）。',
  ),
  retention: E(
    'churn-and-win-back-churnts',
    'Share of the month’s customers who did not leave that month (1 − churned ÷ active at the start).',
    '当月未流失的客户比例（1 − 流失数 ÷ 月初活跃数）。',
  ),
  repurchase: E(
    'visits-and-encounters-encountersts',
    'Share of existing customers who visited that month. Visits follow each customer’s own rate, raised by value, bond, community and the season.',
    '当月到店消费的老客户比例。到访次数取决于每位客户自己的频率，并随价值、情感连接、社群和季节提高。',
  ),
  satisfaction: E(
    'value-experience-satisfaction-trust-perceptionts',
    'Mean satisfaction (0–1) of active customers: the month’s experience against their adaptive expectation (expectation-disconfirmation).',
    '活跃客户的平均满意度（0–1）：当月体验与其自适应期望的比较（期望-不一致理论）。',
  ),
  value: E(
    'value-experience-satisfaction-trust-perceptionts',
    'Perceived value 感知价值 (0–1): what customers get for the price against their reference price, raised by personalisation and knowledge services, briefly by discounts.',
    '感知价值（0–1）：客户相对其参考价格所得到的价值，个性化与知识型服务能提升它，折扣只能短暂提升。',
  ),
  bond: E(
    'emotion-the-bond-perceptionts-communityts',
    'Emotional bond 情感连接 (0–1): grows with warm service, care gestures, personal contact and community; eroded by incidents left unresolved.',
    '情感连接（0–1）：随温暖的服务、关怀举动、个人联系与社群增长；未解决的问题会侵蚀它。',
  ),
  experience: E(
    'value-experience-satisfaction-trust-perceptionts',
    'Experience 体验 (0–1): memory of the quality of visits, including failures and how they were recovered.',
    '体验（0–1）：对消费质量的记忆，包括失误及其补救。',
  ),
  leverSpend: E(
    'levers-schedules-and-costs-leversts',
    'What the plan spent on levers over the horizon, including the revenue a discount gave away.',
    '方案在模拟期内的杠杆支出，包括折扣让出的收入。',
  ),
  revenue: E(
    'money',
    'Revenue per month: visits × spend × price × (1 − discount).',
    '每月收入：到访次数 × 客单价 × 价格 ×（1 − 折扣）。',
  ),
  leverCost: E(
    'levers-schedules-and-costs-leversts',
    'Cost of all levers per month: fixed, per customer and per event, plus points redeemed, compensation and incentives.',
    '每月所有杠杆的成本：固定、按客户和按事件计，加上兑换的积分、补偿与激励。',
  ),
  // comparison
  roi: E(
    'money',
    'Extra profit over the horizon per unit of extra investment (lever spend plus discount revenue forgone), paired by replication.',
    '每多投入一个单位（杠杆支出加折扣让利）在模拟期内多得的利润，按重复配对计算。',
  ),
  costPerRetained: E(
    'money',
    'Extra investment per extra customer active at the end, against the baseline.',
    '相对基线，期末每多一位活跃客户所需的额外投入。',
  ),
  // charts
  ladder: E(
    'recommendation-nps-ladder-perceptionts-monthfeelts',
    'The loyalty ladder 忠诚阶梯 over time: first-time, repeat, advocates and lapsed customers.',
    '忠诚阶梯随时间的变化：首次购买、重复购买、品牌拥护者与已流失客户。',
  ),
  cohort: E(
    'churn-and-win-back-churnts',
    'Cohort retention: of the customers who first bought in the same early month, the share still active n months later, with 95 % bands.',
    '客户群留存：在同一早期月份首次购买的客户中，n个月后仍活跃的比例，含95%区间。',
  ),
  clv: E(
    'money',
    'CLV per customer across all replications: 10–90 % whiskers, 25–75 % box, median.',
    '所有重复中每位客户的CLV：10–90%须线、25–75%箱体、中位数。',
  ),
  threeDim: E(
    'the-causal-chain',
    'Mean value, emotion and experience scores of active customers at the end, per plan, on three axes: the three-dimension model made visible.',
    '各方案期末活跃客户在价值、情感、体验三个维度上的平均得分，画在三条轴上：让三维模型一目了然。',
  ),
  attribution: E(
    'attribution-over-lever-groups',
    'How much of a plan’s difference from the baseline came through its value, emotion, experience and organisation levers, and how much through their working together. Every combination of the plan’s lever groups is applied to the baseline and run with the same seeds; a group’s part is its Shapley value — its added effect averaged over every order in which the groups could be added — so the four parts add up exactly to the total in every replication. The interaction is the total minus the sum of each group applied alone (the dashed ticks): positive when the groups reinforce each other, negative when they overlap. Bars are means, lines 95 % paired intervals over replications.',
    '方案相对基线的差异中，有多少来自价值、情感、体验和组织保障杠杆，多少来自它们的协同作用。把方案杠杆组的每一种组合分别加到基线上，用相同的随机种子运行；某组的贡献是它的 Shapley 值——在各组所有可能的加入顺序下，它带来的增量效果的平均——因此在每次重复中四个部分之和都恰好等于总差异。协同部分是总差异减去各组单独施加时效果之和（虚线刻度）：各组相互强化时为正，相互重叠时为负。柱为均值，线为重复运行的95%配对区间。',
  ),
};
