# syntax=docker/dockerfile:1
#
# One image per service, all from this file:
#   docker build --build-arg SERVICE=intake -t complaints/intake .
# Everything above `ARG SERVICE` in the runtime stage is the same for the five services, so building all five
# reuses those layers and the images differ only in their last, tiny layers.
# The same image runs the service's migrations: `node services/<service>/dist/migrate.js`.

FROM node:20-bookworm-slim AS manifests
WORKDIR /src
COPY . .
# Only the package manifests, at their own paths, and the patches npm ci applies to installed packages
# (patches/, see its README): the npm ci layer below then stays cached until one of them changes.
RUN mkdir -p /manifests \
 && cp --parents package.json package-lock.json /manifests/ \
 && cp -r patches /manifests/ \
 && find libs services -mindepth 2 -maxdepth 2 -name package.json -exec cp --parents {} /manifests/ \;

FROM node:20-bookworm-slim AS build
WORKDIR /app
# No Nx daemon or cloud cache in a throwaway build container, and no install-time telemetry (swagger-ui-dist
# pulls in @scarf/scarf, whose postinstall reports to its vendor).
ENV NX_DAEMON=false \
    NX_NO_CLOUD=true \
    SCARF_ANALYTICS=false \
    NPM_CONFIG_UPDATE_NOTIFIER=false
COPY --from=manifests /manifests/ ./
RUN --mount=type=cache,target=/root/.npm \
    npm ci --no-audit --no-fund
COPY . .
RUN npx nx run-many -t build --output-style=static
# --ignore-scripts: the patches are applied already, and patch-package is a dev dependency that prune removes.
RUN npm prune --omit=dev --ignore-scripts --no-audit --no-fund
# npm workspaces make node_modules/@complaints/<name> relative symlinks to ../../libs/<name> and
# ../../services/<name>, which resolve through each package.json's "main" into dist/. Stage exactly that
# tree (symlinks kept by cp -a) so the runtime stage takes it in one COPY and the links still resolve there;
# TypeScript sources, tests and build tooling stay behind.
RUN set -eu; \
    mkdir -p /out; \
    cp -a package.json node_modules /out/; \
    for dir in libs/* services/*; do \
      mkdir -p "/out/$dir"; \
      cp -a "$dir/package.json" "/out/$dir/"; \
      if [ -d "$dir/dist" ]; then cp -a "$dir/dist" "/out/$dir/"; fi; \
      if [ -d "$dir/node_modules" ]; then cp -a "$dir/node_modules" "/out/$dir/"; fi; \
    done; \
    for link in /out/node_modules/@complaints/*; do \
      if [ ! -e "$link" ]; then echo "dangling workspace link: $link" >&2; exit 1; fi; \
    done

FROM node:20-bookworm-slim AS runtime
ENV NODE_ENV=production \
    PORT=3000
WORKDIR /app
# npm and corepack are never used at run time; removing them keeps their bundled dependencies out of the
# image and out of vulnerability scans.
RUN rm -rf /usr/local/lib/node_modules/npm /usr/local/lib/node_modules/corepack \
           /usr/local/bin/npm /usr/local/bin/npx /usr/local/bin/corepack
# Owned by root and not writable by the service user: a compromised process cannot rewrite its own code.
COPY --from=build /out/ ./
# Numeric, so Kubernetes' runAsNonRoot can verify it without reading /etc/passwd (1000 is the image's `node`).
USER 1000:1000
EXPOSE 3000

ARG SERVICE
ENV SERVICE=${SERVICE}
RUN if [ -z "$SERVICE" ] || [ ! -f "services/$SERVICE/dist/main.js" ]; then \
      echo "build with --build-arg SERVICE=<intake|classification|sla-timer|escalation|notification>" >&2; \
      exit 1; \
    fi

# The slim image has no curl or wget; Node 20's fetch is enough. Liveness, not readiness: a database or broker
# outage should not make Docker report the container itself as broken.
HEALTHCHECK --interval=15s --timeout=5s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 3000) + '/health/live', { signal: AbortSignal.timeout(4000) }).then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]

# exec: node becomes PID 1 and receives SIGTERM itself, so Nest's shutdown hooks drain the consumer and the
# outbox relay before the pool closes (a plain `sh -c` in dash would swallow the signal).
CMD ["/bin/sh", "-c", "exec node \"services/$SERVICE/dist/main.js\""]
