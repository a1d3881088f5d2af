import type { Side } from '../../../domain/attendance.ts';
import { findPack } from '../../../domain/rule-packs/index.ts';
import { iso } from '../../infra/clock.ts';
import type { Deps } from '../../infra/deps.ts';
import { newId } from '../../infra/ids.ts';
import { buildUser } from './builders.ts';
import type { DemoWorld } from './demo.ts';
import { DEMO_PASSWORD } from './demo-people.ts';

/**
 * Two court-referred cases already in mediation with Helen Park, where the negotiation aids fit:
 * a family case dividing property and debts (Rule 88), for Adjusted Winner, and a civil claim
 * for a roof repair (Rule 17), for blind bidding. Their parties sign in with the demo password.
 * Written straight to the tables (as test/mediation.ts does), since part 1 of a court referral is
 * not what these cases show.
 */
export const NEGOTIATION_DEMO = {
  family: {
    title: 'Morgan dissolution: property and debts',
    parties: [
      { side: 'requester', name: 'Casey Morgan', email: 'casey.morgan@demo.parley.test' },
      { side: 'respondent', name: 'Riley Morgan', email: 'riley.morgan@demo.parley.test' },
    ],
  },
  civil: {
    title: 'Whitfield v. Acme Roofing: the roof repair',
    parties: [
      { side: 'requester', name: 'Dana Whitfield', email: 'dana.whitfield@demo.parley.test' },
      { side: 'respondent', name: 'Chris Acme', email: 'chris.acme@demo.parley.test' },
    ],
  },
} as const;

export async function seedNegotiationDemo(deps: Deps, world: DemoWorld): Promise<void> {
  const now = iso(deps.clock.now());
  const mediator = world.people.mediator!;
  const cases = [
    {
      story: NEGOTIATION_DEMO.family,
      programId: world.programs.family.id,
      pack: findPack('mo-rule-88-family')!,
      reference: 'FAM-2026-0042',
      caseType: 'family',
      details: {
        form: 'court_referral',
        description: 'Dividing the house, the cars, savings, a pension and debts after 14 years of marriage.',
        caseType: 'family',
        court: 'Jackson County Circuit Court',
        circuit: 16,
        caseNumber: '2616-FC00420',
        rule: '88',
        orderDate: now.slice(0, 10),
        issues: ['property_division'],
      },
    },
    {
      story: NEGOTIATION_DEMO.civil,
      programId: world.programs.civil.id,
      pack: findPack('mo-rule-17-civil')!,
      reference: 'CIV-2026-0107',
      caseType: 'civil_claim',
      details: {
        form: 'court_referral',
        description: 'A roof repair that leaked within a month; the homeowner claims the cost of fixing it.',
        caseType: 'civil_claim',
        court: 'Circuit Court of Clay County',
        circuit: 7,
        caseNumber: '26CY-CV01234',
        rule: '17',
        orderDate: now.slice(0, 10),
        issues: ['money_claimed'],
      },
    },
  ];
  for (const c of cases) {
    const people = [];
    for (const p of c.story.parties)
      people.push({
        ...p,
        user: await buildUser(deps, {
          email: p.email,
          name: p.name,
          password: DEMO_PASSWORD,
          grants: [{ role: 'party' }],
        }),
      });
    const caseId = newId();
    await deps.db
      .insertInto('cases')
      .values({
        id: caseId,
        reference: c.reference,
        program_id: c.programId,
        rule_pack: c.pack.id,
        rule_pack_version: c.pack.version,
        case_type: c.caseType,
        state: 'in_mediation',
        title: c.story.title,
        details: JSON.stringify(c.details),
        court_circuit: c.details.circuit,
        requested_by: people[0]!.user.id,
        opt_out_requested_at: null,
        consented_at: now,
        screening_decision: null,
        mediator_id: mediator.id,
        mediator_status: 'accepted',
        mediator_offered_at: null,
        mediator_chosen_at: now,
        mediator_disclosure: null,
        selection_method: null,
        ready_at: now,
        closed_at: null,
        close_reason: null,
        created_at: now,
        updated_at: now,
      })
      .execute();
    await deps.db
      .insertInto('case_participants')
      .values(
        people.map((p) => ({
          id: newId(),
          case_id: caseId,
          user_id: p.user.id,
          side: p.side as Side,
          role: 'party' as const,
          name: p.name,
          email: p.email,
          organization: null,
          address: null,
          phone: null,
          status: 'active' as const,
          invitation_id: null,
          added_by: null,
          created_at: now,
        })),
      )
      .execute();
  }
}
