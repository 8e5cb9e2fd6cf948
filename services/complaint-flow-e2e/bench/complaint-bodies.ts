import { randomUUID } from 'node:crypto';

const CHINESE = [
  ['信用卡被盗刷', '我的信用卡昨晚被盗刷了两笔，都不是我本人操作的，请立即冻结并退款。'],
  ['手机银行无法登录', '最近三天手机银行一直提示系统错误，无法登录，也无法转账。'],
  ['柜台服务态度差', '今天在网点办理业务时，柜员态度很不耐烦，还让我排队等了一个多小时。'],
];
const ENGLISH = [
  [
    'Charged twice',
    'My card was charged twice for the same purchase last Friday and I want the duplicate refunded.',
  ],
  ['App crash', 'The app crashes every time I open my statements, and I cannot log in for hours afterwards.'],
  [
    'Loan fee question',
    'I was charged an early repayment fee on my loan that nobody told me about when I signed.',
  ],
];

/**
 * Realistic complaint bodies, alternating languages and channels, each with a fresh external reference. Each comes
 * from its own customer, except that every twentieth customer complains a second time (a repeat): one customer
 * behind every complaint would make repeat detection, and what it raises downstream, the whole benchmark.
 */
export function complaintBody(i: number): string {
  const zh = i % 2 === 0;
  const customer = i > 0 && i % 20 === 0 ? i - 2 : i;
  const [subject, description] = (zh ? CHINESE : ENGLISH)[i % 3];
  return JSON.stringify({
    channel: ['mobile-app', 'phone', 'online-banking', 'branch-counter'][i % 4],
    externalRef: `BENCH-${randomUUID()}`,
    customer: {
      name: zh ? '王小明' : 'Jordan Lee',
      phone: zh ? `139${String(customer).padStart(8, '0')}` : undefined,
      email: zh ? undefined : `customer-${customer}@example.com`,
      segment: 'individual',
      preferredLanguage: zh ? 'zh-CN' : 'en',
      contactPreference: zh ? 'sms' : 'email',
    },
    subject,
    description,
    amount: i % 3 === 0 ? { value: '1200.00', currency: 'CNY' } : undefined,
  });
}
