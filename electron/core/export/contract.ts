// Argument schemas for this room's methods (see ../contract.ts).
import type { ContractFor } from '../contract-types.js';
import type { ExportApi } from './api.js';

export const exportContract: ContractFor<ExportApi> = {};
