/**
 * Community operations (社群化运营): members meet, learn and play together (茶语社's tea-friend meetups,
 * 成长树's parent groups). Joining depends on the community's quality, the customer's bond and
 * sociability; membership strengthens bond, brings extra visits and multiplies referrals.
 */
export const COMMUNITY = {
  joinRate: 0.12,
  visitBoost: 0.15,
  /** Members drift away when the community is not run (per month). */
  leaveWhenOff: 0.1,
};

export function joinProbability(level: number, bond: number, socialActivity: number): number {
  const p = COMMUNITY.joinRate * level * (0.4 + bond) * socialActivity;
  return Math.min(p, 1);
}
