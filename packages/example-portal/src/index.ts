export { PortalInputError } from './errors.js';
export type { HelloClaimsPortalSettings } from './helloclaims-routes.js';
export { escapeHtml, html, SafeHtml } from './html.js';
export { type RunningJourneyStandIn, startJourneyStandIn } from './journey-stand-in.js';
export type { OneAssurePortalSettings } from './oneassure-routes.js';
export type { OsiguPortalSettings, ReceivedOsiguEvent } from './osigu-routes.js';
export { createPortal, type PortalOptions } from './portal.js';
