import { defineSiteAdapter } from './define.ts';
import { commentsFromBody } from './network-parse.ts';

// The local demo console (tests/e2e/demo, `npm run demo`) and the E2E pages: a `#script` box (or
// the first textarea / contenteditable), a `#chat` list, `#captions`. Its network reader
// understands the demo server's /demo-api/comment/info, shaped like 巨量百应's. Only pages that
// carry <meta name="livelint-demo">: other local tools on localhost are not read (issue 12); the
// user can still point at a box there with the picker.
export default defineSiteAdapter({
  id: 'demo',
  name: { zh: '本地演示中控台', en: 'Local demo console' },
  matches: ['http://127.0.0.1/*', 'http://localhost/*'],
  marker: ['meta[name="livelint-demo"]'],
  script: { box: ['#script', '[data-livelint="script"]', 'textarea', '[contenteditable="true"]', '[contenteditable=""]'] },
  chat: {
    list: ['#chat', '[data-livelint="chat"]'],
    item: ['.chat-row', '[data-livelint="chat-row"]'],
    author: ['.author'],
    text: ['.text'],
  },
  captions: { container: ['#captions'], line: ['.caption-line'] },
  product: { name: ['#product [data-field="name"]', '[data-livelint="product"]'] },
  network: {
    urls: ['/demo-api/comment/info'],
    parse: (_url, body) =>
      commentsFromBody(body, { text: ['content'], author: ['nick_name'], time: ['create_time'], requireAny: ['comment_id'] }),
  },
});
