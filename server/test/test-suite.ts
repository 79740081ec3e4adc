import { afterAll, beforeAll, it } from 'vitest';
import type { App } from '../src/app.js';
import type { Clock } from '../src/lib/clock.js';
import { createSuperAdmin } from './builders.js';
import { TestClient } from './client.js';
import { createTestApp, type TestContext } from './test-app.js';
import { buildWorld, type World } from './test-world.js';

/*
 * The opening every API test file (or describe block) shares: its app on a private database, built
 * before its tests and closed after them. The handles are returned at once and filled in by the first
 * hook, so a file names them at its top and uses them in its hooks and tests.
 */

/**
 * Registers the hooks that build the app (before the block's other hooks) and close it; `clock` fixes
 * the time two-factor codes are checked against.
 */
export function useTestApp(options: { clock?: Clock } = {}): { context: TestContext } {
  const context = {} as TestContext;
  beforeAll(async () => {
    Object.assign(context, await createTestApp(options));
  });
  afterAll(() => context.close());
  return { context };
}

/** The same, with the platform's super administrator signed in as `root` (under `rootLogin` if given). */
export function useTestAppAsRoot(options: { rootLogin?: string; clock?: Clock } = {}): {
  context: TestContext;
  root: TestClient;
} {
  const { context } = useTestApp({ clock: options.clock });
  // A client without a session until the hook signs in and copies the session (cookie, CSRF token) into it.
  const root = new TestClient(undefined as unknown as App);
  beforeAll(async () => {
    Object.assign(root, await createSuperAdmin(context.app, context.database.db, options.rootLogin));
  });
  return { context, root };
}

/** The app and the one test world (test-world.ts) built on it before the block's other hooks. */
export function useTestWorld(options: Parameters<typeof buildWorld>[1] = {}): {
  context: TestContext;
  world: World;
} {
  const { context } = useTestApp();
  const world = {} as World;
  beforeAll(async () => {
    Object.assign(world, await buildWorld(context, options));
  });
  return { context, world };
}

/**
 * One test per case, titled by its full title: it.each's `$title` quotes a title and cuts it at 40
 * characters, which leaves most cases of a matrix named alike.
 */
export function itForEach<Case extends { title: string }>(
  cases: readonly Case[],
  run: (testCase: Case) => Promise<void>,
) {
  for (const testCase of cases) it(testCase.title, () => run(testCase));
}
