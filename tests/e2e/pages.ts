// Small local pages the shell's E2E tests serve (the full demo console lives in tests/e2e/demo).

export const SMOKE_SCRIPT = '家人们晚上好！今天这款面膜全网最低价，错过再等一年。';

export function scriptPage(script: string, title = 'LiveLint smoke'): string {
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><meta name="livelint-demo" content="e2e"><title>${title}</title></head>
<body>
  <h1>直播脚本</h1>
  <label for="script">脚本</label>
  <textarea id="script" rows="6" cols="60">${script}</textarea>
</body></html>`;
}
