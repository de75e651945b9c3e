/** What the scenario editor shows: levers grouped by dimension, each field with a label and a one-line explanation. */

export interface Text {
  en: string;
  zh: string;
}

export interface FieldSpec {
  key: string;
  label: Text;
  help: Text;
  kind?: 'number' | 'boolean' | 'target';
}

export interface LeverSpec {
  /** Path of the lever in the file, e.g. ['levers', 'value', 'discount']. */
  path: string[];
  label: Text;
  help: Text;
  fields: FieldSpec[];
}

export interface SectionSpec {
  id: 'value' | 'emotion' | 'experience' | 'organisation';
  label: Text;
  levers: LeverSpec[];
}

const T = (en: string, zh: string): Text => ({ en, zh });
const lever = (group: string, name: string, label: Text, help: Text, fields: FieldSpec[]): LeverSpec => ({
  path: ['levers', group, name],
  label,
  help,
  fields,
});
const level = (help: Text): FieldSpec => ({ key: 'levelPct', label: T('Level', '力度'), help });

export const SECTIONS: SectionSpec[] = [
  {
    id: 'value',
    label: T('Value 价值', '价值维度 Value'),
    levers: [
      lever(
        'value',
        'discount',
        T('Discount', '折扣'),
        T(
          'Price cut for everyone, new or lapsed customers: pulls the price-sensitive in; its end feels like a price rise.',
          '面向全部、新客或流失客户的降价：吸引价格敏感客户，结束时会被感知为涨价。',
        ),
        [
          {
            key: 'depthPct',
            label: T('Depth', '折扣深度'),
            help: T('Share of the price taken off.', '减免价格的比例。'),
          },
          {
            key: 'target',
            label: T('For whom', '适用对象'),
            help: T('all, new (first 3 months) or lapsed customers', '全部、新客（前3个月）或流失客户'),
            kind: 'target',
          },
        ],
      ),
      lever(
        'value',
        'points',
        T('Points and tiers', '积分与会员等级'),
        T(
          'Points worth a share of spend and an upper tier for frequent visitors: switching costs without affection.',
          '按消费比例返积分，高频客户升级会员：形成转换成本，但不增加情感。',
        ),
        [
          {
            key: 'rewardPct',
            label: T('Points value', '积分价值'),
            help: T(
              'Value of points as a share of spend (70 % are redeemed).',
              '积分价值占消费额比例（70%会被兑换）。',
            ),
          },
          {
            key: 'tiers',
            label: T('Tiers', '会员等级'),
            help: T('An upper tier for customers who come often.', '为高频客户设立高等级。'),
            kind: 'boolean',
          },
        ],
      ),
      lever(
        'value',
        'personalisation',
        T('Personalisation', '个性化'),
        T(
          'Knowing each customer: raises perceived value, visit quality and the warmth of visits.',
          '了解每位客户：提升感知价值、服务质量与温度。',
        ),
        [level(T('How far service is tailored.', '服务定制化程度。'))],
      ),
      lever(
        'value',
        'knowledgeServices',
        T('Knowledge and scenario services', '知识型与场景化服务'),
        T(
          'Solutions, not just delivery: reports, advice, life proposals.',
          '提供解决方案而非仅交付：报告、建议、生活提案。',
        ),
        [level(T('How much of this the service offers.', '此类服务的投入程度。'))],
      ),
    ],
  },
  {
    id: 'emotion',
    label: T('Emotion 情感', '情感维度 Emotion'),
    levers: [
      lever(
        'emotion',
        'careGestures',
        T('Care gestures', '关怀与记忆点'),
        T(
          'Birthdays, names, small surprises: bond grows, more for relationship-seekers.',
          '生日、称呼、小惊喜：增进情感连接，对重关系的客户更有效。',
        ),
        [
          {
            key: 'perYear',
            label: T('Per customer per year', '每客每年次数'),
            help: T('Gestures each customer receives a year.', '每位客户每年收到的关怀次数。'),
          },
        ],
      ),
      lever(
        'emotion',
        'community',
        T('Community', '社群运营'),
        T(
          'Members meet, learn and play together: bond, extra visits, many more referrals.',
          '会员相聚、学习、互动：增进情感、增加到访、大幅提升转介绍。',
        ),
        [level(T('How actively the community is run.', '社群运营的活跃程度。'))],
      ),
      lever(
        'emotion',
        'proactiveContact',
        T('Proactive contact', '主动联系'),
        T(
          'Greetings and check-ins: helpful up to about two a month, annoying beyond four.',
          '问候与回访：每月约两次有益，超过四次会引起反感。',
        ),
        [
          {
            key: 'perMonth',
            label: T('Contacts per month', '每月联系次数'),
            help: T('Contacts per customer per month.', '每位客户每月被联系的次数。'),
          },
        ],
      ),
    ],
  },
  {
    id: 'experience',
    label: T('Experience 体验', '体验维度 Experience'),
    levers: [
      lever(
        'experience',
        'transparency',
        T('Transparency and feedback loop', '透明化与快速反馈'),
        T(
          'Visible progress and a call back on low scores: silent problems get heard.',
          '进度可视，低分即回访：让沉默的不满被听见。',
        ),
        [
          level(T('How much of the journey customers can see.', '客户可见的服务流程比例。')),
          {
            key: 'callbackHours',
            label: T('Call back within', '回访时限'),
            help: T('Hours from a low score to the call.', '从低分到回访的小时数。'),
          },
        ],
      ),
      lever(
        'experience',
        'complaintHandling',
        T('Complaint handling', '投诉处理'),
        T(
          'Easy to complain, fast and generous answers: minor failures can end better than none.',
          '投诉便捷、响应快、补偿足：小失误甚至可能转为加分。',
        ),
        [
          {
            key: 'easeOfVoicingPct',
            label: T('Ease of complaining', '投诉便捷度'),
            help: T('Makes voicing up to 4× likelier.', '最多可使投诉意愿提高到4倍。'),
          },
          {
            key: 'responseHours',
            label: T('Response time', '响应时间'),
            help: T('Hours to answer a complaint.', '回应投诉所需小时数。'),
          },
          {
            key: 'resolutionQualityPct',
            label: T('Resolution quality', '解决质量'),
            help: T('How fully problems are fixed.', '问题被彻底解决的程度。'),
          },
          {
            key: 'compensationPct',
            label: T('Compensation', '补偿'),
            help: T('Compensation as a share of the visit spend.', '补偿金额占单次消费的比例。'),
          },
        ],
      ),
      lever(
        'experience',
        'serviceStandards',
        T('Service standards', '服务标准化'),
        T(
          'Consistency: fewer failures, less variation, more trust.',
          '一致性：更少失误、更小波动、更多信任。',
        ),
        [level(T('How complete and followed the standards are.', '标准的完备与执行程度。'))],
      ),
    ],
  },
  {
    id: 'organisation',
    label: T('Organisation 组织保障', '组织保障 Organisation'),
    levers: [
      lever(
        'organisation',
        'empowerment',
        T('Staff empowerment', '员工授权'),
        T(
          'Front-line authority and a surprise fund: morale up, turnover down, problems fixed on the spot.',
          '一线授权与惊喜基金：士气提升、流失下降、问题当场解决。',
        ),
        [
          level(T('How much staff may decide on the spot.', '一线员工可自主决策的程度。')),
          {
            key: 'surpriseFundPerMonth',
            label: T('Surprise fund', '惊喜基金'),
            help: T('Money a month for delighting guests.', '每月用于制造惊喜的金额。'),
          },
        ],
      ),
      lever(
        'organisation',
        'training',
        T('Training and incentives', '培训与激励'),
        T(
          'Skill rises with training; incentives lift morale (service-profit chain).',
          '培训提升技能，激励提升士气（服务利润链）。',
        ),
        [
          {
            key: 'hoursPerStaffPerMonth',
            label: T('Training hours', '培训时长'),
            help: T('Hours per staff member per month.', '每名员工每月培训小时数。'),
          },
          {
            key: 'incentivePct',
            label: T('Incentives', '激励'),
            help: T('Bonus as a share of wage.', '奖金占工资的比例。'),
          },
        ],
      ),
    ],
  },
];

