import { LevelPolicy, RiskPolicy, StartLevelRule } from '../../../domain/matrix/escalation-matrix';

/**
 * The first matrix the migration seeds (version 1), frozen with it: operators replace it over the API
 * (PUT /v1/escalation-matrix). The routing rules come from the routing_rule table the first migration seeded.
 *
 * Levels follow the tiered practice of domain-requirements §5.24 (the standards name no tiers): the routed team's
 * frontline, its team lead, the consumer-protection / complaint-management department, senior management and
 * compliance. Windows widen as the level rises; the top level has nowhere higher to go.
 */
export const DEFAULT_LEVELS_V1: LevelPolicy[] = [
  { level: 'L1', name: 'Frontline team', escalateWhenUnacknowledged: false },
  { level: 'L2', name: 'Team lead', acknowledgeWithinMinutes: 30, escalateWhenUnacknowledged: true },
  {
    level: 'L3',
    name: 'Consumer-protection / complaint-management department',
    team: 'consumer-protection',
    acknowledgeWithinMinutes: 60,
    escalateWhenUnacknowledged: true,
  },
  {
    level: 'L4',
    name: 'Senior management and compliance',
    team: 'senior-management-and-compliance',
    acknowledgeWithinMinutes: 240,
    escalateWhenUnacknowledged: false,
  },
];

/**
 * Where complaints start above the frontline: high risk (§3.11), a regulator referral (to the complaint-management
 * department at once), a regulator, media or further-complaint threat, a vulnerable customer (§3.12) and a repeat
 * complainant. The signals are the ones classification's rule set raises.
 */
export const DEFAULT_START_LEVEL_RULES_V1: StartLevelRule[] = [
  { id: 'high-risk', risk: 'high', level: 'L2' },
  { id: 'regulator-mentioned', signal: 'regulator-mentioned', level: 'L2' },
  { id: 'media-mentioned', signal: 'media-mentioned', level: 'L2' },
  { id: 'further-complaint-threatened', signal: 'further-complaint-threatened', level: 'L2' },
  { id: 'vulnerable-customer', vulnerable: true, level: 'L2' },
  { id: 'repeat-complainant', signal: 'repeat-complainant', level: 'L2' },
  { id: 'regulator-referral-channel', channel: 'regulator-referral', level: 'L3' },
  { id: 'regulator-referral-signal', signal: 'regulator-referral', level: 'L3' },
];

/**
 * Risk-warning indicators (§5.16: complaint rate, satisfaction, response time): daily complaint counts, daily
 * breach counts, and the weekly share of low satisfaction scores (1-2 of 5) once ten scores are in. The figures
 * are starting points for operators to tune, not values from the standards (which give none).
 */
export const DEFAULT_RISK_POLICY_V1: RiskPolicy = {
  lowSatisfactionAtMost: 2,
  thresholds: [
    count('category-complaints-daily', 'category', 'complaints', 1440, 30),
    count('team-complaints-daily', 'team', 'complaints', 1440, 50),
    count('channel-complaints-daily', 'channel', 'complaints', 1440, 100),
    count('category-breaches-daily', 'category', 'breaches', 1440, 10),
    count('team-breaches-daily', 'team', 'breaches', 1440, 10),
    count('channel-breaches-daily', 'channel', 'breaches', 1440, 20),
    share('category-low-satisfaction-weekly', 'category'),
    share('team-low-satisfaction-weekly', 'team'),
    share('channel-low-satisfaction-weekly', 'channel'),
  ],
};

function count(
  id: string,
  dimension: 'category' | 'team' | 'channel',
  metric: 'complaints' | 'breaches',
  windowMinutes: number,
  threshold: number,
) {
  return {
    id,
    dimension,
    key: '*',
    metric,
    measure: 'count' as const,
    windowMinutes,
    threshold,
    minimumSample: 1,
  };
}

function share(id: string, dimension: 'category' | 'team' | 'channel') {
  return {
    id,
    dimension,
    key: '*',
    metric: 'low-satisfaction' as const,
    measure: 'share' as const,
    windowMinutes: 7 * 1440,
    threshold: 0.3,
    minimumSample: 10,
  };
}
