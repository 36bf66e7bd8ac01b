import { expect, it } from 'vitest';
import { carryRemovedBlocks, restoreBlock } from '../../../electron/core/anchor/text-change.js';
import type { RemovedBlock } from '../../../electron/core/model.js';

const TEXT = 'Title para.\n\nSecond para.\n\nLast para.';
const block = (id: string, text: string, at: number): RemovedBlock => ({ id, text, reason: 'donation appeal', at });

it('restores a removed block as its own paragraph where it stood, and moves the later ones along', () => {
  const at = TEXT.indexOf('Second');
  const removed = [
    block('r1', 'Support us.', at),
    block('r2', 'Subscribe.', at),
    block('r3', 'Share this.', TEXT.length),
  ];
  const r = restoreBlock(TEXT, removed, 'r2')!;
  expect(r.text).toBe('Title para.\n\nSubscribe.\n\nSecond para.\n\nLast para.');
  // r1 came before r2 in the document: restoring it next puts it in front of "Subscribe."
  const r1 = restoreBlock(r.text, r.removed, 'r1')!;
  expect(r1.text).toBe('Title para.\n\nSupport us.\n\nSubscribe.\n\nSecond para.\n\nLast para.');
  const r3 = restoreBlock(r1.text, r1.removed, 'r3')!;
  expect(r3.text.endsWith('Last para.\n\nShare this.')).toBe(true);
  expect(r3.removed).toEqual([]);
});

it('restores blocks that ended the article in their document order', () => {
  const removed = [block('a', 'A.', TEXT.length), block('b', 'B.', TEXT.length)];
  const afterB = restoreBlock(TEXT, removed, 'b')!;
  const both = restoreBlock(afterB.text, afterB.removed, 'a')!;
  expect(both.text).toBe(`${TEXT}\n\nA.\n\nB.`);
});

it('keeps removed blocks on a paragraph boundary when the text is edited', () => {
  const at = TEXT.indexOf('Last');
  const edited = 'Title para.\n\nSecond para, longer now.\n\nLast para.';
  const [r] = carryRemovedBlocks([block('r', 'Support us.', at)], TEXT, edited);
  expect(edited.slice(r!.at)).toBe('Last para.');
});
