import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useParams } from 'react-router';
import { formatMissouriStamp } from '../../../domain/missouri-time.ts';
import { useChange } from '../../api/change.ts';
import { api } from '../../api/client.ts';
import { Button } from '../../components/Button.tsx';
import { Select, TextArea } from '../../components/Field.tsx';
import { Loading } from '../../components/Loading.tsx';
import { ErrorAlert, MediationPage } from './shared.tsx';

type Note = { id: string; kind: string; body: string; author: string | null; createdAt: string };
const KINDS: Record<string, string> = { caucus: 'Caucus', session: 'Session', general: 'General' };

/** The mediator's private notes: never shown to anyone but the mediators of the case. */
export function NotesPage() {
  const { caseId = '' } = useParams();
  return (
    <MediationPage caseId={caseId} title="My private notes">
      {() => <Notes caseId={caseId} />}
    </MediationPage>
  );
}

function Notes({ caseId }: { caseId: string }) {
  const key = ['notes', caseId];
  const notes = useQuery({ queryKey: key, queryFn: () => api.get<Note[]>(`/api/v1/cases/${caseId}/notes`) });
  const client = useQueryClient();
  const [kind, setKind] = useState('caucus');
  const [body, setBody] = useState('');
  const write = useChange(() => api.post(`/api/v1/cases/${caseId}/notes`, { kind, body }), {
    onSuccess: () => {
      setBody('');
      client.invalidateQueries({ queryKey: key });
    },
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
          write.run();
        }}
      >
        <h2>Write a note</h2>
        <Select label="Kind of note" value={kind} onChange={(e) => setKind(e.target.value)}>
          <option value="caucus">Caucus</option>
          <option value="session">Session</option>
          <option value="general">General</option>
        </Select>
        <TextArea
          label="Note"
          value={body}
          onChange={(e) => setBody(e.target.value)}
          error={write.field('body')}
        />
        <ErrorAlert error={write.error} />
        <Button type="submit" busy={write.busy}>
          Save the note
        </Button>
      </form>
    </>
  );
}
