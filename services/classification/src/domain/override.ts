import { Assessment, Classification, higherRisk, higherUrgency, Risk, Urgency } from './classification';
import { RuleSetProblem } from './rule-set/validate-rule-set';
import { CategoryDefinition, PriorityMatrix } from './rule-set/rule-set';

/** An agent's correction: any of the four judgements. */
export interface OverrideRequest {
  category?: string;
  subcategory?: string;
  urgency?: Urgency;
  risk?: Risk;
}

/**
 * The judgements an agent has made on a complaint. They stand when the complaint is assessed again (a reopen): the
 * agent's category is kept, and urgency and risk never drop below the agent's.
 */
export interface PinnedAssessment {
  category?: string;
  subcategory?: string;
  urgency?: Urgency;
  risk?: Risk;
}

/** Why the request cannot apply to the taxonomy in force, or an empty list. */
export function overrideProblems(
  request: OverrideRequest,
  current: Assessment,
  taxonomy: CategoryDefinition[],
): RuleSetProblem[] {
  const problems: RuleSetProblem[] = [];
  if (Object.values(request).every((value) => value === undefined)) {
    problems.push({ path: 'category', message: 'give at least one of category, subcategory, urgency, risk' });
  }
  const category = request.category ?? current.category;
  const definition = taxonomy.find((c) => c.id === category);
  if (request.category !== undefined && !definition) {
    problems.push({ path: 'category', message: `unknown category ${request.category}` });
  }
  if (
    request.subcategory !== undefined &&
    definition &&
    !definition.subcategories.some((s) => s.id === request.subcategory)
  ) {
    problems.push({
      path: 'subcategory',
      message: `unknown subcategory ${request.subcategory} of ${category}`,
    });
  }
  return problems;
}

/** The classification after an agent's correction, and the judgements that now stand. */
export function applyOverride(
  current: Classification,
  pinned: PinnedAssessment,
  request: OverrideRequest,
  priority: PriorityMatrix,
): { result: Classification; pinned: PinnedAssessment } {
  const category = request.category ?? current.category;
  const subcategory =
    request.subcategory ??
    (request.category !== undefined && request.category !== current.category
      ? undefined
      : current.subcategory);
  const urgency = request.urgency ?? current.urgency;
  const risk = request.risk ?? current.risk;
  const { subcategory: _previous, ...rest } = current;
  const result: Classification = {
    ...rest,
    category,
    ...(subcategory ? { subcategory } : {}),
    urgency,
    risk,
    priority: priority[urgency][risk],
    // A person decided: the rules' uncertainty no longer describes the result.
    confidence: 1,
  };
  const categoryPinned = request.category !== undefined || request.subcategory !== undefined;
  return {
    result,
    pinned: {
      ...pinned,
      ...(categoryPinned ? { category, subcategory } : {}),
      ...(request.urgency !== undefined ? { urgency } : {}),
      ...(request.risk !== undefined ? { risk } : {}),
    },
  };
}

/** The rules' new result combined with what agents decided earlier. */
export function reassess(
  engine: Classification,
  pinned: PinnedAssessment,
  priority: PriorityMatrix,
): Classification {
  const { subcategory: _engineSubcategory, ...rest } = engine;
  const category = pinned.category ?? engine.category;
  const subcategory = pinned.category !== undefined ? pinned.subcategory : engine.subcategory;
  const urgency = pinned.urgency ? higherUrgency(pinned.urgency, engine.urgency) : engine.urgency;
  const risk = pinned.risk ? higherRisk(pinned.risk, engine.risk) : engine.risk;
  return {
    ...rest,
    category,
    ...(subcategory ? { subcategory } : {}),
    urgency,
    risk,
    priority: priority[urgency][risk],
    confidence: pinned.category !== undefined ? 1 : engine.confidence,
  };
}

/** Whether downstream services must hear about it: the category or any level changed. */
export function assessmentChanged(before: Assessment, after: Assessment): boolean {
  return (
    before.category !== after.category ||
    (before.subcategory ?? null) !== (after.subcategory ?? null) ||
    before.urgency !== after.urgency ||
    before.risk !== after.risk ||
    before.priority !== after.priority
  );
}
