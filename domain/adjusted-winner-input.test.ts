import { describe, expect, it } from 'vitest';
import {
  adjustedWinner,
  InvalidAdjustedWinnerInput,
  validateItems,
  validatePoints,
} from './adjusted-winner.ts';

describe('Adjusted Winner, checking the items and points', () => {
  const items = [
    { id: 'home', name: 'Family home' },
    { id: 'car', name: 'Car' },
  ];

  it('names the item whose points are wrong', () => {
    expect(validatePoints(items, { home: -5, car: 105 })).toEqual({
      'points.home': 'Points for "Family home" cannot be less than 0.',
      'points.car': 'Points for "Car" cannot be more than 100.',
    });
    expect(validatePoints(items, { home: 60.5, car: 39.5 })['points.home']).toBe(
      'Points for "Family home" must be a whole number, like 0, 15 or 40.',
    );
    expect(validatePoints(items, { home: '60', car: 40 })['points.home']).toMatch(/whole number/);
    expect(validatePoints(items, { home: 100 })).toEqual({
      'points.car': 'Give "Car" a number of points (0 is fine).',
    });
    expect(validatePoints(items, { home: 50, car: 40, boat: 10 })).toEqual({
      'points.boat': 'This item is no longer on the list. Reload the page to see the current items.',
    });
  });

  it('says how far the total is from 100', () => {
    expect(validatePoints(items, { home: 60, car: 35 })).toEqual({
      points: 'Your points add up to 95. They must add up to exactly 100: you have 5 left to give.',
    });
    expect(validatePoints(items, { home: 60, car: 50 }).points).toMatch(/add up to 110.*take away 10/);
    expect(validatePoints(items, { home: 0, car: 100 })).toEqual({});
  });

  it('needs two to thirty named items, no two alike', () => {
    expect(validateItems([{ name: 'Car' }])).toEqual({ items: 'List at least 2 items to divide.' });
    expect(validateItems(Array.from({ length: 31 }, (_, i) => ({ name: `Thing ${i}` }))).items).toMatch(
      /at most 30/,
    );
    expect(validateItems([{ name: 'Car' }, { name: '  ' }, { name: 'car' }])).toEqual({
      'items.1.name': 'Item 2 needs a name.',
      'items.2.name': 'Item 3 has the same name as item 1 ("car"). Give each item its own name.',
    });
    expect(validateItems([{ name: 'Car' }, { name: 'x'.repeat(121) }])['items.1.name']).toMatch(/too long/);
  });

  it('refuses to divide with bad points, naming the side and the item', () => {
    const bad = {
      items,
      points: { requester: { home: 70, car: 30 }, respondent: { home: 70, car: 20 } },
    };
    expect(() => adjustedWinner(bad)).toThrow(InvalidAdjustedWinnerInput);
    try {
      adjustedWinner(bad);
    } catch (error) {
      expect((error as InvalidAdjustedWinnerInput).fields).toEqual({
        'points.respondent':
          'Your points add up to 90. They must add up to exactly 100: you have 10 left to give.',
      });
    }
  });
});
