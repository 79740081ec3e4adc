import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import * as common from '@zxcvbn-ts/language-common';
import * as en from '@zxcvbn-ts/language-en';
const rnd = (n, a='abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789') => Array.from({length:n},()=>a[Math.floor(Math.random()*a.length)]).join('');
const all = '!"#$%&\'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\\]^_`abcdefghijklmnopqrstuvwxyz{|}~';
for (const [max, sub] of [[64,10],[64,5],[64,0],[48,5]]) {
const z = new ZxcvbnFactory({dictionary:{...common.dictionary,...en.dictionary},graphs:common.adjacencyGraphs, l33tMaxSubstitutions: sub, maxLength: max, ...(sub===0?{l33tTable:{}}:{})});
for (let i=0;i<5;i++) z.check(rnd(40, all));
for (const len of [12, 16, 24, 128]) {
let worst=0, total=0; const N=30;
for (let i=0;i<N;i++) for (const s of [rnd(len), rnd(len, all), rnd(len,'1!|0@4$3(7+5'), '1234567890'.repeat(13).slice(0,len)]) { const t=performance.now(); z.check(s); const d=performance.now()-t; worst=Math.max(worst,d); total+=d; }
console.log(max, sub, len, 'avg', (total/(N*4)).toFixed(1), 'worst', worst.toFixed(1));
}
console.log(['p@$$w0rd12345','M0nk3yM0nk3y!','$up3rm@n2024!','1l0v3y0u4ever','dr@g0nf1y123','P4ssw0rd2024!'].map(p=>z.check(p).score).join(','));
}
