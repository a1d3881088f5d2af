export const money = (cents: number) => (cents === 0 ? 'Free' : `$${(cents / 100).toFixed(2)}`);

export const STATUS_LABELS: Record<string, string> = {
  pending: 'Waiting for dues',
  active: 'Active',
  grace: 'Overdue (grace period)',
  lapsed: 'Lapsed',
  registered: 'Registered',
  waitlisted: 'On the waitlist',
  cancelled: 'Cancelled',
  attended: 'Attended',
};

export const EVENT_KIND_LABELS: Record<string, string> = {
  core_training: 'Core training',
  ce_webinar: 'Webinar (live)',
  ce_recorded: 'Webinar (recorded)',
  conference: 'Conference',
  other: 'Event',
};

export type Tier = {
  id: string;
  slug: string;
  name: string;
  description: string;
  annualDuesCents: number;
  benefits: string[];
  includesListing: boolean;
  graceDays: number;
};

export type EventItem = {
  id: string;
  kind: string;
  title: string;
  description: string;
  provider: string;
  startsAt: string;
  endsAt: string;
  place: string | null;
  onlineUrl: string | null;
  recorded: boolean;
  credits: { kind: string; hours: number }[];
  creditHours: number;
  capacity: number | null;
  seatsLeft: number | null;
  waiting: number;
  memberPriceCents: number;
  priceCents: number;
  status: string;
  myRegistration: { id: string; status: string; priceCents: number; paid: boolean } | null;
};

/** Reads a chosen file as base64 for a JSON upload. */
export function fileToBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''));
    reader.onerror = () => reject(reader.error);
    reader.readAsDataURL(file);
  });
}
