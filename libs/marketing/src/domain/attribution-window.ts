const DAY_MS = 86_400_000;

/** When orders may convert for a campaign: [from, to], both inclusive. */
export type AttributionWindow = { from: string; to: string };

/** The window closes attributionWindowDays after the campaign's planned end. */
export const attributionEndOf = (endsAt: string, attributionWindowDays: number): string =>
  new Date(Date.parse(endsAt) + attributionWindowDays * DAY_MS).toISOString();

/** It opens at launch; a cancellation closes it early (orders placed before still count). */
export const attributionWindow = (
  launchedAt: string,
  attributionEndsAt: string,
  cancelledAt: string | null,
): AttributionWindow => ({
  from: launchedAt,
  to:
    cancelledAt !== null && Date.parse(cancelledAt) < Date.parse(attributionEndsAt)
      ? cancelledAt
      : attributionEndsAt,
});

export const windowCovers = (window: AttributionWindow, at: string): boolean => {
  const time = Date.parse(at);
  return time >= Date.parse(window.from) && time <= Date.parse(window.to);
};
