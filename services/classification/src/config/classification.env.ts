import { ServiceEnv } from '@complaints/config';

/** classification needs only the common variables: its rules are data in its own schema (GET/PUT /v1/rule-sets). */
export class ClassificationEnv extends ServiceEnv {}
