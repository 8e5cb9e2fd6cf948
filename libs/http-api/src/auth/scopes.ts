import { createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import type { Request } from 'express';

/** The scopes of DESIGN.md: what a caller's token allows. */
export const SCOPES = [
  'complaints:write',
  'complaints:read',
  'lifecycle:write',
  'ops:read',
  'admin',
] as const;
export type Scope = (typeof SCOPES)[number];

export const REQUIRED_SCOPES = 'complaints:required-scopes';
export const PUBLIC_ROUTE = 'complaints:public-route';

/** The route needs a verified bearer token holding at least one of these scopes (`admin` always suffices). */
export const RequireScopes = (...scopes: Scope[]) => SetMetadata(REQUIRED_SCOPES, scopes);

/** The route is open without a token: health, metrics and the API documents only. */
export const Public = () => SetMetadata(PUBLIC_ROUTE, true);

/** Who is calling, from the verified token. */
export interface Caller {
  /** `sub`: the user or service account. */
  subject: string;
  /** `client_id` / `azp`, else the subject: the channel or application; idempotency keys and rate limits are per client. */
  clientId: string;
  scopes: Scope[];
}

export function callerOf(request: Request): Caller | undefined {
  return (request as Request & { caller?: Caller }).caller;
}

export function attachCaller(request: Request, caller: Caller): void {
  (request as Request & { caller?: Caller }).caller = caller;
}

export function hasScope(caller: Caller | undefined, scope: Scope): boolean {
  return !!caller && (caller.scopes.includes(scope) || caller.scopes.includes('admin'));
}

/** Controller parameter: the verified caller (the guard has already refused requests without one). */
export const CurrentCaller = createParamDecorator((_data: unknown, ctx: ExecutionContext): Caller => {
  const caller = callerOf(ctx.switchToHttp().getRequest<Request>());
  if (!caller) throw new Error('CurrentCaller used on a public route');
  return caller;
});
