import { z } from 'zod';

/**
 * A PATCH body: a change that names only the fields it changes. Made from the fields a creation
 * takes, each optional and without its default — zod's `.partial()` keeps defaults, so a PATCH
 * naming one field would fill every other one with its default and overwrite what was stored.
 * A service reads `undefined` as "leave it as it is".
 */
export function patchOf<Shape extends z.ZodRawShape>(
  fields: z.ZodObject<Shape>,
): z.ZodObject<PatchShape<Shape>> {
  const shape = Object.fromEntries(
    Object.entries(fields.shape).map(([name, schema]) => [
      name,
      withoutDefault(schema as z.ZodType).optional(),
    ]),
  );
  return z.object(shape) as unknown as z.ZodObject<PatchShape<Shape>>;
}

type WithoutDefault<S> = S extends z.ZodDefault<infer Inner> ? Inner : S;
export type PatchShape<Shape extends z.ZodRawShape> = {
  [K in keyof Shape]: z.ZodOptional<WithoutDefault<Shape[K]>>;
};

function withoutDefault(schema: z.ZodType): z.ZodType {
  return schema instanceof z.ZodDefault ? (schema.unwrap() as z.ZodType) : schema;
}
