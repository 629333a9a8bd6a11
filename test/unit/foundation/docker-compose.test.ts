/** docker-compose.yml cannot run here (no Docker engine): check it matches what the server reads. */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { readConfig, repoRoot } from '../../../server/src/config.js';

const compose = parse(fs.readFileSync(path.join(repoRoot, 'docker-compose.yml'), 'utf8'));
const configSource = fs.readFileSync(path.join(repoRoot, 'server', 'src', 'config.ts'), 'utf8');
const envVarsRead = new Set([...configSource.matchAll(/env\.([A-Z0-9_]+)|'([A-Z0-9_]+)'/g)].map((m) => m[1] ?? m[2]));

describe('docker-compose.yml', () => {
  it('runs Neo4j 5.26 Community with APOC, a health check and a named volume', () => {
    const neo = compose.services.neo4j;
    expect(neo.image).toBe('neo4j:5.26-community');
    expect(JSON.parse(neo.environment.NEO4J_PLUGINS)).toContain('apoc');
    expect(neo.healthcheck.test.join(' ')).toContain('RETURN 1');
    const [volume] = neo.volumes[0].split(':');
    expect(Object.keys(compose.volumes)).toContain(volume);
    expect(neo.ports.some((p: string) => p.endsWith(':7687'))).toBe(true);
  });

  it('points the server at the neo4j service with credentials that match NEO4J_AUTH', () => {
    const env = compose.services.server.environment;
    const [user, password] = compose.services.neo4j.environment.NEO4J_AUTH.split('/');
    expect(env.NEO4J_URI).toBe('bolt://neo4j:7687');
    expect(env.NEO4J_USER).toBe(user);
    expect(env.NEO4J_PASSWORD).toBe(password);
    expect(compose.services.server.depends_on.neo4j.condition).toBe('service_healthy');
  });

  it('only sets variables the server reads, and publishes the port it listens on', () => {
    const env = compose.services.server.environment;
    for (const name of Object.keys(env)) expect(envVarsRead, `server does not read ${name}`).toContain(name);
    const config = readConfig({ ...env, JWT_SECRET: 'x' });
    expect(compose.services.server.ports).toContain(`${config.port}:${config.port}`);
    expect(config.neo4jUri).toBe('bolt://neo4j:7687');
    expect(compose.services.server.healthcheck.test.join(' ')).toContain(`:${config.port}/health`);
  });

  it('builds the server image from a Dockerfile in the repository', () => {
    expect(fs.existsSync(path.join(repoRoot, compose.services.server.build.dockerfile))).toBe(true);
  });
});
