// What the recovery screen and the CLI need when the library will NOT open:
// check it, list its backups, restore one. None of these needs open().
export { doctor } from './doctor.js';
export { listBackups } from './backups.js';
export { restoreBackup, resolveBackup } from './restore.js';
export type { BackupInfo, DoctorReport, RestoreResult } from './api.js';
