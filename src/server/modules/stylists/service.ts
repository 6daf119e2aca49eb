/**
 * Stylists' public surface: other modules import only this file; files inside the module import the focused files
 * directly (so booking.ts, reviews.ts and matching.ts never go through this facade). Profiles and vetting live in
 * profiles.ts, services and portfolio in services-portfolio.ts, the schedule in schedule.ts, reading availability in
 * availability-data.ts, rows and access checks in access.ts, presentation in presentation.ts; bookings in booking.ts,
 * matching in matching.ts.
 */
export {
  type StylistRow,
  type StylistWithName,
  withNames,
  loadStylist,
  loadStylistsByIds,
  ownsStylist,
  requireVisibleStylist,
  requireManageableStylist,
  requireBookableStylist,
} from './access.ts';
export { portraitUrl, presentService, activeServicesOf, presentStylists } from './presentation.ts';
export {
  createStylist,
  getStylist,
  getMyStylist,
  updateStylist,
  deleteStylist,
  listStylists,
  adminListStylists,
  reviewStylist,
} from './profiles.ts';
export { addService, updateService, deleteService, addPortfolioItem, deletePortfolioItem } from './services-portfolio.ts';
export { rulesOf, getSchedule, updateSchedule, setCancellationPolicy, updateAvailabilityWindows } from './schedule.ts';
export {
  checkedRange,
  loadAvailabilityInputs,
  type AvailabilityData,
  loadAvailabilityData,
  withRules,
  loadCandidateAvailability,
  loadMatchedProfiles,
  getAvailability,
} from './availability-data.ts';
export { bookingRelation, stylistCardsByUserIds } from './directory.ts';
export { EUR_PER_UNIT } from './currency.ts';
