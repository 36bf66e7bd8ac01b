// Argument schemas for this room's methods (see ../contract.ts).
import type { ContractFor } from '../contract-types.js';
import type { StoreAdminApi } from './api.js';

export const storeContract: ContractFor<StoreAdminApi> = {};
