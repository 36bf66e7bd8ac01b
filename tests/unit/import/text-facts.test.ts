// The facts import stores about a text (word count, whitespace-blind hash, MinHash fingerprint)
// are in every library already: the ways of computing them that save memory on a 500-page PDF
// (counting, hashing and shingling as the words go by) must give exactly the stored values.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import { textFingerprint } from '../../../electron/core/import/near-duplicate.js';
import { contentHash, countWords } from '../../../electron/core/text.js';

const report = readFileSync(path.resolve(import.meta.dirname, '../../fixtures/pdf/one-column.txt'), 'utf8');

it('gives the values earlier versions stored, for a report, a short text and an odd one', () => {
  expect([textFingerprint(report), contentHash(report), countWords(report)]).toEqual([
    'm1:n3sKANSSHQAV5gsAE1w4AKYPJQBDaikAjG8LAByzHAC4zQIA7PswAARqRQDGaUcAUzMVACtvPQD2xB0A/qYTAGl7NQAWOYgAaHwDALb7CgDzPgkAt0gLAOEYLQAHkm4AUnY0AMJ4AwCIcDUAVy4SAAIqDwAcPX4AWkNAAN3YIwB+QFEABccNAHYXFQBRDwMA8Q4VABYeVQAMs08A1dEuAH1MCwD1P0sAqAZAAKM6JwA1LxAAOtwDAKGkHgAtLAsAv+8+ANHQRQDY2CUAYF5QAMpUIAA0B5EAR78gAAJEAwAw3mkAH5oGAI2DFwBuOkEAXGQ3ABSjIwBjfAIAciI8AA==',
    'e6ab3a98d10e189ad02521dfb744bc38',
    1738,
  ]);
  // Fewer words than a shingle: one shingle of them all.
  const short = 'Three short words';
  expect([textFingerprint(short), contentHash(short), countWords(short)]).toEqual([
    'm1:DDrzj9KSHPg7ubA1XGr+iPanjReYbaw2AqGt0qzsVXBxI3Ut3ZoaSr5F7e3/QHSOnwNP+NiWX+tcf0pRhiCbSdAM6dEa9yfxSym5Lm3gu5iUA8WC8sRuJpUPo0fUUDuQ8RPbZ1anxDPgGAgeqQ4CVHPTurc/Zi8NiiHhVzWYaxyK9KBonf/HEp2G787KiO/H8agq9HTeKGR8GX2j+W7xlKS7FG4ma5vPN72tgwazS2tbgCEPrK6s8BKY8ISzIIMW1UenhUOvcN02yjP83ADehttiNdykA1oIZOQckNIz8uc6AQ5el1ZgLmezAsUrcdcydcGHgKWzvspPOHar64//Mg==',
    '42b772ac4326b1a1d0685a3bfefdc60c',
    3,
  ]);
  // Case folding that changes length, astral characters, runs of mixed whitespace at both ends.
  const odd = '  Ünïcode   ΣΟΦΟΣ   İstanbul\n\n x 😀 ';
  expect([textFingerprint(odd), contentHash(odd), countWords(odd)]).toEqual([
    'm1:Q864MCopVwiaFCU0bnIDAJ5y2C5tZcsrW7AKh258+VTJ6dUP3Hi+YiJzPw6DL59R2b4HTnd5p745rlmVJBuHTrUyHn6GzCkroTEpcZWE6bg/qKLDAMJPEO5p7QricdVKeor9R1PNwjLXr3Cr2oC5LIbhp3BwUjEdFXDPLmoSfNYS9CZ/2f86vD8wnE4ab9VL/kLLmvSdy5iRUcx1w++6ewQhPEKcQ0lnwVPRn71kPFvmASOPViNgdxn4wQzM8Y/A2txvpnEgun5OttJb2hvrQWzWk25NJ+SQLN9nuC3ggSY1I1c25fTwgbC39jgKOBossJ88pmgiOCYToZYQ3hIhlQ==',
    '01470a79bd86fa7b6f3355279ed72e67',
    4,
  ]);
});

it('hashes a text longer than one hashing slice as its collapsed whole', () => {
  // Slices are ~16k characters: whitespace runs across a slice boundary still count as one space.
  const long = `${'word '.repeat(4000)}\n\n\t ${'more  words\n'.repeat(3000)}`;
  const whole = createHash('sha256').update(long.replace(/\s+/g, ' ').trim()).digest('hex').slice(0, 32);
  expect(contentHash(long)).toBe(whole);
  expect(contentHash(long)).not.toBe(contentHash(long.replace(/\s+/g, '')));
  expect(countWords(long)).toBe(4000 + 6000);
});
