import * as myData from '../../contracts/my-data.ts';
import { href } from './client.ts';
import { useRead } from './query.ts';

/** Query keys of a person's data: the deletion preview. */
export const myDataKeys = {
  all: ['my-data'] as const,
  deletion: () => [...myDataKeys.all, 'deletion'] as const,
};

/** What deleting the account would remove and keep, and what stops it now. */
export function useDeletionPreview() {
  return useRead(myDataKeys.deletion(), myData.previewAccountDeletion);
}

/** The link that downloads the zip of everything Parley holds about the person. */
export const exportHref = () => href(myData.exportMyData, undefined);
