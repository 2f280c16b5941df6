// One small driver interface over three browser engines, so the same flows run in each:
// Debian Chromium through playwright-core, Debian Firefox ESR through puppeteer-core over
// WebDriver BiDi, and WebKitGTK's MiniBrowser through selenium-webdriver and WebKitWebDriver
// inside a virtual X display (`xvfb-run`), as ../shared/docs/toolchain.md records.
//
// A session is a fresh browser profile (a new context, or a new WebDriver session) with:
//   goto(url), evaluate(fn, arg), waitFor(fn, arg, timeoutMs), click(selector),
//   select(selector, value), problems(), close().
// Console errors, uncaught errors, CSP violations and dialogs are read the same way in every
// engine, by a probe script that the test server puts first in the page (see `probeScript`).
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';

export const ENGINES = ['chromium', 'firefox', 'webkit'];

const CHROMIUM_FLAGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];
const FIREFOX = process.env.FIREFOX ?? '/usr/bin/firefox-esr';
const MINIBROWSER = process.env.MINIBROWSER ?? '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser';
const WEBKIT_DRIVER = process.env.WEBKIT_DRIVER ?? '/usr/bin/WebKitWebDriver';

/**
 * The probe the test server serves as `__probe.js` and puts before every other script: it
 * records what a clean console must not show, in a form any driver can read back.
 */
export const probeScript = `(() => {
  const problems = { consoleErrors: [], pageErrors: [], cspViolations: [], dialogs: [] };
  window.__problems = problems;
  const error = console.error.bind(console);
  console.error = (...args) => { problems.consoleErrors.push(args.map(String).join(' ')); error(...args); };
  addEventListener('error', (event) => problems.pageErrors.push(String(event.message || event.error)));
  addEventListener('unhandledrejection', (event) => problems.pageErrors.push(String(event.reason)));
  document.addEventListener('securitypolicyviolation', (event) => problems.cspViolations.push(event.violatedDirective + ' ' + event.blockedURI));
  for (const name of ['alert', 'confirm', 'prompt']) window[name] = (message) => { problems.dialogs.push(String(message)); };
})();`;

/** The engines this machine can run; the set-up installs all three (scripts/dev test). */
export function missing(engine) {
  if (engine === 'chromium') return existsSync(process.env.CHROMIUM ?? '/usr/bin/chromium') ? null : 'Debian chromium';
  if (engine === 'firefox') return existsSync(FIREFOX) ? null : `Firefox ESR at ${FIREFOX}`;
  for (const path of [MINIBROWSER, WEBKIT_DRIVER]) if (!existsSync(path)) return `WebKitGTK at ${path}`;
  return null;
}

/** Launches `engine`; resolves to { name, session(viewport), close() }. */
export async function launch(engine) {
  if (engine === 'chromium') return launchChromium();
  if (engine === 'firefox') return launchFirefox();
  if (engine === 'webkit') return launchWebKit();
  throw new Error(`unknown engine ${engine}`);
}

async function launchChromium() {
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: CHROMIUM_FLAGS,
    ignoreDefaultArgs: ['--headless=old'],
  });
  return {
    name: 'chromium',
    async session(viewport) {
      const context = await browser.newContext({ viewport });
      const page = await context.newPage();
      return pageSession(page, context, (selector, value) => page.selectOption(selector, value));
    },
    close: () => browser.close(),
  };
}

async function launchFirefox() {
  const { default: puppeteer } = await import('puppeteer-core');
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX,
    headless: true,
    // No update checks, telemetry or captive-portal probes: the tests reach only loopback.
    extraPrefsFirefox: {
      'network.captive-portal-service.enabled': false,
      'network.connectivity-service.enabled': false,
      'app.update.enabled': false,
      'datareporting.policy.dataSubmissionEnabled': false,
    },
  });
  return {
    name: 'firefox',
    async session(viewport) {
      const context = await browser.createBrowserContext();
      const page = await context.newPage();
      await page.setViewport(viewport);
      return pageSession(page, context, (selector, value) => page.select(selector, value));
    },
    close: () => browser.close(),
  };
}

