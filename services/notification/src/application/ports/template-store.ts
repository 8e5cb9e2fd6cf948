import { EntityManager } from 'typeorm';
import { Template, VersionedTemplate } from '../../domain/template';

export interface TemplateSet {
  version: number;
  createdAt: string;
  createdBy: string;
  templates: VersionedTemplate[];
}

export class TemplateVersionConflictError extends Error {
  constructor(
    readonly basedOn: number,
    readonly current: number,
  ) {
    super(`the templates were changed since version ${basedOn}; the current version is ${current}`);
    this.name = 'TemplateVersionConflictError';
  }
}

/** Template sets are append-only: a change is a new version of the whole set; old versions stay readable. */
export interface TemplateStore {
  current(em?: EntityManager): Promise<TemplateSet>;
  version(version: number): Promise<TemplateSet | null>;
  /** The current version's templates for one event type. */
  forEvent(em: EntityManager, eventType: string): Promise<VersionedTemplate[]>;
  find(
    em: EntityManager,
    key: { version: number; eventType: string; audience: string; channel: string; language: string },
  ): Promise<VersionedTemplate | null>;
  /** Saves a new version; TemplateVersionConflictError when `basedOn` is given and is not the current version. */
  saveNewVersion(templates: Template[], basedOn: number | undefined, actor: string): Promise<TemplateSet>;
}

export const TEMPLATE_STORE = Symbol('TemplateStore');
