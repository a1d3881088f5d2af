import { describe, expect, it } from 'vitest';
import { carriesContact, everyoneThreadRefusal, readsThread, seesDocument, THREADS } from './case-talk.ts';

const parent = { place: 'party', side: 'requester', mediator: false } as const;
const advocate = { place: 'companion', side: 'requester', mediator: false } as const;
const district = { place: 'party', side: 'respondent', mediator: false } as const;
const mediator = { place: 'mediator', side: null, mediator: true } as const;
const coordinator = { place: 'coordinator', side: null, mediator: false } as const;
const offered = { place: 'mediator', side: null, mediator: false } as const;
const open = { open: true, safeguarded: false };
const reads = (viewer: Parameters<typeof readsThread>[0], everyone = open) =>
  THREADS.filter((t) => readsThread(viewer, t, everyone));

describe('who reads which conversation', () => {
  it('a side reads its own with the mediator, never the other side’s', () => {
    expect(reads(parent)).toEqual(['requester', 'everyone']);
    expect(reads(advocate)).toEqual(['requester', 'everyone']);
    expect(reads(district)).toEqual(['respondent', 'everyone']);
    expect(reads(mediator)).toEqual([...THREADS]);
    expect(reads(coordinator)).toEqual(['program']);
    expect(reads(offered)).toEqual([]);
  });

  it('the conversation with everyone only once opened, and never under a safeguard', () => {
    expect(reads(parent, { open: false, safeguarded: false })).toEqual(['requester']);
    expect(reads(mediator, { open: true, safeguarded: true })).not.toContain('everyone');
    expect(everyoneThreadRefusal([{ kind: 'hide_contact' }])).toMatch(/safeguard/);
    expect(everyoneThreadRefusal([{ kind: 'separate_sessions' }])).toMatch(/safeguard/);
    expect(everyoneThreadRefusal([{ kind: 'accommodation' }])).toBeNull();
  });
});

describe('who sees a document', () => {
  const me = { ...parent, userId: 'u1' };
  it('"mediator only": the uploader and the mediators; "everyone": everyone at the table', () => {
    expect(seesDocument(me, { uploaderId: 'u1', visibility: 'mediator' })).toBe(true);
    expect(seesDocument({ ...district, userId: 'u2' }, { uploaderId: 'u1', visibility: 'mediator' })).toBe(
      false,
    );
    expect(seesDocument({ ...advocate, userId: 'u3' }, { uploaderId: 'u1', visibility: 'mediator' })).toBe(
      false,
    );
    expect(seesDocument({ ...mediator, userId: 'm' }, { uploaderId: 'u1', visibility: 'mediator' })).toBe(
      true,
    );
    expect(seesDocument({ ...district, userId: 'u2' }, { uploaderId: 'u1', visibility: 'everyone' })).toBe(
      true,
    );
    expect(seesDocument({ ...coordinator, userId: 'c' }, { uploaderId: 'u1', visibility: 'everyone' })).toBe(
      false,
    );
  });
});

describe('contact details in words', () => {
  const rosa = {
    emails: ['rosa@example.test'],
    phone: '573-555-0142',
    address: '1417 Hidden Hollow Lane, Columbia MO 65201',
  };
  it('finds an address, a phone number however written, an e-mail address', () => {
    for (const text of [
      'Call (573) 555-0142 after six',
      'call 573.555.0142',
      '+1 573 555 0142',
      'ROSA@EXAMPLE.TEST',
      'She lives at 1417 Hidden Hollow Lane.',
      '1417-hidden-hollow-lane.pdf',
    ])
      expect(carriesContact(text, [rosa]), text).toBe(true);
  });
  it('leaves other numbers and words alone', () => {
    for (const text of [
      'Thursday at 10, room 4B',
      'IEP dated 2026-03-04',
      'Call 573-555-0199',
      'Hollow promises',
    ])
      expect(carriesContact(text, [rosa]), text).toBe(false);
    expect(carriesContact('anything', [])).toBe(false);
  });
});
