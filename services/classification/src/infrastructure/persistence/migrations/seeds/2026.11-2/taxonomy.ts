import { CategoryDefinition } from '../../../../../domain/rule-set/rule-set';

/**
 * The categories of the standards (domain-requirements §3: [3.1] complaint categories, [3.4] problem types, [3.3]
 * scenario examples), each with the subcategories the examples name. Frozen: it is part of a migration's seed.
 */
export const TAXONOMY: CategoryDefinition[] = [
  {
    id: 'account-and-transaction',
    name: { zh: '账户与交易', en: 'Account and transaction' },
    subcategories: [
      { id: 'unauthorised-transaction', name: { zh: '未授权交易', en: 'Unauthorised transaction' } },
      { id: 'fraud-or-scam', name: { zh: '诈骗损失', en: 'Fraud or scam loss' } },
      {
        id: 'account-frozen-or-restricted',
        name: { zh: '账户冻结或受限', en: 'Account frozen or restricted' },
      },
      {
        id: 'transfer-or-payment-problem',
        name: { zh: '转账与支付问题', en: 'Transfer or payment problem' },
      },
      { id: 'incorrect-debit', name: { zh: '错误扣款', en: 'Incorrect debit' } },
      { id: 'atm-or-cash', name: { zh: '取款与现金', en: 'ATM or cash' } },
      { id: 'balance-or-statement', name: { zh: '余额与明细', en: 'Balance or statement' } },
      { id: 'repayment', name: { zh: '还款入账', en: 'Repayment' } },
      { id: 'wrong-recipient', name: { zh: '转错账户', en: 'Payment to the wrong recipient' } },
    ],
  },
  {
    id: 'system-and-technical',
    name: { zh: '系统与技术', en: 'System and technical' },
    subcategories: [
      { id: 'app-or-online-banking', name: { zh: '手机银行与网银', en: 'App or online banking' } },
      { id: 'atm-or-self-service-device', name: { zh: '自助设备', en: 'ATM or self-service device' } },
      { id: 'verification-code', name: { zh: '验证码', en: 'Verification code' } },
      { id: 'data-error', name: { zh: '数据异常', en: 'Data error' } },
      { id: 'card-technology', name: { zh: '卡片技术故障', en: 'Card technology fault' } },
    ],
  },
  {
    id: 'service-attitude',
    name: { zh: '服务态度', en: 'Service attitude' },
    subcategories: [
      { id: 'rude-or-impatient', name: { zh: '态度差、不耐烦', en: 'Rude or impatient' } },
      { id: 'discrimination', name: { zh: '歧视', en: 'Discrimination' } },
      { id: 'unprofessional-conduct', name: { zh: '不专业的行为', en: 'Unprofessional conduct' } },
    ],
  },
  {
    id: 'service-efficiency',
    name: { zh: '服务效率', en: 'Service efficiency' },
    subcategories: [
      { id: 'long-wait', name: { zh: '排队等待', en: 'Long wait' } },
      { id: 'slow-processing', name: { zh: '办理缓慢', en: 'Slow processing' } },
      { id: 'no-response', name: { zh: '无回复、无回电', en: 'No response' } },
    ],
  },
  {
    id: 'product-problem',
    name: { zh: '产品问题', en: 'Product problem' },
    subcategories: [
      { id: 'fees-and-charges', name: { zh: '费用', en: 'Fees and charges' } },
      { id: 'interest-and-rates', name: { zh: '利息与利率', en: 'Interest and rates' } },
      { id: 'investment-and-wealth', name: { zh: '理财与投资', en: 'Investment and wealth' } },
      { id: 'insurance', name: { zh: '保险', en: 'Insurance' } },
      { id: 'mis-selling', name: { zh: '销售误导', en: 'Mis-selling' } },
      { id: 'loans-and-cards', name: { zh: '贷款与信用卡', en: 'Loans and cards' } },
    ],
  },
  {
    id: 'information-security',
    name: { zh: '信息安全', en: 'Information security' },
    subcategories: [
      { id: 'data-leak-or-privacy', name: { zh: '信息泄露与隐私', en: 'Data leak or privacy' } },
      { id: 'unwanted-contact', name: { zh: '骚扰与营销', en: 'Unwanted contact' } },
      { id: 'phishing', name: { zh: '钓鱼信息', en: 'Phishing' } },
      { id: 'identity-misuse', name: { zh: '身份冒用', en: 'Identity misuse' } },
      { id: 'account-compromise', name: { zh: '账户被入侵', en: 'Account compromise' } },
    ],
  },
  {
    id: 'process-and-operation',
    name: { zh: '流程与操作', en: 'Process and operation' },
    subcategories: [
      { id: 'complex-procedure', name: { zh: '流程繁琐', en: 'Complex procedure' } },
      { id: 'unclear-guidance', name: { zh: '指引不明确', en: 'Unclear guidance' } },
      { id: 'documents-and-requirements', name: { zh: '材料要求', en: 'Documents and requirements' } },
      { id: 'in-person-requirement', name: { zh: '须本人到场', en: 'In-person requirement' } },
    ],
  },
  {
    id: 'business-enquiry',
    name: { zh: '业务咨询', en: 'Business enquiry' },
    subcategories: [
      { id: 'product-enquiry', name: { zh: '产品咨询', en: 'Product enquiry' } },
      { id: 'procedure-enquiry', name: { zh: '办理咨询', en: 'Procedure enquiry' } },
      { id: 'rates-and-fees-enquiry', name: { zh: '利率与费用咨询', en: 'Rates and fees enquiry' } },
    ],
  },
  {
    id: 'other',
    name: { zh: '其他', en: 'Other' },
    subcategories: [
      { id: 'suggestion', name: { zh: '建议', en: 'Suggestion' } },
      { id: 'praise', name: { zh: '表扬', en: 'Praise' } },
      { id: 'facilities-and-environment', name: { zh: '网点设施与环境', en: 'Facilities and environment' } },
      { id: 'brand-and-marketing', name: { zh: '品牌与宣传', en: 'Brand and marketing' } },
    ],
  },
];
