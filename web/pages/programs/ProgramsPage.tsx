import { Link } from 'react-router';
import { errorMessage } from '../../api/client.ts';
import { usePrograms } from '../../api/programs.ts';
import { Alert } from '../../components/Alert.tsx';
import { Loading } from '../../components/Loading.tsx';
import { Page } from '../../components/Page.tsx';

export const PROGRAM_KIND_LABELS: Record<string, string> = {
  special_education: 'Special education (IEP)',
  family: 'Family court',
  civil: 'Civil court',
  community: 'Community mediation',
  private: 'Private practice',
  association: 'Association',
};

export function ProgramsPage() {
  const programs = usePrograms();

  return (
    <Page
      title="Mediation programs"
      lead="Each program runs mediation its own way: who can come, what it costs and which rules apply."
    >
      {programs.isPending ? <Loading what="Loading programs" /> : null}
      {programs.isError ? <Alert tone="error">{errorMessage(programs.error)}</Alert> : null}
      {programs.data ? (
        programs.data.length === 0 ? (
          <p>There are no programs yet.</p>
        ) : (
          <ul className="program-list">
            {programs.data.map((program) => (
              <li key={program.id} className="card">
                <p className="tag">{PROGRAM_KIND_LABELS[program.kind] ?? program.kind}</p>
                <h2>
                  <Link to={`/programs/${program.id}`}>{program.name}</Link>
                </h2>
                {program.description ? <p>{program.description}</p> : null}
              </li>
            ))}
          </ul>
        )
      ) : null}
    </Page>
  );
}
