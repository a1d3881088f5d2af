import { tmpdir } from 'node:os';
import path from 'node:path';
import { defineConfig, devices } from '@playwright/test';

// Each run starts from a fresh, seeded demo database, so journeys never see a previous run's data.
const PORT = Number(process.env.E2E_PORT ?? 3100);
const database = path.join(tmpdir(), `parley-e2e-${Date.now()}-${process.pid}.db`);
// e2e/teardown.ts removes it (and its WAL files) when the run ends.
process.env.PARLEY_E2E_DATABASE = database;

// The system's Chromium (Debian's package; CHROMIUM_PATH elsewhere), which `npm test` makes sure of
// through test/system-tools.ts: Playwright's own browser downloads are not used.
const chromium = {
  executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
  args: [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
  ],
};

export default defineConfig({
  testDir: 'e2e',
  testMatch: '**/*.spec.ts',
  globalTeardown: './e2e/teardown.ts',
  fullyParallel: false,
  workers: 1,
  retries: process.env.CI ? 1 : 0,
  forbidOnly: Boolean(process.env.CI),
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [['list'], ['html', { open: 'never' }]] : 'list',
  use: {
    baseURL: `http://localhost:${PORT}`,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: chromium,
  },
  projects: [
    { name: 'desktop', use: { ...devices['Desktop Chrome'], channel: undefined } },
    {
      name: 'phone',
      use: {
        viewport: { width: 390, height: 844 },
        deviceScaleFactor: 2,
        isMobile: true,
        hasTouch: true,
        userAgent: devices['Pixel 7'].userAgent,
      },
    },
  ],
  webServer: {
    command: 'node server/main.ts',
    url: `http://localhost:${PORT}/api/health`,
    reuseExistingServer: false,
    timeout: 60_000,
    stdout: 'pipe',
    stderr: 'pipe',
    env: {
      PORT: String(PORT),
      PARLEY_MODE: 'test',
      JOBS: 'on',
      LOG_LEVEL: 'warn',
      DATABASE_URL: `file:${database}`,
      PUBLIC_URL: `http://localhost:${PORT}`,
      // The journeys run on a test clock that mostly stands still, so the whole run is one minute
      // of one day for the demo people: the per-person limits are raised to fit it.
      WRITES_PER_MINUTE: '100000',
      // Card payments through the stand-in provider, whose events are signed as Stripe signs them.
      CARD_PAYMENTS: 'simulated',
      CASE_REQUESTS_PER_DAY: '1000',
    },
  },
});
