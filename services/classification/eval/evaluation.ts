import { Classification, Money } from '../src/domain/classification';
import { classify } from '../src/domain/engine/rule-engine';
import { CompiledRuleSet } from '../src/domain/rule-set/compiled-rule-set';

/** One complaint of the labelled set: what a channel would send, and the labels a person gave it. */
export interface LabelledComplaint {
  id: string;
  /** tune: looked at while writing the rules; holdout: only ever measured. */
  split: 'tune' | 'holdout';
  language: 'zh-Hans' | 'zh-Hant' | 'en' | 'mixed';
  channel: string;
  product?: string;
  amount?: Money;
  vulnerable?: string[];
  subject: string;
  description: string;
  expected: { category: string; urgency: 'urgent' | 'general' };
  note?: string;
}

export interface CategoryScore {
  category: string;
  total: number;
  correct: number;
}

export interface EvaluationReport {
  ruleSetVersion: string;
  total: number;
  correct: number;
  perCategory: CategoryScore[];
  perLanguage: { language: string; total: number; correct: number }[];
  /** confusion[expected][predicted] = count. */
  confusion: Record<string, Record<string, number>>;
  categories: string[];
  urgent: { labelled: number; found: number; predicted: number };
  misses: { id: string; expected: LabelledComplaint['expected']; got: Classification }[];
}

const RECEIVED_AT = new Date('2026-11-20T09:00:00.000Z');

export function evaluate(cases: LabelledComplaint[], compiled: CompiledRuleSet): EvaluationReport {
  const categories = compiled.ruleSet.taxonomy.map((c) => c.id);
  const confusion: Record<string, Record<string, number>> = {};
  for (const expected of categories) {
    confusion[expected] = Object.fromEntries(categories.map((predicted) => [predicted, 0]));
  }
  const languages = new Map<string, { total: number; correct: number }>();
  const urgent = { labelled: 0, found: 0, predicted: 0 };
  const misses: EvaluationReport['misses'] = [];
  let correct = 0;

  for (const item of cases) {
    const got = classify(
      {
        subject: item.subject,
        description: item.description,
        channel: item.channel,
        ...(item.product ? { product: item.product } : {}),
        ...(item.amount ? { amount: item.amount } : {}),
        vulnerable: item.vulnerable ?? [],
        receivedAt: RECEIVED_AT,
        earlierComplaints: [],
        reopened: false,
      },
      compiled,
    );
    const row = (confusion[item.expected.category] ??= {});
    row[got.category] = (row[got.category] ?? 0) + 1;
    const right = got.category === item.expected.category;
    if (right) correct++;
    const language = languages.get(item.language) ?? { total: 0, correct: 0 };
    language.total++;
    if (right) language.correct++;
    languages.set(item.language, language);
    if (item.expected.urgency === 'urgent') urgent.labelled++;
    if (got.urgency === 'urgent') urgent.predicted++;
    if (item.expected.urgency === 'urgent' && got.urgency === 'urgent') urgent.found++;
    if (!right || got.urgency !== item.expected.urgency)
      misses.push({ id: item.id, expected: item.expected, got });
  }

  const perCategory = categories.map((category) => {
    const row = confusion[category] ?? {};
    const total = Object.values(row).reduce((sum, n) => sum + n, 0);
    return { category, total, correct: row[category] ?? 0 };
  });
  return {
    ruleSetVersion: compiled.ruleSet.version,
    total: cases.length,
    correct,
    perCategory,
    perLanguage: [...languages.entries()].map(([language, score]) => ({ language, ...score })),
    confusion,
    categories,
    urgent,
    misses,
  };
}

export function percent(part: number, whole: number): string {
  return whole === 0 ? 'n/a' : `${((100 * part) / whole).toFixed(1)}%`;
}

/** Short column labels for the confusion matrix: the initials of the category's words. */
export function abbreviation(category: string): string {
  return category
    .split('-')
    .filter((word) => word !== 'and')
    .map((word) => word[0])
    .join('')
    .toUpperCase();
}

/** The report as text: summary, per-category accuracy, per-language accuracy, confusion matrix, urgency. */
export function renderReport(title: string, report: EvaluationReport): string {
  const lines: string[] = [];
  lines.push(`${title}: rule set ${report.ruleSetVersion}, ${report.total} complaints`);
  lines.push(
    `  category accuracy ${percent(report.correct, report.total)} (${report.correct}/${report.total}); ` +
      `urgent recall ${percent(report.urgent.found, report.urgent.labelled)} (${report.urgent.found}/${report.urgent.labelled}); ` +
      `urgent precision ${percent(report.urgent.found, report.urgent.predicted)} (${report.urgent.found}/${report.urgent.predicted})`,
  );
  lines.push('', '  accuracy per category');
  for (const score of report.perCategory) {
    lines.push(
      `    ${score.category.padEnd(26)} ${percent(score.correct, score.total).padStart(6)}  (${score.correct}/${score.total})`,
    );
  }
  lines.push('', '  accuracy per language');
  for (const score of report.perLanguage) {
    lines.push(
      `    ${score.language.padEnd(26)} ${percent(score.correct, score.total).padStart(6)}  (${score.correct}/${score.total})`,
    );
  }
  lines.push('', '  confusion matrix (rows: labelled, columns: predicted)');
  const header = report.categories.map((c) => abbreviation(c).padStart(4)).join('');
  lines.push(`    ${''.padEnd(26)}${header}`);
  for (const expected of report.categories) {
    const cells = report.categories.map((predicted) =>
      String(report.confusion[expected]?.[predicted] ?? 0).padStart(4),
    );
    lines.push(`    ${`${expected} (${abbreviation(expected)})`.padEnd(26)}${cells.join('')}`);
  }
  return lines.join('\n');
}

/** The same figures as a Markdown section. */
export function renderMarkdown(title: string, report: EvaluationReport): string {
  const lines: string[] = [];
  lines.push(`### ${title}`, '');
  lines.push(
    `Rule set \`${report.ruleSetVersion}\`, ${report.total} complaints. Category accuracy **${percent(report.correct, report.total)}** ` +
      `(${report.correct}/${report.total}); urgent recall **${percent(report.urgent.found, report.urgent.labelled)}** ` +
      `(${report.urgent.found}/${report.urgent.labelled}); urgent precision ${percent(report.urgent.found, report.urgent.predicted)} ` +
      `(${report.urgent.found}/${report.urgent.predicted}).`,
    '',
  );
  lines.push('| category | accuracy | correct / labelled |', '| --- | --- | --- |');
  for (const score of report.perCategory) {
    lines.push(
      `| ${score.category} | ${percent(score.correct, score.total)} | ${score.correct} / ${score.total} |`,
    );
  }
  lines.push('', '| language | accuracy | correct / labelled |', '| --- | --- | --- |');
  for (const score of report.perLanguage) {
    lines.push(
      `| ${score.language} | ${percent(score.correct, score.total)} | ${score.correct} / ${score.total} |`,
    );
  }
  lines.push('', 'Confusion matrix (rows: labelled, columns: predicted):', '');
  lines.push(`| labelled \\ predicted | ${report.categories.map(abbreviation).join(' | ')} |`);
  lines.push(`| --- | ${report.categories.map(() => '---').join(' | ')} |`);
  for (const expected of report.categories) {
    const cells = report.categories.map((predicted) => String(report.confusion[expected]?.[predicted] ?? 0));
    lines.push(`| ${expected} (${abbreviation(expected)}) | ${cells.join(' | ')} |`);
  }
  return lines.join('\n');
}
