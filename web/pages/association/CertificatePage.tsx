import type { FormEvent } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import * as events from '../../../contracts/events.ts';
import { formatMissouriDate } from '../../../domain/missouri-time.ts';
import { ApiError, errorMessage } from '../../api/client.ts';
import { useRead } from '../../api/query.ts';
import { Alert } from '../../components/Alert.tsx';
import { Button } from '../../components/Button.tsx';
import { Fact } from '../../components/Facts.tsx';
import { TextField } from '../../components/Field.tsx';
import { useFormValues } from '../../components/form-values.ts';
import { Loading } from '../../components/Loading.tsx';
import { Page } from '../../components/Page.tsx';
import './association.css';
import { CreditsList } from './public-parts.tsx';

/**
 * /certificates and /certificates/:code: anyone (a court, a program, an employer) checks a
 * certificate of attendance by the code printed on it, and sees what it certifies.
 */
export function CertificatePage() {
  const { code = '' } = useParams();
  const navigate = useNavigate();
  const checked = useRead(
    ['certificates', code],
    events.verifyCertificate,
    { params: { code } },
    {
      enabled: code !== '',
      retry: false,
    },
  );
  const badCode =
    checked.error instanceof ApiError && checked.error.status === 400
      ? checked.error.field('code')
      : undefined;
  const form = useFormValues({ code }, { field: () => badCode });
  function submit(e: FormEvent) {
    e.preventDefault();
    navigate(`/certificates/${encodeURIComponent(form.values.code.trim())}`);
  }
  return (
    <Page
      title="Check a certificate of attendance"
      lead="Certificates of attendance from the Association of Missouri Mediators carry a code. Enter it to see what the certificate says."
    >
      <form className="form" onSubmit={submit} noValidate aria-label="Check a certificate">
        <TextField
          label="Code on the certificate"
          hint="Twelve letters and numbers, like 7KQ2-M9XD-4WTP"
          autoComplete="off"
          {...form.bind('code')}
        />
        <Button type="submit">Check</Button>
      </form>
      {checked.isFetching ? <Loading what="Checking the code" /> : null}
      {checked.isError && !badCode ? <Alert tone="error">{errorMessage(checked.error)}</Alert> : null}
      {checked.data ? (
        <section className="panel" aria-labelledby="certificate-found">
          <h2 id="certificate-found">This certificate is genuine</h2>
          <dl className="facts">
            <Fact term="Code">{checked.data.code}</Fact>
            <Fact term="Issued to">{checked.data.name}</Fact>
            <Fact term="Training">
              {checked.data.title}, given by {checked.data.provider}
            </Fact>
            <Fact term="Held on">{checked.data.dates}</Fact>
            <Fact term="Attended">Every session: {checked.data.hours} hours</Fact>
            <Fact term="Issued">{formatMissouriDate(checked.data.issuedAt)}</Fact>
          </dl>
          {checked.data.credits.length ? (
            <>
              <h3>Hours credited</h3>
              <CreditsList credits={checked.data.credits} />
            </>
          ) : null}
          <p>
            A certificate of attendance records training. Missouri does not certify mediators, and this
            certificate does not make anyone a certified mediator.
          </p>
        </section>
      ) : null}
      <p>
        <Link to="/trainings">Trainings and events</Link>
      </p>
    </Page>
  );
}
