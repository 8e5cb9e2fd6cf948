/** The clocks the standards set: first response, resolution, and the regulator's decision deadline. */
export const CLOCK_KINDS = ['first-response', 'resolution', 'regulatory-decision'] as const;
export type ClockKind = (typeof CLOCK_KINDS)[number];
