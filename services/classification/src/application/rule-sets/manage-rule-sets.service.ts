import { Inject, Injectable } from '@nestjs/common';
import { compileRuleSet } from '../../domain/rule-set/compiled-rule-set';
import { RuleSet } from '../../domain/rule-set/rule-set';
import { validateRuleSet, validateVersion } from '../../domain/rule-set/validate-rule-set';
import {
  InvalidRequestError,
  RuleSetNotFoundError,
  RuleSetVersionExistsError,
  StaleRuleSetBaseError,
} from '../errors';
import { RULE_SET_STORE, RuleSetStore, RuleSetVersionInfo, StoredRuleSet } from '../ports/rule-set-store';
import { UNIT_OF_WORK, UnitOfWork } from '../ports/unit-of-work';
import { WIRE_VOCABULARY } from '../wire-vocabulary';
import { canonicalJson } from './canonical-json';

export interface PutRuleSetCommand {
  ruleSet: RuleSet;
  /** The version the author started from; refused when another version was activated since. */
  basedOn?: string;
  comment?: string;
  /** Who, from the caller's token. */
  actor: string;
}

export type PutOutcome = 'created' | 'reactivated' | 'unchanged';

/**
 * Rule sets are replaced whole: a new version is validated completely (every reason is reported), stored and
 * activated in one transaction; a rejected one changes nothing. Putting an existing version with the same content
 * again activates it (a roll-back); the same version with other content is refused, since results name versions.
 */
@Injectable()
export class ManageRuleSetsService {
  constructor(
    @Inject(UNIT_OF_WORK) private readonly unitOfWork: UnitOfWork,
    @Inject(RULE_SET_STORE) private readonly store: RuleSetStore,
  ) {}

  async active(): Promise<StoredRuleSet> {
    return this.get(await this.store.activeVersion());
  }

  async get(version: string): Promise<StoredRuleSet> {
    const found = await this.store.get(version);
    if (!found) throw new RuleSetNotFoundError(version);
    return found;
  }

  list(): Promise<RuleSetVersionInfo[]> {
    return this.store.list();
  }

  async put(command: PutRuleSetCommand): Promise<PutOutcome> {
    const { ruleSet } = command;
    const problems = [...validateVersion(ruleSet.version), ...validateRuleSet(ruleSet, WIRE_VOCABULARY)];
    if (problems.length > 0) throw new InvalidRequestError('the rule set was rejected', problems);
    // Validation covers everything compiling needs; compiling here proves it before anything is stored.
    compileRuleSet(ruleSet);

    return this.unitOfWork.run(async (em) => {
      await this.store.lockActivations(em);
      const active = await this.store.activeVersion(em);
      if (command.basedOn !== undefined && command.basedOn !== active) {
        throw new StaleRuleSetBaseError(command.basedOn, active);
      }
      const existing = await this.store.get(ruleSet.version, em);
      if (existing) {
        if (canonicalJson(existing.ruleSet) !== canonicalJson(ruleSet)) {
          throw new RuleSetVersionExistsError(ruleSet.version);
        }
        if (active === ruleSet.version) return 'unchanged';
        await this.store.activate(em, ruleSet.version, command.actor);
        return 'reactivated';
      }
      await this.store.insert(em, ruleSet, command.actor, command.comment);
      await this.store.activate(em, ruleSet.version, command.actor);
      return 'created';
    });
  }
}
