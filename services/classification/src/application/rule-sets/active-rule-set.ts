import { Inject, Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { compileRuleSet, CompiledRuleSet } from '../../domain/rule-set/compiled-rule-set';
import { RULE_SET_STORE, RuleSetStore } from '../ports/rule-set-store';

/** Compiled versions kept in memory; a version never changes once stored, so entries never go stale. */
const CACHED_VERSIONS = 8;

/**
 * The rule set in force, compiled. Every classification reads which version is active from the database (one
 * indexed row), so a PUT on one replica is used by all replicas from their next complaint; compiling happens once
 * per version and replica.
 */
@Injectable()
export class ActiveRuleSet {
  private readonly compiled = new Map<string, CompiledRuleSet>();

  constructor(@Inject(RULE_SET_STORE) private readonly store: RuleSetStore) {}

  async get(em?: EntityManager): Promise<CompiledRuleSet> {
    return this.version(await this.store.activeVersion(em), em);
  }

  async version(version: string, em?: EntityManager): Promise<CompiledRuleSet> {
    const cached = this.compiled.get(version);
    if (cached) return cached;
    const stored = await this.store.get(version, em);
    if (!stored) throw new Error(`rule set ${version} is active but not stored`);
    const compiled = compileRuleSet(stored.ruleSet);
    this.compiled.set(version, compiled);
    if (this.compiled.size > CACHED_VERSIONS) {
      this.compiled.delete(this.compiled.keys().next().value as string);
    }
    return compiled;
  }
}
