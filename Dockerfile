# syntax=docker/dockerfile:1
# `fichier serve` in a container: the browser interface and the `fichier` command, without Electron.
# Written for Docker but not built or run by this repository's tests (they run where Docker cannot); see the
# README, "Packages for servers".
#
#   docker build -t fichier-desk .
#   docker compose run --rm fichier serve --set-password --state-dir /state   # once, asks for the password
#   docker compose up -d

# 1. Build: the renderer and the command (`npm pack` runs the build first), packed as npm would publish them.
FROM node:22-bookworm-slim AS build
WORKDIR /src
COPY package.json package-lock.json ./
# No install scripts: Electron's would download the desktop runtime, which the server never uses.
RUN npm ci --ignore-scripts --no-audit --no-fund
COPY . .
RUN mkdir /pkg && npm pack --pack-destination /pkg

# 2. Run: the packed tarball installed globally (its runtime dependencies only), as an unprivileged user.
FROM node:22-bookworm-slim
ENV NODE_ENV=production \
    FICHIER_DESK_KEYS_DIR=/state/keys
COPY --from=build /pkg/ /tmp/pkg/
RUN npm install --global --omit=dev --no-audit --no-fund /tmp/pkg/fichier-desk-*.tgz \
    && rm -rf /tmp/pkg /root/.npm \
    && useradd --system --uid 10001 --user-group --create-home --home-dir /home/fichier fichier \
    && mkdir -p /state /downloads /data \
    && chown fichier:fichier /state /downloads \
    && chmod 0700 /state
USER fichier
WORKDIR /home/fichier
# The queue, settings, password hash, stored API key and staging area; and where downloads land.
VOLUME ["/state", "/downloads"]
EXPOSE 8383
# Healthy while the server answers HTTP at all (the login page, or a redirect to it).
HEALTHCHECK --interval=30s --timeout=5s --start-period=15s --retries=3 \
    CMD ["node", "-e", "fetch('http://127.0.0.1:8383/login', { redirect: 'manual' }).then((r) => process.exit(r.status < 500 ? 0 : 1), () => process.exit(1))"]
ENTRYPOINT ["fichier"]
# Listening on every address needs a password (set it once, as above); `serve` refuses to start without one.
CMD ["serve", "--listen", "0.0.0.0:8383", "--state-dir", "/state", "--download-dir", "/downloads", "--root", "/data"]
