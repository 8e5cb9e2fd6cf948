import { EntityManager } from 'typeorm';
import { RuleSet } from '../../domain/rule-set/rule-set';

export interface RuleSetVersionInfo {
  version: string;
  createdBy: string;
  createdAt: Date;
  comment?: string;
  /** When it was last put in force, if ever. */
  lastActivatedAt?: Date;
}

export interface StoredRuleSet extends RuleSetVersionInfo {
  ruleSet: RuleSet;
}

/** Every rule-set version ever accepted, and which one is in force (the last activated). */
export interface RuleSetStore {
  activeVersion(em?: EntityManager): Promise<string>;
  get(version: string, em?: EntityManager): Promise<StoredRuleSet | null>;
  list(): Promise<RuleSetVersionInfo[]>;
  /** Serialises activations: held until the transaction ends. */
  lockActivations(em: EntityManager): Promise<void>;
  insert(em: EntityManager, ruleSet: RuleSet, createdBy: string, comment?: string): Promise<void>;
  activate(em: EntityManager, version: string, activatedBy: string): Promise<void>;
}

export const RULE_SET_STORE = Symbol('RuleSetStore');
