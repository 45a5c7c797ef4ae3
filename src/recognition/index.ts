/**
 * What other features may use of recognition: finding a page's donation in the
 * donations index (the page-view loader).
 */
export type { DonationHit, DonationPage } from './domain/donations';
export { findDonation } from './domain/donations';
