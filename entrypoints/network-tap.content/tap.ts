import { TAP_CHANNEL, TAP_CONTROL, TAP_MAX_BODY, type TapBody, type TapControl } from '../../rules/protocol/tap.ts';

/**
 * Observes fetch, XHR and WebSocket text frames in the page's world and relays matching bodies to
 * the isolated content script. It never changes a request or a response: fetch bodies are read from
 * a clone, XHR and sockets through an extra 'load'/'message' listener. Wrappers are Proxies, so
 * `instanceof`, statics and `toString()` stay what the page expects.
 *
 * Nothing is relayed until the content script sends a config naming the URL substrings it can
 * parse, tagged with the random token this load announced in its hello.
 */
export function installTap(win: Window & typeof globalThis): void {
  const FLAG = Symbol.for('livelint.network-tap');
  const w = win as unknown as Record<symbol, unknown>;
  if (w[FLAG]) return; // injected twice (all_frames + programmatic): one tap is enough
  w[FLAG] = true;

  const bytes = new Uint8Array(16);
  win.crypto.getRandomValues(bytes);
  const token = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
  let urls: string[] = [];
  let sockets: string[] = [];

  const post = (msg: object) => {
    try {
      win.postMessage(msg, win.location.origin === 'null' ? '*' : win.location.origin);
    } catch {
      /* a detached frame: nothing to tell */
    }
  };
  const hello = () => post({ channel: TAP_CHANNEL, kind: 'hello', token });
  const wanted = (url: string, list: string[]) => list.length > 0 && list.some((u) => url.includes(u));
  const relay = (via: TapBody['via'], url: string, body: unknown) => {
    if (typeof body !== 'string' || !body || body.length > TAP_MAX_BODY) return;
    post({ channel: TAP_CHANNEL, kind: 'body', token, via, url: url.slice(0, 4096), body } satisfies TapBody);
  };

  win.addEventListener('message', (e: MessageEvent) => {
    const d = e.data as TapControl | null;
    if (e.source !== win || !d || d.channel !== TAP_CONTROL) return;
    if (d.kind === 'ping') hello();
    else if (d.token !== token) return;
    else if (d.kind === 'config') {
      urls = Array.isArray(d.urls) ? d.urls.filter((u) => typeof u === 'string' && u.length >= 4).slice(0, 50) : [];
      sockets = Array.isArray(d.sockets) ? d.sockets.filter((u) => typeof u === 'string' && u.length >= 4).slice(0, 50) : [];
    } else if (d.kind === 'stop') urls = sockets = [];
  });

  const origFetch = win.fetch;
  if (typeof origFetch === 'function') {
    win.fetch = new Proxy(origFetch, {
      apply(target, thisArg, args: Parameters<typeof fetch>) {
        const result: Promise<Response> = Reflect.apply(target, thisArg, args);
        try {
          const input = args[0];
          const url = typeof input === 'string' ? input : input instanceof URL ? input.href : (input as Request)?.url ?? '';
          if (wanted(url, urls)) {
            result.then(
              (res) => res.clone().text().then((t) => relay('fetch', res.url || url, t), () => {}),
              () => {},
            );
          }
        } catch {
          /* observing must never break the page's request */
        }
        return result;
      },
    });
  }

  const XHR = win.XMLHttpRequest;
  if (XHR) {
    const xhrUrl = new WeakMap<XMLHttpRequest, string>();
    const open = XHR.prototype.open;
    XHR.prototype.open = new Proxy(open, {
      apply(target, thisArg: XMLHttpRequest, args) {
        try {
          xhrUrl.set(thisArg, String(args[1]));
        } catch {
          /* ignore */
        }
        return Reflect.apply(target, thisArg, args);
      },
    });
    const send = XHR.prototype.send;
    XHR.prototype.send = new Proxy(send, {
      apply(target, thisArg: XMLHttpRequest, args) {
        try {
          thisArg.addEventListener('load', () => {
            try {
              const url = thisArg.responseURL || xhrUrl.get(thisArg) || '';
              if (!wanted(url, urls)) return;
              const type = thisArg.responseType;
              if (type === '' || type === 'text') relay('xhr', url, thisArg.responseText);
              else if (type === 'json' && thisArg.response != null) relay('xhr', url, JSON.stringify(thisArg.response));
            } catch {
              /* ignore */
            }
          });
        } catch {
          /* ignore */
        }
        return Reflect.apply(target, thisArg, args);
      },
    });
  }

  const WS = win.WebSocket;
  if (WS) {
    win.WebSocket = new Proxy(WS, {
      construct(target, args, newTarget) {
        const ws: WebSocket = Reflect.construct(target, args, newTarget);
        try {
          const url = String(args[0]);
          ws.addEventListener('message', (e: MessageEvent) => {
            // Binary frames (抖音/TikTok protobuf) need a schema we don't ship: text frames only.
            if (typeof e.data === 'string' && wanted(url, sockets)) relay('ws', url, e.data);
          });
        } catch {
          /* ignore */
        }
        return ws;
      },
    });
  }

  hello();
}
