import type { SearchPage } from '../../../contracts/directory.ts';
import * as contract from '../../../contracts/directory.ts';
import * as directoryProfiles from '../../../contracts/directory-profiles.ts';
import * as directoryReview from '../../../contracts/directory-review.ts';
import { canonicalJson } from '../../../domain/audit-chain.ts';
import { requestLanguage } from '../../http/language.ts';
import { type JsonText, route } from '../../http/route.ts';
import type { App } from '../../http/types.ts';
import type { Deps } from '../../infra/deps.ts';
import { uploadBodyLimit } from '../files/files.service.ts';
import { contactMediator } from './contact.service.ts';
import * as directory from './directory.service.ts';
import * as profiles from './profiles.service.ts';
import { searchDirectoryJson } from './search.service.ts';
import { createSearchCache } from './search-cache.ts';
import { DirectoryIndex } from './search-sync.ts';
import * as training from './training.service.ts';

export function directoryRoutes(app: App, deps: Deps) {
  route(app, contract.listCounties, async () => directory.listCounties(deps));
  // Search pages are cached per directory version (search-cache.ts) as the JSON they are sent
  // as: a repeated search costs one small read, and is not serialized again.
  // Every search reads this server's in-memory index, brought up to the directory's version first.
  const searchCache = createSearchCache<JsonText<SearchPage>>(deps.config.directoryCacheEntries);
  const index = new DirectoryIndex();
  const cacheOn = deps.config.directoryCacheEntries > 0;
  route(app, contract.searchMediators, async ({ query }) =>
    cacheOn
      ? searchCache.get(deps.db, canonicalJson(query), (state) =>
          searchDirectoryJson(deps, query, { index, state }),
        )
      : searchDirectoryJson(deps, query, { index }),
  );
  route(app, contract.getPublicProfile, async ({ actor, params }) =>
    profiles.getPublicProfile(deps, actor, params.profileId),
  );
  route(app, contract.getPhoto, async ({ params }, reply) => {
    const photo = await profiles.getPhoto(deps, params.profileId);
    reply.header('cache-control', 'public, max-age=86400');
    return photo;
  });
  route(app, contract.contactMediator, async (request) =>
    contactMediator(
      deps,
      { profileId: request.params.profileId, ip: request.ip, ...request.body },
      requestLanguage(request),
    ),
  );

  route(app, directoryProfiles.getOwnProfile, async ({ actor }) => profiles.getOwnProfile(deps, actor));
  route(app, directoryProfiles.saveOwnProfile, async ({ actor, body }) =>
    profiles.saveOwnProfile(deps, actor, body),
  );
  route(
    app,
    directoryProfiles.setOwnPhoto,
    async ({ actor, body }) => profiles.setOwnPhoto(deps, actor, body),
    {
      bodyLimit: uploadBodyLimit('photo'),
    },
  );
  route(
    app,
    directoryProfiles.uploadOwnAffidavit,
    async ({ actor, body }) => training.uploadOwnAffidavit(deps, actor, body),
    { bodyLimit: uploadBodyLimit('trainingDocument') },
  );
  route(
    app,
    directoryProfiles.addOwnCourse,
    async ({ actor, body }) => training.addOwnCourse(deps, actor, body),
    {
      bodyLimit: uploadBodyLimit('trainingDocument'),
    },
  );
  route(app, directoryProfiles.removeOwnCourse, async ({ actor, params }) =>
    training.removeOwnCourse(deps, actor, params.courseId),
  );
  route(app, directoryProfiles.getDocument, async ({ actor, params }) =>
    profiles.getDocument(deps, actor, params.fileId),
  );

  route(app, directoryReview.getReviewQueue, async ({ actor }) => training.reviewQueue(deps, actor));
  route(app, directoryReview.verifyCourse, async ({ actor, params }) =>
    training.verifyCourse(deps, actor, params.courseId),
  );
  route(app, directoryReview.getProfileAsStaff, async ({ actor, params }) =>
    profiles.getProfileAsStaff(deps, actor, params.profileId),
  );
  route(app, directoryReview.saveProfileAsStaff, async ({ actor, params, body }) =>
    profiles.saveProfileAsStaff(deps, actor, params.profileId, body),
  );
  route(app, directoryReview.verifyCredentials, async ({ actor, params }) =>
    training.verifyProfileRecord(deps, actor, params.profileId, 'credentials'),
  );
  route(app, directoryReview.verifyAffidavit, async ({ actor, params }) =>
    training.verifyProfileRecord(deps, actor, params.profileId, 'affidavit'),
  );
  route(app, directoryReview.setSpecialEducationAdmission, async ({ actor, params, body }) =>
    training.setSpecialEducationAdmission(deps, actor, params.profileId, body.admitted),
  );
  route(app, directoryReview.setFederalPanels, async ({ actor, params, body }) =>
    training.setFederalPanels(deps, actor, params.profileId, body),
  );
}
