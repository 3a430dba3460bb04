/** Real-time sync: the y-websocket protocol with permissions, validation and durable acknowledgements. */
export { type AttachedSync, attachSync, connectionParams, originAllowed } from './attach';
export { collabValidator, isCollabDocName } from './collab-validator';
export { type ConnectionParams, SyncHub, type SyncStats } from './hub';
export {
  type AttachSyncOptions,
  DEFAULT_SYNC_LIMITS,
  type SyncAccess,
  type SyncHubOptions,
  type SyncLimits,
  type SyncValidation,
} from './options';
export { CloseCode, type CloseCodeValue, encodeAck, MessageType, SyncType } from './protocol';
export { SERVER_ORIGIN } from './room';
