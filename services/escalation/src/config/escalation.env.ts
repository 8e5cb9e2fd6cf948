import { ServiceEnv } from '@complaints/config';

export class EscalationEnv extends ServiceEnv {}
