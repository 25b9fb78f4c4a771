import type { TextBlockInput } from '../../../rules/engine/schema.ts';

// What a site adapter is, apart from defineSiteAdapter (define.ts): blocks.ts and dom-read.ts need
// these types and define.ts needs their functions, so the types live here to keep the imports one-way.

/**
 * Ordered selector list: the first that matches wins. Put the stable name first, then prefix or
 * substring matches on CSS-module classes (`[class^="goodsItem"]`), then structure; hashed class
 * names go last because they break on every front-end build.
 */
export type Selectors = readonly string[];

/** One viewer message as read from the DOM or from a network response. */
export interface ChatItem {
  author: string;
  text: string;
  /** Time the message was sent (ms since epoch) when the source says so. */
  at?: number;
}

/** Reads comments from the console's own responses, observed by the MAIN-world network tap. */
export interface NetworkReader {
  /** Substrings of fetch/XHR URLs whose response bodies carry comments. */
  urls?: readonly string[];
  /** Substrings of WebSocket URLs whose TEXT frames carry comments (binary frames are skipped). */
  sockets?: readonly string[];
  /** Pure: a response body (or one text frame) to the messages it holds. Never throws. */
  parse(url: string, body: string): ChatItem[];
}

export interface ChatSpec {
  /** The scrolling container of the message rows (observed for added rows). */
  list: Selectors;
  /** One row per message, searched inside the list. */
  item: Selectors;
  /** Inside a row; a trailing ':' or '：' is stripped. */
  author?: Selectors;
  /** Inside a row; rows without text (gifts, entries, likes) are skipped. */
  text: Selectors;
  /** Rows are the list's element children (a list the user picked: we know nothing else about it). */
  directChildren?: boolean;
  /** No text element found: use the whole row, split at a short "name：" prefix. */
  wholeRowFallback?: boolean;
}

export interface SiteAdapterSpec {
  id: string;
  name: { zh: string; en: string };
  /** Manifest match patterns: these become the content script's matches. */
  matches: string[];
  /** Narrows within the host (TikTok: only /@user/live pages). */
  paths?: RegExp;
  /**
   * The page must carry one of these (checked once the DOM exists): for hosts any tool can use,
   * such as localhost, the adapter applies only to the page that says it is the console.
   */
  marker?: Selectors;
  /** The box where the host writes the selling script (textarea, input, contenteditable). */
  script?: { box: Selectors };
  chat?: ChatSpec;
  /** ASR captions shown by the console: one element per line. */
  captions?: { container: Selectors; line: Selectors };
  /** Name of the product being presented (讲解中). */
  product?: { name: Selectors };
  network?: NetworkReader;
}

export interface SiteAdapter extends SiteAdapterSpec {
  matchesUrl(url: string): boolean;
  /** False when the adapter needs a marker the document lacks (a DOM not yet parsed lacks it too). */
  presentIn(doc: ParentNode): boolean;
  findScriptBox(root: ParentNode): Element | null;
  findChatList(root: ParentNode): Element | null;
  findCaptions(root: ParentNode): Element | null;
  /** Messages in the rows under `root` (the list, a row, or a subtree holding rows). */
  readChat(root: ParentNode, list?: Element | null): ChatItem[];
  /** Caption line elements with their text, in page order. */
  readCaptionLines(container: ParentNode): { el: Element; text: string }[];
  readProduct(root: ParentNode): string | undefined;
  /** Pure DOM-to-text: everything this adapter reads on the page right now. */
  extract(root: ParentNode, now?: number): TextBlockInput[];
}
