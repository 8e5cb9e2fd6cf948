/**
 * A rule set is data: category rules (keywords in Chinese and English, with a weight) and signal rules that raise
 * urgency or risk. The full engine with regexes, channel/product conditions and a versioned store is issue #4;
 * this is the first version the pipeline runs on.
 */
export interface CategoryRule {
  id: string;
  category: string;
  subcategory?: string;
  weight: number;
  keywords: string[];
}

export interface SignalRule {
  id: string;
  signal: string;
  keywords: string[];
  raises: { urgency?: 'urgent'; risk?: 'medium' | 'high' };
}

export interface RuleSet {
  version: string;
  categories: CategoryRule[];
  signals: SignalRule[];
  /** An amount at or above this (in the complaint's currency units) is a large-amount signal. */
  largeAmountThreshold: number;
}

export const DEFAULT_RULE_SET: RuleSet = {
  version: '2026.11-1',
  largeAmountThreshold: 50000,
  categories: [
    {
      id: 'acct-unauthorised',
      category: 'account-and-transaction',
      subcategory: 'unauthorised-transaction',
      weight: 5,
      keywords: ['盗刷', '被盗', '未授权', '盗用', 'unauthorised', 'unauthorized', 'stolen', 'did not make'],
    },
    {
      id: 'acct-transfer',
      category: 'account-and-transaction',
      subcategory: 'transfer',
      weight: 3,
      keywords: ['转账', '汇款', '扣款', '冻结', 'transfer', 'debited', 'frozen', 'charged twice'],
    },
    {
      id: 'sys-app',
      category: 'system-and-technical',
      subcategory: 'app-or-online-banking',
      weight: 3,
      keywords: [
        '闪退',
        '无法登录',
        '系统故障',
        '网银',
        'app crash',
        'cannot log in',
        "can't log in",
        'system error',
        'outage',
      ],
    },
    {
      id: 'attitude',
      category: 'service-attitude',
      weight: 3,
      keywords: ['态度', '不耐烦', '恶劣', 'rude', 'impolite', 'unprofessional attitude'],
    },
    {
      id: 'efficiency',
      category: 'service-efficiency',
      weight: 2,
      keywords: ['排队', '等了', '太慢', '效率', 'waited', 'queue', 'too slow', 'no reply'],
    },
    {
      id: 'product',
      category: 'product-problem',
      weight: 2,
      keywords: [
        '理财',
        '保险',
        '贷款',
        '利率',
        '手续费',
        'fee',
        'interest rate',
        'loan',
        'insurance',
        'investment product',
      ],
    },
    {
      id: 'infosec',
      category: 'information-security',
      weight: 4,
      keywords: ['泄露', '个人信息', '骚扰电话', 'data leak', 'personal information', 'privacy'],
    },
    {
      id: 'process',
      category: 'process-and-operation',
      weight: 2,
      keywords: ['流程', '手续', '材料', 'procedure', 'paperwork', 'process'],
    },
    {
      id: 'enquiry',
      category: 'business-enquiry',
      weight: 1,
      keywords: ['咨询', '请问', '如何', 'how do i', 'enquiry', 'inquiry', 'question'],
    },
  ],
  signals: [
    {
      id: 'sig-unauthorised',
      signal: 'unauthorised-transaction',
      raises: { urgency: 'urgent', risk: 'high' },
      keywords: ['盗刷', '被盗', '未授权', 'unauthorised', 'unauthorized', 'stolen', 'did not make'],
    },
    {
      id: 'sig-fraud',
      signal: 'fraud',
      raises: { urgency: 'urgent', risk: 'high' },
      keywords: ['诈骗', '欺诈', 'fraud', 'scam'],
    },
    {
      id: 'sig-frozen',
      signal: 'account-frozen',
      raises: { urgency: 'urgent', risk: 'medium' },
      keywords: ['冻结', 'frozen', 'blocked account'],
    },
    {
      id: 'sig-regulator',
      signal: 'regulator-mentioned',
      raises: { risk: 'high' },
      keywords: ['银保监', '金融监管', '人民银行', '12378', 'regulator', 'ombudsman', 'fos'],
    },
    {
      id: 'sig-media',
      signal: 'media-mentioned',
      raises: { risk: 'high' },
      keywords: ['媒体', '曝光', '微博', 'journalist', 'newspaper', 'social media'],
    },
    {
      id: 'sig-escalate',
      signal: 'further-complaint-threatened',
      raises: { risk: 'medium' },
      keywords: ['投诉到', '起诉', '律师', 'sue', 'lawyer', 'take this further'],
    },
  ],
};
