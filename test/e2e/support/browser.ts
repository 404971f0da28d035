import { chromium, type Browser, type BrowserContext } from 'playwright-core';

/** Debian's Chromium: playwright-core downloads no browser of its own. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}

/** The counter PC's smallest screen, in Japanese, with downloads allowed. */
export function newCounterContext(browser: Browser, viewport = { width: 1366, height: 768 }): Promise<BrowserContext> {
  return browser.newContext({ viewport, locale: 'ja-JP', timezoneId: 'Asia/Tokyo', acceptDownloads: true });
}
