import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { boundaryViolations, importsOf, readSources } from './boundaries.ts';

const root = fileURLToPath(new URL('..', import.meta.url));

describe('import boundaries', () => {
  it('hold on the tree', () => {
    expect(boundaryViolations(readSources(root))).toEqual([]);
  });

  it('fail on a deliberate violation of each', () => {
    const files = [
      { path: 'domain/rule.ts', text: "import { db } from '../server/db/database.ts';" },
      { path: 'domain/view.ts', text: "import type { Page } from '../web/components/Page.tsx';" },
      {
        path: 'contracts/cases.ts',
        text: "import { z } from 'zod';\nimport { AppError } from '../server/http/errors.ts';",
      },
      { path: 'contracts/files.ts', text: "import { readFile } from 'node:fs/promises';" },
      {
        path: 'web/pages/x/Page.tsx',
        text: "export { getMe } from '../../../server/modules/accounts/accounts.service.ts';",
      },
      {
        path: 'server/modules/screening/screening.service.ts',
        text: "import * as repo from '../cases/cases.repository.ts';\nimport * as own from './screening.repository.ts';",
      },
      {
        path: 'server/modules/cases/cases.service.ts',
        text: "const m = await import('../notes/notes.repository.ts');",
      },
    ];
    expect(boundaryViolations(files)).toEqual([
      'domain/rule.ts → ../server/db/database.ts: domain/ imports only domain/',
      'domain/view.ts → ../web/components/Page.tsx: domain/ imports only domain/',
      'contracts/cases.ts → ../server/http/errors.ts: contracts/ imports only zod and domain/',
      'contracts/files.ts → node:fs/promises: contracts/ imports only zod and domain/',
      'web/pages/x/Page.tsx → ../../../server/modules/accounts/accounts.service.ts: web/ never imports server/',
      "server/modules/screening/screening.service.ts → ../cases/cases.repository.ts: another area's repository (ask its service)",
      "server/modules/cases/cases.service.ts → ../notes/notes.repository.ts: another area's repository (ask its service)",
    ]);
  });

  it('let the allowed imports through', () => {
    const files = [
      { path: 'domain/rule.ts', text: "import { ROLES } from './roles.ts';\nimport fc from 'fast-check';" },
      {
        path: 'contracts/cases.ts',
        text: "import { z } from 'zod';\nimport { ROLES } from '../domain/roles.ts';",
      },
      { path: 'web/api/cases.ts', text: "import * as cases from '../../contracts/cases.ts';" },
      {
        path: 'server/modules/cases/cases.service.ts',
        text: "import * as repo from './cases.repository.ts';",
      },
    ];
    expect(boundaryViolations(files)).toEqual([]);
  });

  it('reads imports, re-exports and dynamic imports, type-only or not', () => {
    const text = [
      "import a from 'a';",
      "import type { B } from './b.ts';",
      "import {\n  c,\n  type C,\n} from '../c.ts';",
      "import './d.css';",
      "export * from './e.ts';",
      "export { f } from './f.ts';",
      "const g = await import('./g.ts');",
      "const text = 'nothing imported here';",
    ].join('\n');
    expect(importsOf(text)).toEqual(['a', './b.ts', '../c.ts', './d.css', './e.ts', './f.ts', './g.ts']);
  });
});
