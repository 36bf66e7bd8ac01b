import { describe, expect, it } from 'vitest';
import { EXPORT_FORMAT_IDS } from '../../../electron/core/export/format.js';
import { parseArgs } from '../../../electron/core/contract.js';
import { exportFormats, getExportFormat } from '../../../electron/core/export/registry.js';
import { createExportService } from '../../../electron/core/export/service.js';
import { contextFor } from './library.js';
import { JsonStore } from '../../../electron/core/store/json-store.js';

describe('export registry', () => {
  it('offers every format of the contract once, each with its metadata', () => {
    expect(exportFormats.map((f) => f.id).sort()).toEqual([...EXPORT_FORMAT_IDS].sort());
    for (const f of exportFormats) {
      expect(f.label.length).toBeGreaterThan(3);
      expect(f.extension).toMatch(/^[a-z]+$/);
      expect(f.mime).toMatch(/^[a-z]+\/[\w.+-]+$/);
      expect(['file', 'folder']).toContain(f.output);
    }
    expect(getExportFormat('md').output).toBe('folder');
    expect(getExportFormat('html').output).toBe('file');
  });

  it('names the known formats when asked for an unknown one', () => {
    expect(() => getExportFormat('odt')).toThrow(/Unknown export format "odt".*md, html, pdf/);
  });

  it('lists formats for the export dialog through the API', async () => {
    const api = createExportService(contextFor(new JsonStore('/nonexistent')));
    const list = await api.listExportFormats();
    expect(list.map((f) => f.id)).toEqual(exportFormats.map((f) => f.id));
  });

  it('validates exportData arguments from front ends (IPC and HTTP) before the core sees them', () => {
    expect(parseArgs('exportData', [{ format: 'md', scope: { tag: 'ukraine', noteIds: ['n_1'] } }])).toEqual([
      { format: 'md', scope: { tag: 'ukraine', noteIds: ['n_1'] } },
    ]);
    expect(() => parseArgs('exportData', [{ format: 'odt', scope: {} }])).toThrow(/Invalid request to exportData/);
    expect(() => parseArgs('exportData', [{ format: 'md', scope: { path: '../x' } }])).toThrow(/Invalid request/);
  });
});
