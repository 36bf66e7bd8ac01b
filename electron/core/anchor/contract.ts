// Argument schemas for this room's methods (see ../contract.ts).
import type { ContractFor } from '../contract-types.js';
import type { PassagesApi } from './api.js';

export const anchorContract: ContractFor<PassagesApi> = {};
