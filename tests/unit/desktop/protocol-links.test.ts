import { describe, expect, it } from 'vitest';
import { linkFor, MAX_LINK_LENGTH, parseScholiaLink } from '../../../electron/desktop/protocol-links.js';
import { passageUrl } from '../../../electron/core/export/passage-links.js';

describe('scholia:// links', () => {
  it('opens the passage and article links the exports write', () => {
    // The exact string the Markdown/HTML/W3C exports write for a passage.
    const written = passageUrl('p_k3j9x0q2mzp1');
    expect(parseScholiaLink(written)).toEqual({ ok: true, target: { kind: 'passage', id: 'p_k3j9x0q2mzp1' } });
    expect(parseScholiaLink('scholia://article/a_0123456789ab')).toEqual({
      ok: true,
      target: { kind: 'article', id: 'a_0123456789ab' },
    });
    expect(linkFor({ kind: 'article', id: 'a_x' })).toBe('scholia://article/a_x');
  });

  it('accepts what OSes and browsers do to links: case, trailing slash, query, percent-encoding', () => {
    expect(parseScholiaLink('SCHOLIA://Passage/p_abc/')).toMatchObject({
      ok: true,
      target: { kind: 'passage', id: 'p_abc' },
    });
    expect(parseScholiaLink('scholia://passage/p_abc?utm=x#frag')).toMatchObject({ ok: true, target: { id: 'p_abc' } });
    expect(parseScholiaLink('scholia://passage/p%5Fabc')).toMatchObject({ ok: true, target: { id: 'p_abc' } });
    expect(parseScholiaLink('scholia:passage/p_abc')).toMatchObject({ ok: true, target: { id: 'p_abc' } });
  });

  it.each([
    ['scholia://passage/../../x', /"\.\."/],
    ['scholia://passage/%2e%2e/%2E%2E/etc', /"\.\."/],
    ['scholia://passage/./p_abc', /"\.\."/],
    ['scholia://passage/p_abc%2F..%2F..%2Fx', /not a Scholia id/],
    ['scholia://passage/p_abc/extra', /expected scholia:\/\/passage/],
    ['scholia://passage/', /expected/],
    ['scholia://note/n_abc', /unknown kind "note"/],
    ['scholia://user:pw@passage/p_abc', /malformed/],
    ['scholia://passage/p_a%ZZ', /not a Scholia id|badly encoded/],
    ['scholia://passage/<script>', /not a Scholia id/],
    ['scholia://passage/p_abc%00', /not a Scholia id/],
    ['https://passage/p_abc', /Not a scholia/],
    ['file:///etc/passwd', /Not a scholia/],
    ['javascript:alert(1)', /Not a scholia/],
    ['not a url', /understands/],
    ['', /Empty/],
  ])('refuses %s with a clear reason', (raw, reason) => {
    const r = parseScholiaLink(raw);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatch(reason);
  });

  it('refuses huge strings before parsing them, quickly', () => {
    const huge = 'scholia://passage/' + 'a'.repeat(5_000_000);
    const t = performance.now();
    const r = parseScholiaLink(huge);
    expect(performance.now() - t).toBeLessThan(50);
    expect(r).toEqual({ ok: false, error: expect.stringContaining(String(MAX_LINK_LENGTH)) });
    // An id at the length limit of real ids still works; one over the id limit does not.
    expect(parseScholiaLink('scholia://passage/' + 'a'.repeat(64)).ok).toBe(true);
    expect(parseScholiaLink('scholia://passage/' + 'a'.repeat(65)).ok).toBe(false);
  });
});
