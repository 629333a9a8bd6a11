# The Directive Graph server with the built web app (used by docker-compose.yml).
FROM node:20-bookworm-slim
WORKDIR /app
COPY package.json package-lock.json ./
COPY server/package.json server/
COPY web/package.json web/
RUN npm ci --no-audit --no-fund
COPY . .
RUN npm run build -w web
ENV NODE_ENV=production PORT=4000
EXPOSE 4000
# stack-traces.ts: no source maps unless SOURCE_MAPS=true (config.ts `sourceMaps`)
CMD ["npx", "tsx", "--import", "./server/src/cli/stack-traces.ts", "server/src/cli/start.ts"]
