import { describe, expect, it } from 'vitest';
import { formatUsMobile, isStopReply, normalizeUsMobile } from './sms.ts';

describe('text messages', () => {
  it('reads a US mobile number however it is typed', () => {
    expect(normalizeUsMobile('573-555-0142')).toBe('+15735550142');
    expect(normalizeUsMobile('(573) 555-0142')).toBe('+15735550142');
    expect(normalizeUsMobile('+1 573 555 0142')).toBe('+15735550142');
    expect(normalizeUsMobile('15735550142')).toBe('+15735550142');
    expect(normalizeUsMobile('555-0142')).toBeNull();
    expect(normalizeUsMobile('073-555-0142')).toBeNull();
    expect(normalizeUsMobile('call me')).toBeNull();
    expect(formatUsMobile('+15735550142')).toBe('(573) 555-0142');
  });

  it('hears STOP and the other opt-out words, alone', () => {
    for (const word of ['STOP', 'stop', ' Stop. ', 'unsubscribe', 'QUIT'])
      expect(isStopReply(word)).toBe(true);
    for (const body of ['please stop by tomorrow', 'START', 'yes']) expect(isStopReply(body)).toBe(false);
  });
});
