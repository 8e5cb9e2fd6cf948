import { Inject, Injectable } from '@nestjs/common';
import { Template } from '../domain/template';
import { TemplateProblem, validateTemplateSet } from '../domain/template-set';
import { TEMPLATE_STORE, TemplateSet, TemplateStore } from './ports/template-store';

export class InvalidTemplateSetError extends Error {
  constructor(readonly problems: TemplateProblem[]) {
    super('the template set is not valid');
    this.name = 'InvalidTemplateSetError';
  }
}

/** Reads and replaces the template set; a set with any problem is refused whole and nothing changes. */
@Injectable()
export class ManageTemplatesService {
  constructor(@Inject(TEMPLATE_STORE) private readonly store: TemplateStore) {}

  current(): Promise<TemplateSet> {
    return this.store.current();
  }

  version(version: number): Promise<TemplateSet | null> {
    return this.store.version(version);
  }

  /** Throws InvalidTemplateSetError, or TemplateVersionConflictError when `basedOn` is stale. */
  async replace(templates: Template[], basedOn: number | undefined, actor: string): Promise<TemplateSet> {
    const problems = validateTemplateSet(templates);
    if (problems.length > 0) throw new InvalidTemplateSetError(problems);
    return this.store.saveNewVersion(templates, basedOn, actor);
  }
}
