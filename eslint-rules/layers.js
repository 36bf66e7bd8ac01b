// The house's layers as one lint rule, decided by the folder a file lives in
// (the model is VS Code's `code-layering` rule: a file's layer comes from its
// path, and every way of importing is checked: import, export … from, dynamic
// import(), require()). docs/ARCHITECTURE.md, "The layers", is the prose.
//
//   electron/core/<room>/   a room: imports core only; another room only through
//                           its public modules: api.ts (contract types),
//                           contract.ts (schemas), types.ts (interfaces, errors),
//                           index.ts (the values it offers)
//   electron/core/*.ts      the house (composition, contract, model): same rule
//   electron/preload.ts     imports electron and the generated channel list only
//   electron/shared/        pure data shared by the front ends and the renderer (and the
//                           contract's TYPES, as the renderer may)
//   electron/generated/     written by scripts/build-electron.mjs; imports nothing
//   electron/ (the rest)    front ends (main, web, cli, ipc): core's public modules
//   renderer/               no Node, no electron; the contract's TYPES only
//                           (electron/core/api.ts, model.ts) and electron/shared values
//   clipper/                the browser extension: its own folder, the clip protocol
//                           (electron/shared/clip-protocol.ts) and the contract's TYPES;
//                           no Node, no electron, nothing of the renderer
import { builtinModules } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const BUILTINS = new Set(builtinModules.filter((m) => !m.startsWith('_')));
/** A room's public modules: what other rooms and the front ends may import from it. */
export const ROOM_PUBLIC_MODULES = ['api', 'contract', 'types', 'index'];
/**
 * Further public modules a room declares. export/: what a format plugged into its registry
 * builds on (the ExportFormat interface, file names, passage links, titles); interop's
 * W3C and backup formats are export formats.
 */
export const DECLARED_PUBLIC_MODULES = { export: ['format', 'filenames', 'passage-links', 'scope'] };
const RENDERER_TYPE_MODULES = new Set(['electron/core/api', 'electron/core/model']);
const PRELOAD_ALLOWED = new Set(['electron/generated/channels', 'electron/channels']);
/** The one module of the app the browser extension shares: the clip endpoint's wire protocol (pure data). */
const CLIPPER_PROTOCOL = 'electron/shared/clip-protocol';

const posix = (p) => p.split(path.sep).join('/');
const stripExt = (p) => p.replace(/\.(?:[cm]?[jt]s|tsx|jsx)$/, '');

/** 'electron/core/search/engine' -> the layer the file belongs to. */
export function layerOf(rel) {
  if (rel.startsWith('electron/core/')) {
    const rest = rel.slice('electron/core/'.length).split('/');
    return rest.length > 1 ? { layer: 'core', room: rest[0] } : { layer: 'core', room: null };
  }
  if (rel === 'electron/preload') return { layer: 'preload' };
  if (rel.startsWith('electron/shared/')) return { layer: 'shared' };
  if (rel.startsWith('electron/generated/')) return { layer: 'generated' };
  if (rel.startsWith('electron/')) return { layer: 'frontend' };
  if (rel.startsWith('renderer/')) return { layer: 'renderer' };
  if (rel.startsWith('clipper/')) return { layer: 'clipper' };
  return null;
}

/** A bare specifier's package: 'node:fs/promises' -> {builtin: true, name: 'fs'}. */
function packageOf(source) {
  if (source.startsWith('node:')) return { builtin: true, name: source.slice(5).split('/')[0] };
  const parts = source.split('/');
  const name = source.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
  return { builtin: BUILTINS.has(name), name };
}

/** Why `target` (repo-relative, no extension) may not be imported from a core file, or null. */
function roomBreach(target, own) {
  if (!target.startsWith('electron/core/')) return null;
  const parts = target.slice('electron/core/'.length).split('/');
  if (parts.length === 1) return null; // the house: model, context, ids, contract…
  const room = parts[0];
  if (room === own) return null;
  if (parts.length === 2 && ROOM_PUBLIC_MODULES.includes(parts[1])) return null;
  if (parts.length === 2 && DECLARED_PUBLIC_MODULES[room]?.includes(parts[1])) return null;
  return `'${room}' room's internals (${parts.slice(1).join('/')}): import its public modules (${room}/index.ts, api.ts, contract.ts, types.ts)`;
}

function isTypeOnly(node) {
  if (node.type === 'ImportDeclaration') {
    if (node.importKind === 'type') return true;
    return (
      node.specifiers.length > 0 &&
      node.specifiers.every((s) => s.type === 'ImportSpecifier' && s.importKind === 'type')
    );
  }
  if (node.type === 'ExportNamedDeclaration' || node.type === 'ExportAllDeclaration') {
    if (node.exportKind === 'type') return true;
    return (
      node.type === 'ExportNamedDeclaration' &&
      node.specifiers.length > 0 &&
      node.specifiers.every((s) => s.exportKind === 'type')
    );
  }
  return false; // import(), require()
}

