import { ServiceEnv } from '@complaints/config';

export class SlaTimerEnv extends ServiceEnv {}