/** Market and population fields shown above the levers. */
export const WORLD_FIELDS: { path: string[]; label: Text; help: Text }[] = [
  { path: ['horizonMonths'], label: T('Horizon', '模拟时长'), help: T('Months simulated.', '模拟的月数。') },
  {
    path: ['population', 'marketSize'],
    label: T('Market size', '市场规模'),
    help: T('People in the market: suspects, prospects and customers.', '市场中的潜在客户与现有客户总数。'),
  },
  {
    path: ['population', 'initialCustomerPct'],
    label: T('Customers at start', '期初客户占比'),
    help: T('Share of the market already buying at month 0.', '第0个月已是客户的比例。'),
  },
  {
    path: ['market', 'acquisitionSpendPerMonth'],
    label: T('Acquisition spend', '获客投入'),
    help: T('Marketing money a month.', '每月营销投入。'),
  },
  {
    path: ['market', 'competitorAttractivenessPct'],
    label: T('Competitor pull', '竞争吸引力'),
    help: T(
      'How attractive rivals are, pulling the price-sensitive and weakly bonded.',
      '竞争对手的吸引力，对价格敏感、情感弱的客户影响更大。',
    ),
  },
  {
    path: ['dimensions', 'synergy'],
    label: T('Synergy between the three dimensions', '三个维度的协同'),
    help: T(
      '0 = additive (each dimension counts on its own); 1 = geometric mean; 2 (default) = the dimensions are complements, so lifting one far above the others is worth little; higher = the weakest decides; below 0 = they substitute. Evidence both ways: How the model works, “How the dimensions combine”.',
      '0 = 相加（各维度各自计算）；1 = 几何平均；2（默认）= 三个维度互补，只把一个维度拉高作用很小；更高 = 最弱的维度决定；小于 0 = 相互替代。两方面的证据见模型说明“三个维度如何组合”一节。',
    ),
  },
  {
    path: ['dimensions', 'betrayal'],
    label: T('Betrayal: how a bond changes a failure', '背叛感：情感连接如何放大失误'),
    help: T(
      'A failure not put right costs bond × (1 + betrayal × bond): above 0 close customers feel betrayed (default 0.5), below 0 the bond buffers.',
      '未补救的失误损失的情感连接 ×（1 + 背叛系数 × 情感连接）：大于 0 关系越近越觉得被背叛（默认 0.5），小于 0 情感连接起缓冲作用。',
    ),
  },
  {
    path: ['levers', 'value', 'pricePct'],
    label: T('Price level', '价格水平'),
    help: T('Price against the market (100 = market price).', '相对市场价的价格（100 = 市场价）。'),
  },
];