/** A session over a Playwright or Puppeteer page: the two share these calls but not `select`. */
function pageSession(page, context, select) {
  return wrap({
    goto: (url) => page.goto(url),
    evaluate: (fn, arg) => page.evaluate(fn, arg),
    click: (selector) => page.click(selector),
    select: (selector, value) => select(selector, value).then(() => undefined),
    close: () => context.close(),
  });
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** Starts WebKitWebDriver in a virtual display; resolves once its status endpoint answers. */
async function startWebKitDriver() {
  const port = await freePort();
  // WebKitWebDriver starts each MiniBrowser itself, so it runs inside the virtual display.
  const driverProcess = spawn('xvfb-run', ['-a', WEBKIT_DRIVER, `--port=${port}`], {
    stdio: ['ignore', 'ignore', 'pipe'],
    detached: true,
  });
  let driverLog = '';
  driverProcess.stderr.on('data', (chunk) => {
    driverLog += chunk;
  });
  const server = `http://127.0.0.1:${port}`;
  // The driver is ready when its status endpoint answers; wait for that, not for a fixed time.
  const deadline = Date.now() + 20000;
  for (;;) {
    const ready = await fetch(`${server}/status`).then((response) => response.ok, () => false);
    if (ready) break;
    if (driverProcess.exitCode !== null || Date.now() > deadline) {
      throw new Error(`WebKitWebDriver did not start: ${driverLog}`);
    }
    await new Promise((resolve) => setImmediate(resolve));
  }
  const stop = () => {
    try {
      process.kill(-driverProcess.pid, 'SIGTERM');
    } catch {
      // Already gone.
    }
  };
  return { server, stop, log: () => driverLog };
}

/**
 * How long a new WebDriver session may take to start. WebKitWebDriver can leave a request for
 * a new session unanswered for good (its MiniBrowser never came up, and the driver reported
 * "No sessions" with the request still open: one CI run on 2026-12-04 hung there); a start
 * normally takes a second or two.
 */
const WEBKIT_SESSION_START_MS = Number(process.env.WEBKIT_SESSION_START_MS ?? 30000);

async function launchWebKit() {
  const { Builder, By } = await import('selenium-webdriver');
  let driver = await startWebKitDriver();
  const build = async (viewport) => {
    const session = new Builder()
      .usingServer(driver.server)
      .withCapabilities({
        browserName: 'MiniBrowser',
        'webkitgtk:browserOptions': { binary: MINIBROWSER, args: ['--automation'] },
      })
      .build();
    // Settled later if the driver is stopped: no unhandled rejection then.
    Promise.resolve(session).catch(() => {});
    let timer;
    const timeout = new Promise((resolve, reject) => {
      timer = setTimeout(() => reject(new Error(`WebKitWebDriver did not start a session within ${WEBKIT_SESSION_START_MS} ms`)), WEBKIT_SESSION_START_MS);
    });
    try {
      return await Promise.race([session, timeout]);
    } finally {
      clearTimeout(timer);
    }
  };
  return {
    name: 'webkit',
    async session(viewport) {
      let webdriver;
      try {
        webdriver = await build(viewport);
      } catch (error) {
        // Once: a driver that hangs is replaced (stopping it ends the request it holds open),
        // and the session is asked for again; a second failure fails the test.
        console.error(`webkit: ${error.message}; restarting WebKitWebDriver and trying once more`);
        driver.stop();
        driver = await startWebKitDriver();
        webdriver = await build(viewport);
      }
      await webdriver.manage().setTimeouts({ script: 120000, pageLoad: 60000 });
      // The window's outer size includes the browser's frame: size it until the page's own
      // width and height are the viewport's.
      await webdriver.manage().window().setRect({ width: viewport.width, height: viewport.height });
      const inner = await webdriver.executeScript('return [innerWidth, innerHeight]');
      await webdriver.manage().window().setRect({
        width: 2 * viewport.width - inner[0],
        height: 2 * viewport.height - inner[1],
      });
      const evaluate = async (fn, arg) => {
        const result = await webdriver.executeAsyncScript(
          `const done = arguments[arguments.length - 1];
           Promise.resolve().then(() => (${fn})(arguments[0]))
             .then((value) => done({ value: value === undefined ? null : value }), (error) => done({ error: String(error) }));`,
          arg ?? null,
        );
        if (result.error) throw new Error(result.error);
        return result.value;
      };
      return wrap({
        goto: (url) => webdriver.get(url),
        evaluate,
        click: async (selector) => (await webdriver.findElement(By.css(selector))).click(),
        select: async (selector, value) => (await webdriver.findElement(By.css(`${selector} option[value="${value}"]`))).click(),
        close: () => webdriver.quit(),
      });
    },
    async close() {
      driver.stop();
    },
  };
}

/** Adds the shared helpers to an engine's primitives. */
function wrap(session) {
  const wrapped = {
    ...session,
    /**
     * Scrolls the element to the middle of the view and waits until its box holds still for two
     * frames, then clicks it with the engine's own input. Provisions off screen are laid out
     * only when near the view (`content-visibility: auto`), so a box measured before the scroll
     * is not where the element lands; Playwright waits for a stable box by itself, the
     * WebDriver engines do not.
     */
    async click(selector) {
      await wrapped.waitFor(async (target) => {
        const element = document.querySelector(target);
        if (!element) return false;
        element.scrollIntoView({ block: 'center' });
        const box = () => JSON.stringify(element.getBoundingClientRect());
        const before = box();
        for (let frame = 0; frame < 2; frame += 1) await new Promise((resolve) => requestAnimationFrame(resolve));
        return box() === before;
      }, selector, 10000);
      await session.click(selector);
    },
    /** Polls `fn(arg)` in the page, once a frame, until it returns a truthy value. */
    async waitFor(fn, arg, timeout = 30000) {
      // Built in Node from source, so the engine runs one function (closures do not travel).
      const poll = new Function(`return (async (arg) => {
          const test = ${fn};
          const deadline = performance.now() + ${timeout};
          for (;;) {
            const value = await test(arg);
            if (value) return value;
            if (performance.now() > deadline) return null;
            await new Promise((resolve) => {
              requestAnimationFrame(() => setTimeout(resolve));
              // A window the engine throttles gets few frames; poll at least every 100 ms.
              setTimeout(resolve, 100);
            });
          }
        })`)();
      const result = await session.evaluate(poll, arg);
      if (!result) throw new Error(`timed out after ${timeout} ms waiting for ${fn}`);
      return result;
    },
    problems: () => session.evaluate(() => window.__problems ?? { missing: 'the probe did not run' }),
  };
  return wrapped;
}
