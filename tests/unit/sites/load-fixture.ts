import { readFileSync } from 'node:fs';
import { fileURLToPath, URL as NodeURL } from 'node:url';

const DIR = fileURLToPath(new NodeURL('../../fixtures/sites/', import.meta.url));

export function fixtureText(name: string): string {
  return readFileSync(DIR + name, 'utf8');
}

/**
 * A saved page as a live document in the test's window. Shadow content saved as
 * <template id="shadow-content"> is attached to the first custom element as an OPEN shadow root,
 * the way 视频号's micro-frontend renders.
 */
export function loadFixture(name: string): Document {
  document.open();
  document.write(fixtureText(name));
  document.close();
  const tpl = document.getElementById('shadow-content') as HTMLTemplateElement | null;
  if (tpl) {
    const host = Array.from(document.body.querySelectorAll('*')).find((e) => e.tagName.includes('-'))!;
    host.attachShadow({ mode: 'open' }).append(tpl.content.cloneNode(true));
    tpl.remove();
  }
  return document;
}
