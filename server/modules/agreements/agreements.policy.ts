import { needsCourtApproval } from '../../../domain/settlement.ts';
import { AppError, forbidden, notFound } from '../../http/errors.ts';
import { type CaseAccess, requireMediator } from '../cases/case-access.ts';
import { type agreementState, requireAgreementReader } from './agreement-context.ts';

/**
 * Who may do what with the written agreement. Each action's route calls its require-function,
 * and the agreement's answer computes its `can` flags from the same functions (refusalOf), so a
 * button shows exactly when the server would accept it.
 */
type State = Awaited<ReturnType<typeof agreementState>>;

/** The mediator writes and revises the agreement during mediation, until everyone has signed. */
export function requireWriter(ctx: CaseAccess, state: State) {
  requireMediator(ctx, 'The mediator writes the agreement down.');
  if (ctx.c.state !== 'in_mediation')
    throw new AppError(
      'INVALID_TRANSITION',
      'An agreement is written during mediation, after a session is set.',
    );
  if (state.allSigned)
    throw new AppError('CONFLICT', 'This agreement is already signed. It cannot be changed.');
}

/** The people in the mediation comment on the draft until everyone has signed. */
export function requireCommenter(ctx: CaseAccess, state: State) {
  if (!ctx.isMediator && ctx.viewer.kind !== 'party' && ctx.viewer.kind !== 'companion')
    throw forbidden('Comments come from the people in the mediation.');
  if (!state.doc) throw notFound('The written agreement');
  if (state.allSigned) throw new AppError('CONFLICT', 'The agreement is signed, so comments are closed.');
}

/** The one who must sign this agreement on Parley: a signer, electronic signing, not yet signed by them. */
export function requireSigner(ctx: CaseAccess, state: State) {
  if (!state.doc || !state.record) throw notFound('The written agreement');
  const signer = state.signers.find((s) => s.participantId === ctx.viewer.participantId);
  if (!signer) throw forbidden('Only the people who must sign this agreement can sign it.');
  if (state.record.signing !== 'electronic') {
    throw new AppError(
      'RULE_VIOLATION',
      `This agreement must be signed in ink on paper (${ctx.pack.electronicSignatures.cite}). The mediator uploads the signed copy.`,
    );
  }
  if (ctx.c.state !== 'in_mediation') throw new AppError('INVALID_TRANSITION', 'This case is closed.');
  if (state.doc.id !== state.current?.id || !state.sentAt)
    throw new AppError(
      'CONFLICT',
      'The mediator is changing the agreement. You can sign once they send you the new version.',
    );
  if (state.signatures.some((s) => s.participant_id === signer.participantId))
    throw new AppError('CONFLICT', 'You already signed this agreement.');
  return { ...signer, doc: state.doc };
}

/** The mediator sends the version they wrote to the parties for signature, once. */
export function requireSender(ctx: CaseAccess, state: State) {
  requireWriter(ctx, state);
  if (!state.doc) throw notFound('The written agreement');
  if (state.sentAt) throw new AppError('CONFLICT', 'This version has already been sent for signature.');
  return { doc: state.doc };
}

/** Where the pack asks for ink, the mediator uploads the signed paper copy, once. */
export function requireInkUploader(ctx: CaseAccess, state: State) {
  requireMediator(ctx, 'The mediator uploads the signed paper copy.');
  if (!state.doc || !state.record) throw notFound('The written agreement');
  if (state.record.signing !== 'ink')
    throw new AppError('RULE_VIOLATION', 'This agreement is signed electronically on Parley.');
  if (state.allSigned) throw new AppError('CONFLICT', 'The signed copy is already uploaded.');
  if (!state.sentAt)
    throw new AppError('CONFLICT', 'Send this version to the parties before uploading their signed copy.');
  return { doc: state.doc };
}

/**
 * Rule 88.06(c): the court approves a signed family agreement; its own clerk or judge's staff
 * records it on the court's page, or the mediator or the program records the court's approval.
 */
export function requireCourtApprover(ctx: CaseAccess, state: State) {
  if (!ctx.isMediator && ctx.viewer.kind !== 'coordinator' && ctx.viewer.kind !== 'court')
    throw forbidden('The court, the mediator or the program records the court’s approval.');
  if (!needsCourtApproval(ctx.pack))
    throw new AppError('RULE_VIOLATION', 'This program’s agreements do not need a court’s approval.');
  if (!state.allSigned)
    throw new AppError('INVALID_TRANSITION', 'The court approves an agreement after everyone has signed it.');
}

/** The signed copy (the PDF, the ink scan): the signers, the mediator and, once signed, the program. */
export function requireCopyReader(ctx: CaseAccess, state: State) {
  requireAgreementReader(ctx, state.allSigned);
  const isSigner = state.signers.some((s) => s.participantId === ctx.viewer.participantId);
  if (ctx.viewer.kind === 'companion' && !isSigner)
    throw forbidden('The signed copy is for the signers, the mediator and the program.');
}