/** The one setting of an aimed lever's audience, by its key under `audience` (the editor and the sweep composer name it alike). */
export const AUDIENCE_FIELDS: FieldSpec[] = [
  {
    key: 'topPct',
    label: T('Top share', '前百分比'),
    help: T(
      'ranked by spend over the last 12 months, again at the start of every month',
      '按过去12个月的消费排名，每月初重新排名',
    ),
  },
  {
    key: 'newMonths',
    label: T('First months', '前几个月'),
    help: T('since the first purchase', '自首次消费起'),
  },
];

export const COST_FIELDS: FieldSpec[] = [
  {
    key: 'fixedPerMonth',
    label: T('Fixed per month', '每月固定成本'),
    help: T('Money a month while the lever is on.', '杠杆启用期间每月固定金额。'),
  },
  {
    key: 'perCustomerPerMonth',
    label: T('Per customer per month', '每客每月成本'),
    help: T(
      'Money per active customer (per member for community) a month.',
      '每位活跃客户（社群按会员计）每月金额。',
    ),
  },
  {
    key: 'perEvent',
    label: T('Per event', '每次成本'),
    help: T(
      'Money per gesture, contact, callback, complaint, surprise or training hour.',
      '每次关怀、联系、回访、投诉、惊喜或培训小时的金额。',
    ),
  },
];
