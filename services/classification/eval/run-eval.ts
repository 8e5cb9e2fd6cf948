/**
 * `npm run eval:classification`: classifies the labelled set with a rule set and prints category accuracy (overall,
 * per category, per language), the confusion matrix, and urgent recall and precision, for the whole set and for the
 * held-out quarter that was never looked at while the rules were written.
 *
 *   --rule-set <file.json>   evaluate a candidate rule set (the body you would PUT) instead of the seeded default
 *   --show-misses <split>    list the complaints classified wrongly in a split (tune, holdout or all)
 *   --write <file.md>        also write the figures as Markdown: between the results markers of an existing file
 *                            (docs/classification-eval.md has them), or as the whole file
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { format, resolveConfig } from 'prettier';
import { CATEGORIES, CHANNELS, VULNERABILITIES } from '@complaints/contracts';
import { compileRuleSet } from '../src/domain/rule-set/compiled-rule-set';
import { RuleSet } from '../src/domain/rule-set/rule-set';
import { validateRuleSet } from '../src/domain/rule-set/validate-rule-set';
import { DEFAULT_RULE_SET_2026_11_2 } from '../src/infrastructure/persistence/migrations/seeds/2026.11-2';
import { evaluate, LabelledComplaint, renderMarkdown, renderReport } from './evaluation';

const LABELLED_SET = resolve(__dirname, 'labelled-complaints.json');

function option(name: string): string | undefined {
  const at = process.argv.indexOf(name);
  return at >= 0 ? process.argv[at + 1] : undefined;
}

async function main(): Promise<void> {
  const file = option('--rule-set');
  const ruleSet: RuleSet = file
    ? JSON.parse(readFileSync(resolve(file), 'utf8'))
    : DEFAULT_RULE_SET_2026_11_2;
  const problems = validateRuleSet(ruleSet, {
    categories: CATEGORIES,
    channels: CHANNELS,
    vulnerabilities: VULNERABILITIES,
  });
  if (problems.length > 0) {
    console.error(
      `the rule set is not valid:\n${problems.map((p) => `  ${p.path}: ${p.message}`).join('\n')}`,
    );
    process.exit(1);
  }
  const compiled = compileRuleSet(ruleSet);
  const cases: LabelledComplaint[] = JSON.parse(readFileSync(LABELLED_SET, 'utf8'));
  const splits = {
    all: cases,
    tune: cases.filter((c) => c.split === 'tune'),
    holdout: cases.filter((c) => c.split === 'holdout'),
  };
  const reports = {
    all: evaluate(splits.all, compiled),
    tune: evaluate(splits.tune, compiled),
    holdout: evaluate(splits.holdout, compiled),
  };
  console.log(renderReport('All labelled complaints', reports.all));
  console.log('');
  console.log(renderReport('Held-out quarter (never used to write the rules)', reports.holdout));

  const shown = option('--show-misses') as keyof typeof splits | undefined;
  if (shown) {
    const byId = new Map(cases.map((c) => [c.id, c]));
    console.log(`\nMisclassified (${shown}):`);
    for (const miss of reports[shown].misses) {
      const item = byId.get(miss.id) as LabelledComplaint;
      console.log(
        `  ${miss.id} [${item.language}] expected ${miss.expected.category}/${miss.expected.urgency}, ` +
          `got ${miss.got.category}/${miss.got.urgency} (${miss.got.matchedRules.map((r) => `${r.ruleId}:${r.matched}`).join(', ')})` +
          `\n      ${item.subject} | ${item.description}`,
      );
    }
  }

  const target = option('--write');
  if (target) {
    const markdown = [
      renderMarkdown('All labelled complaints', reports.all),
      renderMarkdown('Held-out quarter', reports.holdout),
      renderMarkdown('Tuning three quarters', reports.tune),
    ].join('\n\n');
    const file = resolve(target);
    // Formatted like the rest of the repository, so `npm run format` and this script agree.
    const text = await format(withResults(file, markdown), {
      ...(await resolveConfig(file)),
      filepath: file,
    });
    writeFileSync(file, text);
    console.log(`\nwrote ${target}`);
  }
}

const START = '<!-- eval:results:start -->';
const END = '<!-- eval:results:end -->';

/** The file with its results section replaced, so the prose around the figures stays as written. */
function withResults(file: string, markdown: string): string {
  const current = existsSync(file) ? readFileSync(file, 'utf8') : '';
  const start = current.indexOf(START);
  const end = current.indexOf(END);
  if (start < 0 || end < start) return `${markdown}\n`;
  return `${current.slice(0, start + START.length)}\n\n${markdown}\n\n${current.slice(end)}`;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
