import { Inject, Injectable } from '@nestjs/common';
import { policyProblems } from '../domain/policy/policy-rules';
import { SlaPolicy } from '../domain/policy/sla-policy';
import { PolicyDocument, RULES_STORE, RulesStore, Versioned } from './ports/rules-store';
import { TRANSACTION_RUNNER, TransactionRunner } from './ports/transaction-runner';
import { RulesRejectedError, StaleVersionError } from './rules-errors';

/**
 * GET/PUT /v1/sla/policies. A PUT replaces the whole ordered policy set as a new version, or is rejected whole.
 * Clocks keep the version they started with until something recomputes them (reclassification, reopening).
 */
@Injectable()
export class PolicyAdminService {
  constructor(
    @Inject(RULES_STORE) private readonly rules: RulesStore,
    @Inject(TRANSACTION_RUNNER) private readonly tx: TransactionRunner,
  ) {}

  current(): Promise<Versioned<PolicyDocument>> {
    return this.rules.currentPolicies();
  }

  at(version: number): Promise<Versioned<PolicyDocument> | undefined> {
    return this.rules.policiesAt(version);
  }

  replace(
    policies: SlaPolicy[],
    actor: string,
    expectedVersion?: number,
  ): Promise<Versioned<PolicyDocument>> {
    return this.tx.run(async (em) => {
      await this.rules.lockForChange(em);
      const current = await this.rules.currentPolicies(em);
      if (expectedVersion !== undefined && expectedVersion !== current.version) {
        throw new StaleVersionError(expectedVersion, current.version);
      }
      const calendars = await this.rules.currentCalendars(em);
      const known = new Set(calendars.document.calendars.map((c) => c.id));
      const problems = policyProblems(policies, (id) => known.has(id));
      if (problems.length > 0) throw new RulesRejectedError(problems);
      const version = current.version + 1;
      await this.rules.addPolicies(em, version, { policies }, actor);
      return this.rules.currentPolicies(em);
    });
  }
}
