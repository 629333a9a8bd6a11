/** Minimal GraphQL client: POST JSON to the endpoint (same origin by default, `?api=` overrides). */

export class ApiError extends Error {
  constructor(
    message: string,
    /** network = server unreachable; graphql = the server answered with errors; http = bad status */
    readonly kind: 'network' | 'graphql' | 'http',
    /** The server's error code (extensions.code), e.g. NOT_FOUND, BAD_USER_INPUT. */
    readonly code: string | null = null,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export function apiEndpoint(): string {
  const fromUrl = new URLSearchParams(window.location.search).get('api');
  return fromUrl && /^https?:\/\//.test(fromUrl) ? fromUrl : '/graphql';
}

/**
 * A download of the server's (/export/…) for a root, beside the GraphQL endpoint (`?api=https://host/dg/graphql` →
 * https://host/dg/export/…).
 */
export function exportUrl(file: string, root: { code: string; issuedOn?: string | null; province?: string | null } | null, params: Record<string, string> = {}): string {
  const url = new URL(`export/${file}`, absoluteEndpoint());
  if (root) {
    url.searchParams.set('code', root.code);
    if (root.issuedOn) url.searchParams.set('issuedOn', root.issuedOn);
    if (root.province) url.searchParams.set('province', root.province);
  }
  for (const [k, v] of Object.entries(params)) url.searchParams.set(k, v);
  return url.toString();
}

export function absoluteEndpoint(): string {
  return new URL(apiEndpoint(), window.location.href).toString();
}

export async function gql<T>(query: string, variables: Record<string, unknown> = {}, signal?: AbortSignal, headers: Record<string, string> = {}): Promise<T> {
  let response: Response;
  try {
    response = await fetch(apiEndpoint(), {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json', ...headers },
      body: JSON.stringify({ query, variables }),
      signal,
    });
  } catch (err) {
    if ((err as Error).name === 'AbortError') throw err;
    throw new ApiError((err as Error).message || 'fetch failed', 'network');
  }
  let body: { data?: T; errors?: { message: string; extensions?: { code?: string } }[] } | undefined;
  try {
    body = (await response.json()) as typeof body;
  } catch {
    throw new ApiError(`HTTP ${response.status}`, 'http');
  }
  if (body?.errors?.length) throw new ApiError(body.errors.map((e) => e.message).join('; '), 'graphql', body.errors[0]?.extensions?.code ?? null);
  if (!response.ok || !body?.data) throw new ApiError(`HTTP ${response.status}`, 'http');
  return body.data;
}
