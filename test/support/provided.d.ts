import 'vitest';

declare module 'vitest' {
  export interface ProvidedContext {
    /** http://127.0.0.1:PORT — the real server (GraphQL at /graphql, web app at /), seed corpus loaded. */
    baseUrl: string;
    /** bolt://127.0.0.1:PORT — the real Neo4j behind it. */
    neo4jUri: string;
    /** HS256 secret the server checks tokens with. */
    jwtSecret: string;
    /** Folder for screenshots and other artefacts of this run. */
    outputDir: string;
  }
}
