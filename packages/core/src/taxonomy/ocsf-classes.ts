import type { OcsfMapping } from './definition';

type ActivityOf = (activityId: number, activityName: string) => OcsfMapping;

/** The activity ids used by the catalogues are checked against the OCSF 1.8 schema by the taxonomy tests. */
function ocsfClass(classUid: number, className: string): ActivityOf {
  const categoryUid = Math.floor(classUid / 1000);
  return (activityId, activityName) =>
    Object.freeze({ classUid, className, categoryUid, activityId, activityName });
}

/** OCSF's generic class, for a well-formed event type whose category the taxonomy does not know. */
export const BASE_EVENT = ocsfClass(0, 'Base Event');
export const DETECTION_FINDING = ocsfClass(2004, 'Detection Finding');
export const ACCOUNT_CHANGE = ocsfClass(3001, 'Account Change');
export const AUTHENTICATION = ocsfClass(3002, 'Authentication');
export const ENTITY_MANAGEMENT = ocsfClass(3004, 'Entity Management');
export const USER_ACCESS_MANAGEMENT = ocsfClass(3005, 'User Access Management');
export const HTTP_ACTIVITY = ocsfClass(4002, 'HTTP Activity');
export const WEB_RESOURCES_ACTIVITY = ocsfClass(6001, 'Web Resources Activity');
export const APPLICATION_LIFECYCLE = ocsfClass(6002, 'Application Lifecycle');
export const API_ACTIVITY = ocsfClass(6003, 'API Activity');
export const WEB_RESOURCE_ACCESS_ACTIVITY = ocsfClass(6004, 'Web Resource Access Activity');
export const DATASTORE_ACTIVITY = ocsfClass(6005, 'Datastore Activity');
export const FILE_HOSTING_ACTIVITY = ocsfClass(6006, 'File Hosting Activity');
export const SCAN_ACTIVITY = ocsfClass(6007, 'Scan Activity');
export const EVENT_LOG_ACTIVITY = ocsfClass(1008, 'Event Log Activity');
