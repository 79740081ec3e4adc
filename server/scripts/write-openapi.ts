import { mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { buildApp } from '../src/app.js';
import { connectDatabase } from '../src/db/connect.js';

/*
 * Writes the OpenAPI document the server serves at /api/openapi.json to the file named by the first
 * argument, so that the linter (npm run lint:openapi) reads exactly what clients get. No server is
 * started: the app is built on an empty in-memory database, which nothing reads while the document
 * is made, and closed again.
 */
const [outputFile] = process.argv.slice(2);
if (!outputFile) {
  console.error('usage: write-openapi.ts <output.json>');
  process.exit(2);
}

const database = await connectDatabase({ databaseUrl: null, dataDir: null });
try {
  const app = await buildApp({ database });
  await app.ready();
  await mkdir(dirname(outputFile), { recursive: true });
  await writeFile(outputFile, `${JSON.stringify(app.swagger(), null, 2)}\n`);
  await app.close();
} finally {
  await database.close();
}
