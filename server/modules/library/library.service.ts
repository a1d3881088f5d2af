import type { LibraryFormRow } from '../../../contracts/library.ts';
import { formatMissouriDate } from '../../../domain/missouri-time.ts';
import { inTransaction } from '../../db/database.ts';
import { notFound } from '../../http/errors.ts';
import { keysetList, type PageQuery } from '../../http/page-query.ts';
import { iso } from '../../infra/clock.ts';
import { csvDownload } from '../../infra/csv.ts';
import type { Deps } from '../../infra/deps.ts';
import { newId } from '../../infra/ids.ts';
import { type Actor, authorize } from '../access/access.service.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { checkUpload, describeFiles, readFile, storeFile } from '../files/files.service.ts';
import * as repo from './library.repository.ts';

// The members-only forms library. Reading and downloading need the member role, which a
// membership holds while active or in grace and loses when it lapses (membership.state.ts).

type Upload = { filename: string; contentBase64: string };

export async function listForms(deps: Deps, actor: Actor | null) {
  authorize(actor, 'association:members');
  const rows = await repo.listForms(deps.db);
  const files = await describeFiles(
    deps.db,
    rows.flatMap((f) => (f.file_id ? [f.file_id] : [])),
  );
  return rows.map((f) => ({
    id: f.id,
    title: f.title,
    category: f.category,
    description: f.description,
    version: f.current_version,
    versionNotes: f.notes ?? '',
    updatedAt: f.version_at ?? f.updated_at,
    filename: f.file_id ? (files.get(f.file_id)?.filename ?? null) : null,
    size: f.file_id ? (files.get(f.file_id)?.size ?? null) : null,
  }));
}

export async function listVersions(deps: Deps, actor: Actor | null, formId: string) {
  authorize(actor, 'association:members');
  if (!(await repo.findForm(deps.db, formId))) throw notFound('That form');
  const rows = await repo.listVersions(deps.db, formId);
  const files = await describeFiles(
    deps.db,
    rows.map((v) => v.file_id),
  );
  return rows.flatMap((v) => {
    const file = files.get(v.file_id);
    return file
      ? [
          {
            id: v.id,
            version: v.version,
            notes: v.notes,
            createdAt: v.created_at,
            filename: file.filename,
            size: file.size,
          },
        ]
      : [];
  });
}

export async function createForm(
  deps: Deps,
  actor: Actor | null,
  input: { title: string; category: string; description: string; notes: string; file: Upload },
) {
  authorize(actor, 'association:manage');
  const file = await checkUpload('file', input.file, 'libraryForm');
  const now = deps.clock.now();
  const id = newId();
  await inTransaction(deps.db, async (tx) => {
    await repo.insertForm(tx, {
      id,
      title: input.title,
      category: input.category,
      description: input.description,
      current_version: 1,
      created_by: actor.userId,
      created_at: iso(now),
      updated_at: iso(now),
    });
    const fileId = await storeFile(tx, deps, { purpose: 'association-form', ...file, ownerId: null });
    await repo.insertVersion(tx, {
      id: newId(),
      form_id: id,
      version: 1,
      file_id: fileId,
      notes: input.notes,
      created_by: actor.userId,
      created_at: iso(now),
    });
    await recordAudit(tx, {
      kind: 'library_form.created',
      at: now,
      actorId: actor.userId,
      subjectType: 'library_form',
      subjectId: id,
      data: { version: 1 },
    });
  });
  return { id, version: 1 };
}

/** A new version becomes the one members download; earlier versions stay listed. */
export async function addVersion(
  deps: Deps,
  actor: Actor | null,
  formId: string,
  input: { notes: string; file: Upload },
) {
  authorize(actor, 'association:manage');
  if (!(await repo.findForm(deps.db, formId))) throw notFound('That form');
  const file = await checkUpload('file', input.file, 'libraryForm');
  const now = deps.clock.now();
  return inTransaction(deps.db, async (tx) => {
    // Read inside the transaction; the unique (form, version) pair refuses a doubled upload.
    const form = (await repo.findForm(tx, formId))!;
    const version = form.current_version + 1;
    const fileId = await storeFile(tx, deps, { purpose: 'association-form', ...file, ownerId: null });
    await repo.insertVersion(tx, {
      id: newId(),
      form_id: formId,
      version,
      file_id: fileId,
      notes: input.notes,
      created_by: actor.userId,
      created_at: iso(now),
    });
    await repo.updateForm(tx, formId, { current_version: version, updated_at: iso(now) });
    await recordAudit(tx, {
      kind: 'library_form.version_added',
      at: now,
      actorId: actor.userId,
      subjectType: 'library_form',
      subjectId: formId,
      data: { version },
    });
    return { id: formId, version };
  });
}

export async function download(deps: Deps, actor: Actor | null, formId: string, version: number | undefined) {
  authorize(actor, 'association:members');
  const form = await repo.findForm(deps.db, formId);
  if (!form) throw notFound('That form');
  const v = await repo.findVersion(deps.db, formId, version ?? form.current_version);
  if (!v) throw notFound('That version');
  const file = await readFile(deps.db, v.file_id);
  if (!file) throw notFound('That version');
  return { filename: `${form.title}-v${v.version}`, contentType: file.contentType, data: file.data };
}

// Staff's list of the library.

const forms = keysetList(
  repo.listFormsPage,
  (r) => ({ value: r.updated_at, id: r.id }),
  (r): LibraryFormRow => ({
    id: r.id,
    title: r.title,
    category: r.category,
    version: r.current_version,
    versions: Number(r.versions ?? 0),
    updatedAt: r.updated_at,
  }),
);

/** Every form, the latest changed first, searched and filtered by day, a page at a time (staff). */
export async function listFormsForStaff(deps: Deps, actor: Actor | null, q: PageQuery<repo.FormsFilter>) {
  authorize(actor, 'association:manage');
  return forms.page(deps.db, q);
}

/** Every form the search and filters find, as CSV. */
export async function formsCsv(deps: Deps, actor: Actor | null, q: repo.FormsFilter) {
  authorize(actor, 'association:manage');
  return csvDownload(
    'forms-library',
    deps.clock.now(),
    ['Title', 'Category', 'Current version', 'Versions', 'Last changed'],
    (await forms.every(deps.db, q)).map((r) => [
      r.title,
      r.category,
      r.version,
      r.versions,
      formatMissouriDate(r.updatedAt),
    ]),
  );
}