/** @type {import('eslint').Rule.RuleModule} */
const layers = {
  meta: {
    type: 'problem',
    docs: { description: 'Each folder imports only the layers below it (docs/ARCHITECTURE.md, "The layers").' },
    schema: [],
    messages: { breach: '{{layer}} may not import {{what}}.' },
  },
  create(context) {
    const file = posix(path.relative(ROOT, context.filename));
    const own = layerOf(stripExt(file));
    if (!own) return {};
    const label = {
      core: own.room ? `electron/core/${own.room}` : 'electron/core',
      preload: 'The preload',
      shared: 'electron/shared',
      generated: 'electron/generated',
      frontend: 'A front end',
      renderer: 'The renderer',
      clipper: 'The browser clipper (clipper/)',
    }[own.layer];

    function check(node, sourceNode) {
      if (!sourceNode) return;
      let source;
      if (sourceNode.type === 'Literal' && typeof sourceNode.value === 'string') source = sourceNode.value;
      else if (sourceNode.type === 'TemplateLiteral' && sourceNode.expressions.length === 0)
        source = sourceNode.quasis[0].value.cooked;
      else return;
      const what = breach(node, source);
      if (what) context.report({ node: sourceNode, messageId: 'breach', data: { layer: label, what } });
    }

    function breach(node, source) {
      const relative = source.startsWith('.') || source.startsWith('/');
      if (!relative) {
        const pkg = packageOf(source);
        if (pkg.name === 'electron') {
          if (own.layer === 'core') return "electron: the core is plain Node (Electron's shell is electron/main.ts)";
          if (own.layer === 'renderer') return 'electron: the renderer reaches the core only through window.scholia';
          if (own.layer === 'clipper') return 'electron: the extension reaches the app only through its clip endpoint';
          if (own.layer === 'shared' || own.layer === 'generated') return 'electron';
          return null;
        }
        if (pkg.builtin && ['renderer', 'preload', 'shared', 'generated', 'clipper'].includes(own.layer))
          return `the Node built-in '${source}' (it runs in a browser page)`;
        return null;
      }
      const target = stripExt(posix(path.relative(ROOT, path.resolve(path.dirname(path.join(ROOT, file)), source))));
      switch (own.layer) {
        case 'core':
          if (!target.startsWith('electron/core/'))
            return `'${target}': the core never imports its front ends, the renderer or anything outside electron/core`;
          return roomBreach(target, own.room);
        case 'frontend':
          if (target.startsWith('renderer/')) return `'${target}': front ends never import the renderer`;
          if (target.startsWith('clipper/')) return `'${target}': the browser extension is built on its own`;
          return roomBreach(target, null);
        case 'preload':
          return PRELOAD_ALLOWED.has(target)
            ? null
            : `'${target}': only the generated channel list (electron/generated/channels.ts)`;
        case 'shared':
          // The messages main and the renderer exchange name contract types (an import's results).
          if (RENDERER_TYPE_MODULES.has(target))
            return isTypeOnly(node) ? null : `values from '${target}': import only its types (\`import type\`)`;
        // falls through
        case 'generated':
          return target.startsWith(`electron/${own.layer}/`)
            ? null
            : `'${target}': it is pure data and imports nothing else`;
        case 'renderer':
          if (target.startsWith('electron/shared/')) return null;
          if (RENDERER_TYPE_MODULES.has(target))
            return isTypeOnly(node) ? null : `values from '${target}': import only its types (\`import type\`)`;
          if (target.startsWith('electron/') || !target.startsWith('renderer/'))
            return `'${target}': only the contract's types (electron/core/api.ts, model.ts) and electron/shared`;
          return null;
        case 'clipper':
          if (target.startsWith('clipper/') || target === CLIPPER_PROTOCOL) return null;
          if (RENDERER_TYPE_MODULES.has(target))
            return isTypeOnly(node) ? null : `values from '${target}': import only its types (\`import type\`)`;
          return `'${target}': the extension shares only the clip protocol (electron/shared/clip-protocol.ts) and the contract's types`;
      }
      return null;
    }

    return {
      ImportDeclaration: (node) => check(node, node.source),
      ExportNamedDeclaration: (node) => check(node, node.source),
      ExportAllDeclaration: (node) => check(node, node.source),
      ImportExpression: (node) => check(node, node.source),
      CallExpression(node) {
        if (node.callee.type === 'Identifier' && node.callee.name === 'require' && node.arguments.length === 1)
          check(node, node.arguments[0]);
      },
    };
  },
};

export default { meta: { name: 'eslint-plugin-local' }, rules: { layers } };
