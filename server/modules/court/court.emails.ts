/** The court's e-mails: the invitation of a circuit's clerk or judge's staff. */
export const COURT_EMAILS = {
  invitation: (p: { name: string; by: string; circuit: string; counties: string[] }) => ({
    subject: `${p.by} invited you to see ${p.circuit}'s referred cases on Parley`,
    message: [
      `Hello ${p.name},`,
      '',
      `${p.by} invited you to Parley as a court clerk or judge's staff for ${p.circuit} (${p.counties.join(', ')}).`,
      '',
      'You will see the cases your courts referred to mediation: the referral and the court record, who takes part, where each case stands, the applications to disqualify the mediator that come before the court, the signed agreements that wait for its approval and the report once mediation ends. What is said in mediation stays confidential and is never shown.',
    ].join('\n'),
  }),
};
