// The store room's public module: what other rooms and the front ends may use.
// Everything else in store/ is internal (docs/ARCHITECTURE.md, "The layers").
export { JsonStore } from './json-store.js';
export { SnapshotStore } from './snapshot.js';
export { writeFileDurable } from './durable-fs.js';
export { INDEX_FILE } from './layout.js';
export { createStoreAdminService } from './service.js';
export { doctor } from './doctor.js';
export { listBackups } from './backups.js';
export { BACKUP_SETTINGS, backupSettings } from './backup-settings.js';
export { restoreBackup, resolveBackup } from './restore.js';
