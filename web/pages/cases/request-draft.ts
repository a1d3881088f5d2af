import { useEffect, useRef, useState } from 'react';
import * as requestDrafts from '../../../contracts/request-drafts.ts';
import { RequestDraft } from '../../../contracts/request-drafts.ts';
import { useRequestDraft as useSavedDraft } from '../../api/cases.ts';
import { useChange } from '../../api/change.ts';
import { call } from '../../api/client.ts';

/**
 * The request form's draft, so no word is lost: kept in this browser while the person is not
 * signed in, on the server (sealed) once they are. Signing in on the form moves the browser's
 * draft to the server; sending the request ends both.
 */
const LOCAL_KEY = 'parley.requestDraft';
export const EMPTY_DRAFT: RequestDraft = { programId: '', answers: {}, issues: [], askState: false };

/** The draft kept in this browser, if any (and only if it still reads as a draft). */
export function localDraft(): RequestDraft | null {
  try {
    const parsed = RequestDraft.safeParse(JSON.parse(localStorage.getItem(LOCAL_KEY) ?? 'null'));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

export const forgetLocalDraft = () => localStorage.removeItem(LOCAL_KEY);

export type DraftKeeping = {
  /** null until it is read (from the browser or the server). */
  draft: RequestDraft | null;
  update: (change: (draft: RequestDraft) => RequestDraft) => void;
  /** Where the draft is, in words, for the line under the form. */
  where: 'browser' | 'saving' | 'saved' | 'failed' | null;
  savedAt: string | null;
  error: string | null;
};

/** `signedIn` is undefined while the session is being read. */
export function useDraftKeeping(signedIn: boolean | undefined, fromMediator: string): DraftKeeping {
  const [draft, setDraft] = useState<RequestDraft | null>(null);
  const [where, setWhere] = useState<DraftKeeping['where']>(null);
  const dirty = useRef(false);
  const saved = useSavedDraft(signedIn === true);
  const save = useChange((d: RequestDraft) => call(requestDrafts.saveRequestDraft, { body: d }));

  // Read once: the browser's draft (signed out, or just signed in with one waiting), else the server's.
  useEffect(() => {
    if (draft !== null || signedIn === undefined) return;
    const local = localDraft();
    if (!signedIn || local) {
      const start = local ?? EMPTY_DRAFT;
      setDraft(fromMediator ? { ...start, preferredMediator: fromMediator } : start);
      if (local) setWhere('browser');
      // A browser's draft read while signed in goes to the server at once.
      dirty.current = Boolean(signedIn && local);
      return;
    }
    if (saved.data) {
      const start = saved.data.draft ?? EMPTY_DRAFT;
      setDraft(fromMediator ? { ...start, preferredMediator: fromMediator } : start);
      if (saved.data.draft) setWhere('saved');
    } else if (saved.isError) setDraft(EMPTY_DRAFT);
  }, [draft, signedIn, saved.data, saved.isError, fromMediator]);

  // Signing in on the form: what was typed in this browser goes to the server.
  useEffect(() => {
    if (signedIn && localDraft()) dirty.current = true;
  }, [signedIn]);

  // The latest of each, for the timer and for leaving the page.
  const latest = useRef({ draft, run: save.run, signedIn });
  latest.current = { draft, run: save.run, signedIn };
  useEffect(
    () => () => {
      // Leaving the page before the last change was kept: keep it now.
      const { draft: last, signedIn: inNow } = latest.current;
      if (dirty.current && last && inNow)
        void call(requestDrafts.saveRequestDraft, { body: last }).catch(() => {});
    },
    [],
  );

  useEffect(() => {
    if (!draft || !dirty.current || signedIn === undefined) return;
    if (!signedIn) {
      localStorage.setItem(LOCAL_KEY, JSON.stringify(draft));
      dirty.current = false;
      setWhere('browser');
      return;
    }
    // Signed in: kept on the server a moment after the typing stops.
    const timer = setTimeout(() => {
      dirty.current = false;
      setWhere('saving');
      void latest.current.run(draft).then((ok) => {
        if (ok) forgetLocalDraft();
        setWhere(ok ? 'saved' : 'failed');
      });
    }, 800);
    return () => clearTimeout(timer);
  }, [draft, signedIn]);

  return {
    draft,
    update: (change) => {
      dirty.current = true;
      setDraft((old) => change(old ?? EMPTY_DRAFT));
    },
    where,
    savedAt: save.result?.savedAt ?? saved.data?.savedAt ?? null,
    error: save.error?.message ?? null,
  };
}
