import { day } from '../testing/campaign-events.factory';
import type { LaunchedCampaign } from './attribution-rule';
import { chooseCampaign } from './attribution-rule';

const campaign = (
  campaignId: string,
  launchPosition: number,
  overrides: Partial<LaunchedCampaign> = {},
): LaunchedCampaign => ({
  campaignId,
  launchedAt: day(1),
  attributionEndsAt: day(18),
  cancelledAt: null,
  launchPosition,
  ...overrides,
});

describe('the attribution rule', () => {
  it('credits the most recently launched campaign whose window covers the order (last touch)', () => {
    const older = campaign('older', 10);
    const newer = campaign('newer', 20, { launchedAt: day(2) });
    expect(chooseCampaign(day(3), null, [newer, older])).toEqual({
      campaignId: 'newer',
      attribution: 'last_touch',
    });
  });

  it('skips campaigns whose window does not cover the order time', () => {
    const ended = campaign('ended', 30, { attributionEndsAt: day(2) });
    const later = campaign('later', 40, { launchedAt: day(5) });
    const cancelled = campaign('cancelled', 50, { cancelledAt: day(2.5) });
    const open = campaign('open', 5);
    expect(chooseCampaign(day(3), null, [ended, later, cancelled, open])).toEqual({
      campaignId: 'open',
      attribution: 'last_touch',
    });
    expect(chooseCampaign(day(30), null, [open])).toBeNull();
  });

  it('lets an explicit campaign id win over the audience campaigns', () => {
    const named = campaign('named', 1);
    expect(chooseCampaign(day(3), named, [campaign('newer', 99)])).toEqual({
      campaignId: 'named',
      attribution: 'explicit',
    });
  });

  it('falls back to last touch when the named campaign’s window does not cover the order', () => {
    const named = campaign('named', 1, { attributionEndsAt: day(2) });
    expect(chooseCampaign(day(3), named, [campaign('audience', 2)])).toEqual({
      campaignId: 'audience',
      attribution: 'last_touch',
    });
  });
});
