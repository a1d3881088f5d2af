import { describe, expect, it } from 'vitest';
import { nextSteps, OUTCOMES } from '../domain/outcomes.ts';
import { RULE_PACKS } from '../domain/rule-packs/index.ts';
import { closedStepIn, packWords } from './pack-words.ts';

describe("the rule packs' words", () => {
  it.each(RULE_PACKS.map((p) => [p.id, p] as const))(
    '%s: the catalog holds every word a party reads',
    (_, pack) => {
      // The English catalog says what the pack says; a changed pack word fails here until both languages follow.
      const english = packWords('en-US', pack.id);
      const spanish = packWords('es-US', pack.id);
      const named = [
        ...pack.caseTypes.value.map((c) => [c.label, english.caseType(c), spanish.caseType(c)]),
        ...pack.issueTemplates.value.map((i) => [i.label, english.issue(i), spanish.issue(i)]),
        [pack.cost.value.text, english.cost(pack.cost.value.text), spanish.cost(pack.cost.value.text)],
        ...pack.deadlines.map((d) => [d.label, english.deadline(d), spanish.deadline(d)]),
      ];
      for (const [written, inEnglish, inSpanish] of named) {
        expect(inEnglish).toBe(written);
        expect(inSpanish).not.toBe(written);
      }
    },
  );

  it("reads a program's own word as it was written", () => {
    const words = packWords('es-US', 'mo-dese-special-education');
    expect(words.issue({ id: 'evaluation', label: 'Evaluation' })).toBe('Evaluación');
    expect(words.issue({ id: 'evaluation', label: 'Testing and evaluation' })).toBe('Testing and evaluation');
    expect(words.issue({ id: 'transport', label: 'Transportation' })).toBe('Transportation');
  });

  it('every way forward a closed case lists reads in Spanish, and in English as the code writes it', () => {
    const kinds = [...new Set(RULE_PACKS.map((p) => p.programKind))];
    const steps = new Set([
      ...RULE_PACKS.flatMap((p) => p.nextSteps.value),
      ...kinds.flatMap((kind) => OUTCOMES.flatMap((outcome) => nextSteps(kind, outcome))),
    ]);
    expect(steps.size).toBeGreaterThan(10);
    for (const step of steps) {
      expect(closedStepIn('en-US', step)).toBe(step);
      expect(closedStepIn('es-US', step), step).not.toBe(step);
    }
    expect(closedStepIn('es-US', 'Call the program.')).toBe('Call the program.');
  });
});
