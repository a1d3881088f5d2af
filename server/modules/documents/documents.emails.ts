import type { Notice } from '../cases/notify.ts';

/** The document folder's e-mails: that something happened and the way to it; never a file's name. */
export const DOCUMENT_EMAILS = {
  shared: (reference: string): Notice => ({
    template: 'document-shared',
    subject: `A document was shared with you on case ${reference}`,
    body: `A document was shared with you on case ${reference}. Sign in to Parley to open it in the case's Documents.`,
  }),
  shareAsked: (reference: string): Notice => ({
    template: 'document-share-asked',
    subject: `The mediator asks to share one of your documents on case ${reference}`,
    body: `The mediator on case ${reference} asks whether one of the documents you shared with the mediator only may be shared with everyone in the case. Nothing changes unless you agree. Sign in to Parley to answer in the case's Documents.`,
  }),
};
