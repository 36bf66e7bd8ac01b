// The sync room's public module.
export { createSyncService, readConfig, type SyncService, type SyncServiceOptions } from './service.js';
export { memorySecrets, type SyncSecrets, type SyncSecretValues } from './secrets.js';
export { SyncError } from './types.js';
export { syncDir } from './local-state.js';
