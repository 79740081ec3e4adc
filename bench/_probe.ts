import { buildApp } from '../server/src/app.js';
import { connectDatabase } from '../server/src/db/connect.js';
const handle = await connectDatabase({ databaseUrl: process.env.DATABASE_URL! });
const app = await buildApp({ database: handle, logger: false });
const login = async (l: string, p: string) => {
  const r = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { login: l, password: p } });
  return r.headers['set-cookie']!.toString().split(';')[0]!;
};
const admin = await login('bench', 'bench-password-2024');
const second = await login('p00101', 'partner-password-2024');
for (const [name, cookie, url] of [
  ['second', second, '/api/v1/partners'],
  ['admin default', admin, '/api/v1/partners'],
  ['admin name desc', admin, '/api/v1/partners?sort=name&order=desc'],
  ['admin deep', admin, '/api/v1/partners?page=150'],
  ['admin search', admin, '/api/v1/partners?search=' + encodeURIComponent('трек')],
  ['health', admin, '/api/v1/health'],
] as const) {
  const times: number[] = [];
  for (let i = 0; i < 100; i++) {
    const t = performance.now();
    const r = await app.inject({ method: 'GET', url, headers: { cookie } });
    times.push(performance.now() - t);
    if (r.statusCode !== 200) throw new Error(String(r.statusCode));
  }
  times.sort((a, b) => a - b);
  console.log(name, 'median', times[50]!.toFixed(2), 'p90', times[90]!.toFixed(2));
}
const cpu = process.cpuUsage();
const t0 = performance.now();
for (let i = 0; i < 200; i++) await app.inject({ method: 'GET', url: '/api/v1/partners', headers: { cookie: second } });
const c = process.cpuUsage(cpu);
console.log('second: node cpu per request ms', ((c.user + c.system) / 1000 / 200).toFixed(2), 'wall', ((performance.now() - t0) / 200).toFixed(2));
await app.close(); await handle.close();
