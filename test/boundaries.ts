import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

/**
 * The import boundaries of the tree, checked on the source text (test/boundaries.test.ts runs
 * it in `npm test`):
 * - domain/ imports only domain/ (pure rules, no I/O, imported by both halves);
 * - contracts/ imports only contracts/, domain/ and zod (the one place server and web agree);
 * - i18n/ (the catalogs, shared by both halves) imports only i18n/ and domain/;
 * - web/ never imports server/, and server/ never imports web/;
 * - a module under server/modules/<area>/ never imports another area's <x>.repository.ts: it
 *   asks that area's service (each area owns its tables).
 */

export type SourceFile = { path: string; text: string };

const IMPORT = /(?:^|[;\s])(?:import|export)\s+(?:type\s+)?(?:[\w*{}\s,$]*?\s+from\s+)?['"]([^'"]+)['"]/g;
const DYNAMIC_IMPORT = /\bimport\(\s*['"]([^'"]+)['"]\s*\)/g;

/** The module specifiers a file imports or re-exports, in order. */
export function importsOf(text: string): string[] {
  const found: { at: number; specifier: string }[] = [];
  for (const pattern of [IMPORT, DYNAMIC_IMPORT]) {
    for (const match of text.matchAll(pattern)) found.push({ at: match.index, specifier: match[1]! });
  }
  return found.sort((a, b) => a.at - b.at).map((f) => f.specifier);
}

/** Where an import leads: a path from the root for a relative import, else the package's name. */
function target(from: string, specifier: string): { file: string } | { pkg: string } {
  if (!specifier.startsWith('.')) {
    const parts = specifier.split('/');
    return { pkg: specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]! };
  }
  return { file: path.posix.normalize(path.posix.join(path.posix.dirname(from), specifier)) };
}

const top = (file: string) => file.split('/')[0]!;
const areaOf = (file: string) => /^server\/modules\/([^/]+)\//.exec(file)?.[1];

/** Why one import breaks a boundary, or null. */
function breaks(from: string, specifier: string): string | null {
  const to = target(from, specifier);
  const layer = top(from);
  if ('pkg' in to) {
    // Tests bring their tools (vitest, fast-check).
    const isTest = from.endsWith('.test.ts');
    return layer === 'contracts' && to.pkg !== 'zod' && !isTest
      ? 'contracts/ imports only zod and domain/'
      : null;
  }
  const into = top(to.file);
  if (layer === 'domain' && into !== 'domain') return 'domain/ imports only domain/';
  if (layer === 'i18n' && into !== 'i18n' && into !== 'domain') return 'i18n/ imports only i18n/ and domain/';
  if (layer === 'contracts' && into !== 'contracts' && into !== 'domain')
    return 'contracts/ imports only zod and domain/';
  if (layer === 'web' && into === 'server') return 'web/ never imports server/';
  if (layer === 'server' && into === 'web') return 'server/ never imports web/';
  const fromArea = areaOf(from);
  const toArea = areaOf(to.file);
  if (fromArea && toArea && fromArea !== toArea && /\.repository\.ts$/.test(to.file))
    return "another area's repository (ask its service)";
  return null;
}

/** Every import in these files that breaks a boundary, as "file → import: why". */
export function boundaryViolations(files: SourceFile[]): string[] {
  const violations: string[] = [];
  for (const file of files) {
    for (const specifier of importsOf(file.text)) {
      const why = breaks(file.path, specifier);
      if (why) violations.push(`${file.path} → ${specifier}: ${why}`);
    }
  }
  return violations;
}

/** The TypeScript sources of the layers the boundaries govern, read from the tree. */
export function readSources(root: string): SourceFile[] {
  const files: SourceFile[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(path.join(root, dir), { withFileTypes: true })) {
      const relative = `${dir}/${entry.name}`;
      if (entry.isDirectory()) walk(relative);
      else if (/\.tsx?$/.test(entry.name))
        files.push({ path: relative, text: readFileSync(path.join(root, relative), 'utf8') });
    }
  };
  for (const layer of ['domain', 'contracts', 'i18n', 'server', 'web']) walk(layer);
  return files;
}
