import { ServiceEnv } from '@complaints/config';

/** classification needs only the common variables for now; rule sets become data in issue #4. */
export class ClassificationEnv extends ServiceEnv {}
