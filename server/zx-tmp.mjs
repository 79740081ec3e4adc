import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import * as common from '@zxcvbn-ts/language-common';
import * as en from '@zxcvbn-ts/language-en';
const rnd = (n, a = 'abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789') =>
  Array.from({ length: n }, () => a[Math.floor(Math.random() * a.length)]).join('');
const all =
  '!"#$%&\'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\\]^_`abcdefghijklmnopqrstuvwxyz{|}~';
const leetish = [
  'p@$$w0rd12345',
  'M0nk3yM0nk3y!',
  '$up3rm@n2024!',
  '1l0v3y0u4ever',
  'Tr0ub4dor&3xx',
  'dr@g0nf1y123',
];
for (const [max, sub] of [
  [256, 100],
  [64, 10],
  [64, 20],
  [48, 10],
  [48, 20],
  [32, 20],
]) {
  const z = new ZxcvbnFactory({
    dictionary: { ...common.dictionary, ...en.dictionary },
    graphs: common.adjacencyGraphs,
    l33tMaxSubstitutions: sub,
    maxLength: max,
  });
  for (let i = 0; i < 5; i++) z.check(rnd(40, all));
  let worst = 0,
    total = 0;
  const N = 30;
  for (let i = 0; i < N; i++)
    for (const s of [
      rnd(128),
      rnd(128, all),
      rnd(128, '1!|0@4$3(7+5'),
      '1234567890'.repeat(13).slice(0, 128),
    ]) {
      const t = performance.now();
      z.check(s);
      const d = performance.now() - t;
      worst = Math.max(worst, d);
      total += d;
    }
  const scores = leetish.map((p) => z.check(p).score).join(',');
  console.log(
    max,
    sub,
    'avg',
    (total / (N * 4)).toFixed(1),
    'worst',
    worst.toFixed(1),
    'leet scores',
    scores,
  );
}
