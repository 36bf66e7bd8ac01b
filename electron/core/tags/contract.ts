// Argument schemas for this room's methods (see ../contract.ts).
import type { ContractFor } from '../contract-types.js';
import type { TagsApi } from './api.js';

export const tagsContract: ContractFor<TagsApi> = {};
