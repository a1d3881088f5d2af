import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { defineRoute, NoContent, type ResponseOf, successStatus } from './route.ts';

// The type-level half of these tests runs in `npm run typecheck`: each @ts-expect-error line must
// be an error, or the check fails.

describe('defineRoute', () => {
  it('keeps the one success answer a route gives, and its type', () => {
    const getThing = defineRoute({
      method: 'GET',
      path: '/api/v1/things/:thingId',
      summary: 'One thing',
      tags: ['things'],
      params: z.object({ thingId: z.string() }),
      response: { 200: z.object({ id: z.string(), count: z.number() }) },
    });
    const answer: ResponseOf<typeof getThing> = { id: 'a', count: 1 };
    // @ts-expect-error the answer's type comes from the response schema
    const wrong: ResponseOf<typeof getThing> = { id: 'a', count: '1' };
    expect([answer, wrong]).toHaveLength(2);
    expect(successStatus(getThing)).toBe(200);
    const removeThing = defineRoute({
      method: 'DELETE',
      path: '/api/v1/things/:thingId',
      summary: 'Remove a thing',
      tags: ['things'],
      params: z.object({ thingId: z.string() }),
      response: { 204: NoContent },
    });
    expect(successStatus(removeThing)).toBe(204);
  });

  it('cannot be written without a success answer, or with path parameters it does not read', () => {
    const base = { method: 'GET', path: '/api/v1/things', summary: 'Things', tags: ['things'] } as const;
    // @ts-expect-error no success answer
    expect(() => defineRoute({ ...base })).toThrow();
    // @ts-expect-error an error status is not a success answer
    expect(() => defineRoute({ ...base, response: { 404: z.object({}) } })).not.toThrow();
    expect(() =>
      // @ts-expect-error the path's :thingId has no params schema
      defineRoute({ ...base, path: '/api/v1/things/:thingId', response: { 200: z.string() } }),
    ).not.toThrow();
    defineRoute({
      ...base,
      path: '/api/v1/things/:thingId',
      // @ts-expect-error the params schema does not read :thingId
      params: z.object({ other: z.string() }),
      response: { 200: z.string() },
    });
  });

  it('refuses two success answers at once', () => {
    expect(() =>
      defineRoute({
        method: 'POST',
        path: '/api/v1/things',
        summary: 'Make a thing',
        tags: ['things'],
        response: { 200: z.string(), 201: z.string() },
      }),
    ).toThrow(/exactly one success response/);
  });
});
