// The XSS corpus again, in a workspace VS Code does not trust (Restricted Mode; see isUntrustedUiTest in
// harness/uiPhase.mjs): every check of previewXss.ui.mjs runs here too, after this file has shown that
// the window really is restricted, so "nothing runs" holds in trusted and in untrusted mode.
import { test } from 'node:test';
import assert from 'node:assert/strict';

test('the workspace is open in Restricted Mode', { skip: !process.env.E2E_SERVER_URL && 'needs the harness (E2E_SERVER_URL)' }, async () => {
  const { Workbench, STEP_TIMEOUT_MS } = await import('../harness/ui.mjs');
  const wb = await Workbench.open({ expectFile: 'ai-weekly-sample.md' });
  try {
    const restricted = wb.page.locator('.statusbar-item', { hasText: /Restricted Mode/ });
    await restricted.first().waitFor({ state: 'visible', timeout: STEP_TIMEOUT_MS });
    assert.ok(await restricted.count() > 0, 'the status bar says Restricted Mode');
    await wb.screenshot('untrusted-restricted-mode');
  } finally {
    await wb.close();
  }
});

await import('./previewXss.ui.mjs');
