import { describe, expect, it } from 'vitest';
import { detectInterchange } from '../../../electron/core/interop/api.js';
import { readFileSync } from 'node:fs';
import path from 'node:path';

const enc = (v: unknown) => new TextEncoder().encode(typeof v === 'string' ? v : JSON.stringify(v));
const anno = { '@context': 'http://www.w3.org/ns/anno.jsonld', type: 'Annotation', target: 'https://x.org/a' };

describe('detectInterchange', () => {
  it('recognises backups, W3C annotations in every packaging, and Hypothesis exports', () => {
    expect(detectInterchange(enc({ format: 'scholia-backup', version: 1 }), 'b.json')).toBe('scholia-backup');
    expect(detectInterchange(enc(anno), 'a.jsonld')).toBe('w3c');
    expect(detectInterchange(enc([anno, anno]), 'a.json')).toBe('w3c');
    expect(
      detectInterchange(
        enc({ type: 'AnnotationCollection', first: { type: 'AnnotationPage', items: [anno] } }),
        'c.jsonld',
      ),
    ).toBe('w3c');
    expect(detectInterchange(enc({ type: 'AnnotationPage', items: [anno] }), 'p.json')).toBe('w3c');
    expect(
      detectInterchange(
        enc({ export_date: 'x', annotations: [{ uri: 'https://x.org', target: [], text: '' }] }),
        'h.json',
      ),
    ).toBe('hypothesis');
    expect(detectInterchange(enc({ total: 1, rows: [{ id: 'x', target: [] }] }), 'h.json')).toBe('hypothesis');
    // A byte-order mark and leading blank lines do not hide JSON.
    expect(detectInterchange(enc('\uFEFF\n  ' + JSON.stringify(anno)), 'a.json')).toBe('w3c');
  });

  it('leaves articles to the article importers', () => {
    const fixture = readFileSync(path.resolve(__dirname, '../../fixtures/rferl-blinken-iranian-drones.txt'));
    expect(detectInterchange(fixture, 'rferl.txt')).toBeNull();
    expect(detectInterchange(enc('{"title":"a","text":"b"}\n{"title":"c","text":"d"}\n'), 'articles.jsonl')).toBeNull();
    expect(detectInterchange(enc({ title: 'An article as JSON', text: 'b' }), 'a.json')).toBeNull();
    expect(detectInterchange(enc('{ not json'), 'broken.json')).toBeNull();
    expect(detectInterchange(enc('<html><body>x</body></html>'), 'page.html')).toBeNull();
  });
});
