/** The consultations the centers offer; their names live in the locales as `service-<code>`. */
export const SERVICES = {
  psychologist: { durationMinutes: 50, online: true, sensitive: true },
  lawyer: { durationMinutes: 30, online: true, sensitive: true },
  business: { durationMinutes: 45, online: true, sensitive: false },
  career: { durationMinutes: 45, online: true, sensitive: false },
} as const satisfies Record<string, ServiceRules>;

export interface ServiceRules {
  /** Default slot length for the service's specialists. */
  durationMinutes: number;
  /** Whether the service can be given online at all (each specialist also says whether they do). */
  online: boolean;
  /** Sensitive bookings are seen only by the person and the assigned specialist. */
  sensitive: boolean;
}

export type ServiceCode = keyof typeof SERVICES;
export const SERVICE_CODES = Object.keys(SERVICES) as ServiceCode[];

export const BOOKING_MODES = ["in_person", "online"] as const;
export type BookingMode = (typeof BOOKING_MODES)[number];

/** Booking rules that are not configuration: how far ahead one may book, how soon. */
export const BOOKING_WINDOW_DAYS = 14;
export const MIN_NOTICE_MINUTES = 120;
export const TOPIC_MAX_LENGTH = 300;
