import { CATEGORIES, CHANNELS, VULNERABILITIES } from '@complaints/contracts';
import { Vocabulary } from '../domain/rule-set/validate-rule-set';

/** What the wire contract allows: a rule set may only produce values every consumer accepts. */
export const WIRE_VOCABULARY: Vocabulary = {
  categories: CATEGORIES,
  channels: CHANNELS,
  vulnerabilities: VULNERABILITIES,
};
