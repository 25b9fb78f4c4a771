import { describe, expect, it } from 'vitest';
import { fromExtensionPage } from '../../../entrypoints/background/panel/sender.ts';

const ID = 'abcdefghijklmnopabcdefghijklmnop';
const ORIGIN = `chrome-extension://${ID}/`;

describe('who may open the panel port', () => {
  it("accepts the extension's own pages", () => {
    expect(fromExtensionPage({ id: ID, url: `${ORIGIN}sidepanel.html` }, ID, ORIGIN)).toBe(true);
    // The side panel docked in a tab's window still reports the extension page as its URL.
    expect(fromExtensionPage({ id: ID, url: `${ORIGIN}manager.html`, tab: { id: 3 } }, ID, ORIGIN)).toBe(true);
  });
  it('refuses a content script on a web page, another extension and an unknown sender', () => {
    expect(fromExtensionPage({ id: ID, url: 'https://www.tiktok.com/@x/live', tab: { id: 7 } }, ID, ORIGIN)).toBe(false);
    expect(fromExtensionPage({ id: 'otherextensionidotherextensionid', url: `chrome-extension://otherextensionidotherextensionid/x.html` }, ID, ORIGIN)).toBe(false);
    expect(fromExtensionPage({ id: ID, url: `chrome-extension://${ID}.evil.com/` }, ID, ORIGIN)).toBe(false);
    expect(fromExtensionPage(undefined, ID, ORIGIN)).toBe(false);
    expect(fromExtensionPage({ id: ID }, ID, ORIGIN)).toBe(false);
  });
});
