// Starts the real server for the end-to-end tests on an empty embedded database of its own.
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const dataDir = mkdtempSync(path.join(tmpdir(), 'fleetdesk-e2e-'));
const child = spawn('npm', ['start'], {
  stdio: 'inherit',
  // No billing schedule: the journeys bill nothing behind the tests' backs.
  env: { ...process.env, FLEETDESK_DATA_DIR: dataDir, LOG_LEVEL: 'warn', BILLING_SCHEDULE: 'off' },
});
for (const signal of ['SIGTERM', 'SIGINT']) process.on(signal, () => child.kill('SIGTERM'));
child.on('exit', (code) => process.exit(code ?? 0));
