import { describe, expect, it } from 'vitest';
import { packForKind } from '../../../../domain/rule-packs/index.ts';
import { requestBody, type Sending } from './send-request.ts';

const district = { id: 'd1', name: 'Columbia Public Schools', email: 'mediation@columbia.example' };
const sending = (answers: Record<string, string>, more: Partial<Sending> = {}): Sending => ({
  form: 'special_education',
  program: { id: 'p1', kind: 'special_education' },
  pack: packForKind('special_education')!,
  draft: { programId: 'p1', answers, issues: ['evaluation'], askState: true },
  preferredMediator: undefined,
  chosen: undefined,
  districtName: answers.district ?? '',
  isCoordinator: false,
  myName: 'Rosa Martínez',
  districtOffice: (name) => `Special education office, ${name}`,
  ...more,
});

describe('the request as sent', () => {
  it("goes to a listed district's office, named for it when the parent names no one", () => {
    const body = requestBody(
      sending({ student: 'Mateo', dueProcess: 'no' }, { chosen: district, districtName: district.name }),
    );
    expect(body).toMatchObject({
      form: 'special_education',
      respondent: {
        name: 'Special education office, Columbia Public Schools',
        email: district.email,
        organization: district.name,
      },
      district: { name: district.name, id: 'd1' },
      student: { name: 'Mateo' },
      categories: ['evaluation'],
      requestStateMediation: true,
      dueProcessPending: false,
    });
  });

  it('takes a typed district and its contact, and leaves out what was not answered', () => {
    const body = requestBody(
      sending({ district: 'Riverside R-VI', otherName: 'Dana', otherEmail: 'dana@riverside.example' }),
    );
    expect(body).toMatchObject({
      respondent: { name: 'Dana', email: 'dana@riverside.example', organization: 'Riverside R-VI' },
      district: { name: 'Riverside R-VI' },
    });
    expect(body).not.toHaveProperty('dueProcessPending', expect.anything());
    expect(body.requester).toBeUndefined();
  });
});
