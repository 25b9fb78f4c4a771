// Who may open the panel's port. It carries every tab's findings and answers page-script requests,
// so only the extension's own pages (side panel, manager, rehearsal) may connect: a content script
// runs inside a web page, and a compromised page must not read what LiveLint saw on another site.

export interface PortSender {
  id?: string;
  url?: string;
  tab?: unknown;
}

export function fromExtensionPage(sender: PortSender | undefined, extensionId: string, extensionOrigin: string): boolean {
  if (!sender || sender.id !== extensionId || typeof sender.url !== 'string') return false;
  // A content script's port carries the web page's URL (and its tab); an extension page's, its own.
  return sender.url.startsWith(extensionOrigin);
}
