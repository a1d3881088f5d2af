import { Link } from 'react-router';
import type { ProfileBody } from '../../../contracts/directory-profiles.ts';
import * as directoryProfiles from '../../../contracts/directory-profiles.ts';
import { useChange } from '../../api/change.ts';
import { call, errorMessage } from '../../api/client.ts';
import { useCounties, useKeepOwnProfile, useOwnProfile } from '../../api/directory.ts';
import { readUpload } from '../../api/files.ts';
import { Alert } from '../../components/Alert.tsx';
import { ChangeStatus } from '../../components/ChangeStatus.tsx';
import { FileField } from '../../components/Field.tsx';
import { Loading } from '../../components/Loading.tsx';
import { Page } from '../../components/Page.tsx';
import './directory.css';
import { ProfileForm } from './ProfileForm.tsx';
import { TrainingRecord } from './TrainingRecord.tsx';

/** /my-directory-profile: the signed-in mediator's profile editor and training record. */
export function MyProfilePage() {
  const own = useOwnProfile();
  const counties = useCounties();
  const keep = useKeepOwnProfile();
  const save = useChange((body: ProfileBody) => call(directoryProfiles.saveOwnProfile, { body }), {
    onSuccess: keep,
  });
  const photo = useChange(
    async (file: File) => call(directoryProfiles.setOwnPhoto, { body: await readUpload(file) }),
    { onSuccess: keep, success: 'Your photo is saved.' },
  );

  // The counties list must be there before the form: a multiple select picks its defaults once.
  if (own.isPending || counties.isPending) return <Loading what="Loading your profile" />;
  if (own.isError)
    return (
      <Page title="My directory profile">
        <Alert tone="error">{errorMessage(own.error)}</Alert>
      </Page>
    );
  if (!own.data.can.save)
    return (
      <Page title="My directory profile">
        <p>Directory profiles are for mediators and association members.</p>
      </Page>
    );
  const p = own.data.profile;
  return (
    <Page
      title="My directory profile"
      lead="What people see when they look for a mediator. Say what you do in plain words. Which court lists you qualify for is worked out from your training record."
      wide
    >
      {p ? (
        <p>
          <Link to={`/mediators/${p.id}`}>See my public profile</Link>
        </p>
      ) : null}
      <ProfileForm profile={p} counties={counties.data ?? []} own save={save} />

      {p ? (
        <section aria-labelledby="photo" className="panel">
          <h2 id="photo">Photo</h2>
          {p.photoUrl ? (
            <img
              src={p.photoUrl}
              alt="You, as the directory shows you"
              className="directory-photo-large"
              width={160}
              height={160}
            />
          ) : null}
          <ChangeStatus of={photo} />
          <FileField
            label="Choose a photo (JPEG, PNG or WebP, up to 2 MB)"
            accept="image/jpeg,image/png,image/webp"
            onFile={(file) => photo.run(file)}
          />
        </section>
      ) : null}
      {p ? <TrainingRecord profile={p} /> : <p>Save your profile first, then add your training.</p>}
    </Page>
  );
}
