// The QR code of the link in Debian Chromium: drawn by the analysis worker as SVG with no
// network, shown in a modal large enough to scan from a projected screen, and read back here
// with jsQR from a screenshot: it holds the page's link (without `?view=projector`), and that
// link opens the same package, with the CLI's numbers. Escape closes the dialog and gives the
// keyboard back to the button; axe finds nothing with the dialog open.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import { axe, cliNumbers, fragment, link, pageNumbers, start } from './harness.mjs';

let harness;
before(async () => {
  harness = await start();
});
after(async () => {
  await harness?.close();
});

/** Opens the QR dialog and reads the code on screen as a camera would see the pixels. */
async function readCode(page) {
  await page.click('#qr-button');
  const svg = page.locator('.qr-dialog .qr-code svg');
  await svg.waitFor();
  const png = PNG.sync.read(await svg.screenshot());
  const read = jsQR(new Uint8ClampedArray(png.data), png.width, png.height);
  assert.ok(read, 'the screenshot holds a readable QR code');
  return { text: read.data, box: await svg.boundingBox(), modules: read.version * 4 + 17 };
}

describe('QR code of the link', () => {
  test('decodes to the link, which opens the same package; Escape closes it; axe clean', async () => {
    const body = link('army_cap=cap_800k_peacetime&nato_membership=silent_core_text');
    const { page, context, problems } = await harness.open('#' + body, { contextOptions: { viewport: { width: 1920, height: 1080 } } });
    assert.equal(await fragment(page), body);
    const { text, box, modules } = await readCode(page);
    assert.equal(text, `${harness.url}#${body}`);
    // From the back of a room: the code is most of the screen's height, each module 5 px or more.
    assert.ok(box.height >= 0.6 * 1080, `code ${box.height} px high`);
    assert.ok(box.width / (modules + 8) >= 5, `${(box.width / (modules + 8)).toFixed(1)} px a module`);
    assert.match(await page.textContent('[data-testid="qr-link"]'), new RegExp(`#${body.replace(/[.]/g, '\\.')}$`));
    assert.deepEqual(await axe(page), []);
    await page.keyboard.press('Escape');
    await page.locator('.qr-dialog').waitFor({ state: 'hidden' });
    assert.equal(await page.evaluate(() => document.activeElement.id), 'qr-button');

    // What the phone opens.
    const phone = await harness.open(text.slice(harness.url.length), { contextOptions: { viewport: { width: 390, height: 844 }, isMobile: true } });
    assert.deepEqual(await pageNumbers(phone.page), cliNumbers('#' + body));
    assert.deepEqual(phone.problems.pageErrors, []);
    await phone.context.close();
    assert.deepEqual(problems.pageErrors, []);
    await context.close();
  });

  test('a new package gets a new code; in the projector view the code opens the ordinary view', async () => {
    const { page, context, problems } = await harness.open('?view=projector', { contextOptions: { viewport: { width: 1920, height: 1080 } } });
    await page.waitForSelector('html.projector');
    assert.ok(await page.locator('#qr-button').isVisible(), 'the projector view has the QR button');
    const first = await readCode(page);
    assert.equal(first.text, `${harness.url}#${link()}`);
    await page.click('.qr-dialog button.button-primary');
    await page.keyboard.press('PageDown');
    await page.keyboard.press('ArrowRight');
    const body = await fragment(page);
    assert.notEqual(body, link());
    const second = await readCode(page);
    assert.equal(second.text, `${harness.url}#${body}`);
    assert.doesNotMatch(second.text, /view=projector/);
    assert.deepEqual(problems.pageErrors, []);
    await context.close();
  });
});
