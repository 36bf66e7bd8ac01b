import { platform } from 'node:os';
import type { AppApi } from './api.js';
import type { CoreContext } from './context.js';
import { VERSION } from './version.js';

export function createAppService(ctx: CoreContext): AppApi {
  return {
    async getInfo() {
      return { name: 'Scholia', version: VERSION, mode: ctx.mode, libraryDir: ctx.store.dir, platform: platform() };
    },
    async getProblems() {
      return ctx.problems.list();
    },
  };
}
