import { describe, expect, it } from 'vitest';
import {
  fromOpenFile,
  fromOpenUrl,
  LaunchQueue,
  parseArgv,
  type LaunchRequest,
} from '../../../electron/desktop/launch-args.js';

const win = { defaultApp: false, cwd: 'C:\\Users\\ana\\Downloads', platform: 'win32' as const };
const linux = { defaultApp: false, cwd: '/home/ana/Downloads', platform: 'linux' as const };

describe('argv → what to do', () => {
  it('Windows "Open with Scholia": the file path after the exe is imported', () => {
    const r = parseArgv(['C:\\Program Files\\Scholia\\Scholia.exe', 'C:\\Users\\ana\\Desktop\\Report.HTML'], win);
    expect(r.files).toEqual(['C:\\Users\\ana\\Desktop\\Report.HTML']);
    expect(r.links).toEqual([]);
  });

  it('Windows second-instance argv: Chromium switches are skipped, relative paths resolve in the caller’s folder', () => {
    // What a second launch hands over on Windows: Electron inserts switches before the user's arguments.
    const argv = [
      'C:\\Program Files\\Scholia\\Scholia.exe',
      '--allow-file-access-from-files',
      '--original-process-start-time=13372981234567890',
      'notes.md',
      'scholia://passage/p_k3j9x0q2mzp1',
    ];
    const r = parseArgv(argv, win);
    expect(r.files).toEqual(['C:\\Users\\ana\\Downloads\\notes.md']);
    expect(r.links).toEqual([{ kind: 'passage', id: 'p_k3j9x0q2mzp1' }]);
    expect(r.problems).toEqual([]);
  });

  it('Linux: the .desktop file passes links and files (%U); development runs skip the script path', () => {
    const r = parseArgv(
      [
        '/opt/electron/electron',
        'dist/electron/main.cjs',
        '--no-sandbox',
        'scholia://article/a_0123456789ab',
        'a.txt',
        'b.jsonld',
      ],
      { ...linux, defaultApp: true },
    );
    expect(r.links).toEqual([{ kind: 'article', id: 'a_0123456789ab' }]);
    expect(r.files).toEqual(['/home/ana/Downloads/a.txt', '/home/ana/Downloads/b.jsonld']);
  });

  it('file:// URLs become paths; duplicates are imported once', () => {
    const r = parseArgv(['/usr/bin/scholia', 'file:///home/ana/My%20Notes/x.md', '/home/ana/My Notes/x.md'], linux);
    expect(r.files).toEqual(['/home/ana/My Notes/x.md']);
    const w = parseArgv(['Scholia.exe', 'file:///C:/Users/ana/x.htm'], win);
    expect(w.files).toEqual(['C:\\Users\\ana\\x.htm']);
  });

  it('unsupported files and foreign or hostile links are reported, not acted on', () => {
    const r = parseArgv(
      ['/usr/bin/scholia', 'photo.jpg', 'https://example.com/x', 'scholia://passage/../../x', 'scholia://nope/1'],
      linux,
    );
    expect(r.files).toEqual([]);
    expect(r.links).toEqual([]);
    expect(r.problems).toHaveLength(4);
    expect(r.problems[0]).toMatch(/photo\.jpg: Scholia opens \.html, \.htm, \.md, \.txt, \.pdf, \.jsonld files/);
    expect(r.problems.join('\n')).not.toContain('example.com'); // refusals do not echo foreign URLs
  });

  it('--library picks the library; after -- everything is a file, even names starting with a dash', () => {
    const r = parseArgv(['scholia', '--library', '../lib', '--', '-odd-name.md'], linux);
    expect(r.library).toBe('/home/ana/lib');
    expect(r.files).toEqual(['/home/ana/Downloads/-odd-name.md']);
    expect(parseArgv(['scholia', '--library=/data/lib'], linux).library).toBe('/data/lib');
    expect(parseArgv(['scholia', '--library'], linux).problems).toEqual(['--library needs a folder.']);
  });

  it('macOS open-file and open-url', () => {
    expect(fromOpenFile('/Users/ana/Desktop/story.txt').files).toEqual(['/Users/ana/Desktop/story.txt']);
    expect(fromOpenUrl('scholia://passage/p_abc').links).toEqual([{ kind: 'passage', id: 'p_abc' }]);
    expect(fromOpenUrl('https://evil.example/').links).toEqual([]);
    expect(fromOpenUrl('https://evil.example/').problems).toHaveLength(1);
  });
});

describe('requests wait for the window', () => {
  it('a cold start from a link or a file: held until the page listens, then delivered once, merged', () => {
    const q = new LaunchQueue();
    const got: LaunchRequest[] = [];
    q.push(fromOpenFile('/a.md'));
    q.push(fromOpenUrl('scholia://passage/p_1'));
    q.push(fromOpenUrl('scholia://passage/p_1'));
    q.push(parseArgv(['x'], linux)); // nothing: ignored
    expect(got).toEqual([]);
    q.ready((r) => got.push(r));
    expect(got).toEqual([
      { files: ['/a.md'], links: [{ kind: 'passage', id: 'p_1' }], problems: [], library: undefined },
    ]);
    q.push(fromOpenUrl('scholia://article/a_2'));
    expect(got).toHaveLength(2);
  });

  it('while the page reloads (crash, library switch) requests are held again', () => {
    const q = new LaunchQueue();
    const got: LaunchRequest[] = [];
    q.ready((r) => got.push(r));
    q.unready();
    q.push(fromOpenFile('/b.txt'));
    expect(got).toEqual([]);
    q.ready((r) => got.push(r));
    expect(got.map((r) => r.files)).toEqual([['/b.txt']]);
  });
});
