// Argument schemas for this room's methods (see ../contract.ts).
import type { ContractFor } from '../contract-types.js';
import type { SearchApi } from './api.js';

export const searchContract: ContractFor<SearchApi> = {};
