import { expect } from 'vitest';
import type { TestApp } from './app.ts';
import type { TestClient } from './client.ts';
import { pdfWords } from './pdf-text.ts';

/**
 * Everything a client reads about a case through the API, as one text: every GET route naming a
 * case or a program, its path's ids taken from `ids` (any other id "none"), a PDF as its words,
 * then the caller's own pages in `also` (their list of cases unless told). A confidentiality test
 * looks in it for the words that must reach this client, or must never.
 */
export async function everyCaseResponse(
  t: TestApp,
  client: TestClient,
  ids: { caseId: string; programId: string } & Record<string, string>,
  also: readonly string[] = ['/api/v1/cases'],
): Promise<string> {
  const routes = t.routes.filter(
    (r) =>
      r.method === 'GET' &&
      r.url.startsWith('/api/v1/') &&
      (r.url.includes(':caseId') || r.url.includes(':programId')),
  );
  expect(routes.length).toBeGreaterThan(20);
  const bodies: string[] = [];
  for (const r of routes) {
    const path = r.url.replace(/:(\w+)/g, (_, name: string) => ids[name] ?? 'none');
    // Comparing versions of the agreement answers only when told which two.
    const response = await client.get(path.includes('/agreement/diff') ? `${path}?from=1&to=1` : path);
    bodies.push(
      response.headers['content-type']?.includes('pdf') ? pdfWords(response.rawPayload) : response.body,
    );
  }
  for (const path of also) bodies.push((await client.get(path)).body);
  return bodies.join('\n');
}
