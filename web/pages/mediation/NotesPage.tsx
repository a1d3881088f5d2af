import { useState } from 'react';
import { type WriteNoteBody, writeNote } from '../../../contracts/notes.ts';
import { formatMissouriStamp } from '../../../domain/missouri-time.ts';
import { NOTE_KINDS, type NoteKind } from '../../../domain/notes.ts';
import { useChange } from '../../api/change.ts';
import { call } from '../../api/client.ts';
import { noteKeys, useNotes } from '../../api/notes.ts';
import { Button } from '../../components/Button.tsx';
import { ChangeStatus } from '../../components/ChangeStatus.tsx';
import { Options, Select, TextArea } from '../../components/Field.tsx';
import { Loading } from '../../components/Loading.tsx';
import { ErrorAlert, mediationPage } from './shared.tsx';

const KINDS: Record<NoteKind, string> = { caucus: 'Caucus', session: 'Session', general: 'General' };

/** The mediator's private notes: never shown to anyone but the mediators of the case. */
export const NotesPage = mediationPage('My private notes', Notes);

function Notes({ caseId }: { caseId: string }) {
  const notes = useNotes(caseId);
  const [kind, setKind] = useState<NoteKind>('caucus');
  const [body, setBody] = useState('');
  const write = useChange((note: WriteNoteBody) => call(writeNote, { params: { caseId }, body: note }), {
    invalidates: [noteKeys.case(caseId)],
    onSuccess: () => setBody(''),
    success: 'Your note is saved.',
  });
  return (
    <>
      <p>
        Only you and any co-mediator on this case can read these notes. They are stored encrypted and never
        appear in reports, e-mails or exports.
      </p>
      {notes.isPending ? <Loading what="Loading your notes" /> : null}
      <ErrorAlert error={notes.error} />
      <ul className="m-list">
        {(notes.data ?? []).map((n) => (
          <li key={n.id} className="m-card">
            <h2>
              {KINDS[n.kind]} note · {formatMissouriStamp(n.createdAt)}
            </h2>
            <p>{n.body}</p>
          </li>
        ))}
      </ul>
      <form
        className="m-section"
        onSubmit={(e) => {
          e.preventDefault();
          write.run({ kind, body });
        }}
      >
        <h2>Write a note</h2>
        <Select
          label="Kind of note"
          value={kind}
          onChange={(e) => setKind(NOTE_KINDS.find((k) => k === e.target.value) ?? 'general')}
          error={write.field('kind')}
        >
          <Options values={NOTE_KINDS} words={(k) => KINDS[k]} />
        </Select>
        <TextArea
          label="Note"
          value={body}
          onChange={(e) => setBody(e.target.value)}
          error={write.field('body')}
        />
        <ChangeStatus of={write} />
        <Button type="submit" busy={write.busy}>
          Save the note
        </Button>
      </form>
    </>
  );
}
