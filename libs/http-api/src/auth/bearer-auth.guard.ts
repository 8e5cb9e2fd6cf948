import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request, Response } from 'express';
import { ProblemException } from '../problem.exception';
import { attachCaller, hasScope, PUBLIC_ROUTE, REQUIRED_SCOPES, Scope } from './scopes';
import { RateLimiter } from './rate-limiter';
import { InvalidTokenError, TokenVerifier } from './token-verifier';

/**
 * Every route needs a valid bearer token unless it is marked @Public(), and the scopes its @RequireScopes names.
 * A route with neither marking is refused to everyone but admin: forgetting the decorator fails closed. Each
 * client (the token's client id) is then held to its rate limit: 429 with Retry-After beyond it.
 */
@Injectable()
export class BearerAuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly verifier: TokenVerifier,
    private readonly limiter?: RateLimiter,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    const request = context.switchToHttp().getRequest<Request>();
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_ROUTE, targets) || isOperationsProbe(request.path))
      return true;
    const header = request.header('authorization') ?? '';
    const match = /^Bearer ([A-Za-z0-9._~+/-]+=*)$/.exec(header);
    if (!match) {
      throw new ProblemException(401, 'unauthorized', 'Unauthorized', 'a bearer token is required');
    }
    let caller;
    try {
      caller = await this.verifier.verify(match[1]);
    } catch (error) {
      if (error instanceof InvalidTokenError) {
        throw new ProblemException(
          401,
          'unauthorized',
          'Unauthorized',
          `the bearer token was refused: ${error.message}`,
        );
      }
      throw error;
    }
    attachCaller(request, caller);
    const waitSeconds = this.limiter?.take(caller.clientId) ?? 0;
    if (waitSeconds > 0) {
      context.switchToHttp().getResponse<Response>().setHeader('Retry-After', String(waitSeconds));
      throw new ProblemException(
        429,
        'too-many-requests',
        'Too many requests',
        `client ${caller.clientId} is over its rate limit`,
      );
    }
    const required = this.reflector.getAllAndOverride<Scope[]>(REQUIRED_SCOPES, targets) ?? ['admin'];
    if (!required.some((scope) => hasScope(caller, scope))) {
      throw new ProblemException(
        403,
        'forbidden',
        'Forbidden',
        `this needs one of the scopes: ${required.join(', ')}`,
      );
    }
    return true;
  }
}

/** Probes and scrapes from the platform (kubelet, Prometheus) carry no token; they expose no complaint data. */
function isOperationsProbe(path: string): boolean {
  return path === '/health/live' || path === '/health/ready' || path === '/metrics';
}
