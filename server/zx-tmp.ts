import { checkPassword, generatePassword, passwordStrength } from './src/lib/password-policy.js';
let t = performance.now();
await import('./src/lib/password-policy.js');
console.log('import', performance.now() - t);
t = performance.now();
const cases: [string, 'simple' | 'complex', string?, string?][] = [
  ['password', 'simple'],
  ['short', 'simple'],
  ['x'.repeat(130), 'simple'],
  ['Password', 'complex'],
  ['correct horse battery staple', 'complex'],
  ['purple monkey dishwasher', 'complex'],
  ['tiger lamp oven velvet', 'complex'],
  ['ivanpetrov-secret-42!', 'complex', 'ivan.petrov@acme.com'],
  ['My name is Ivan Petrov!', 'complex', undefined, 'Ivan Petrov'],
  ['aaaaaaaaaaaaaaa', 'complex'],
  ['qwertyuiop123', 'complex'],
  ['1qaz2wsx3edc', 'complex'],
  ['Summer2024!!', 'complex'],
  ['25021983', 'simple'],
  ['iloveyou2', 'simple'],
  ['p@ssw0rd', 'simple'],
  ['passw0rd!!!!', 'complex'],
  ['januaryfebruary', 'complex'],
];
for (const [p, pol, l, n] of cases)
  console.log(
    JSON.stringify(p.slice(0, 40)),
    pol,
    JSON.stringify(checkPassword({ password: p, policy: pol, login: l, name: n })),
  );
console.log('first', performance.now() - t);
t = performance.now();
for (let i = 0; i < 200; i++) {
  generatePassword('complex');
  generatePassword('simple');
}
console.log('gen400', performance.now() - t, generatePassword('complex'), generatePassword('simple'));
t = performance.now();
console.log(
  passwordStrength('a'.repeat(128)),
  passwordStrength(generatePassword('complex').repeat(8)),
  performance.now() - t,
);
let s = 0,
  n = 0;
for (let i = 0; i < 2000; i++) {
  const x = Array.from(
    { length: 12 },
    () => 'abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789'[Math.floor(Math.random() * 55)],
  ).join('');
  if (passwordStrength(x) < 3) {
    s++;
    if (n++ < 5) console.log('weak12', x, passwordStrength(x));
  }
}
console.log('weak12 count', s);
