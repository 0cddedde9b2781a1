/** Restricted Mode: a site root outside the workspace folders is not honoured (nothing else on disk is read). */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { createLanguageService, defaultConfig } from '../../server/src/service';

test('image-missing resolves /… under the workspace in an untrusted workspace, under siteRoot when trusted', () => {
  const outside = fs.mkdtempSync(path.join(os.tmpdir(), 'weekly-outside-'));
  const workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'weekly-ws-'));
  fs.writeFileSync(path.join(outside, 'secret.png'), 'x');
  const text = '---\nweekly: true\n---\n# A\n\n![secret](/secret.png)\n';
  const findingsWith = (trusted: boolean, siteRoot: string) => {
    const service = createLanguageService({
      getConfig: () => ({ ...defaultConfig, validateScope: 'all', siteRoot }),
      workspaceRoots: () => [workspace],
      fileExists: (p) => fs.existsSync(p),
      trusted: () => trusted,
    });
    return service.getFindings({ uri: `file://${workspace}/a.md`, version: 1, getText: () => text }).filter((f) => f.code === 'image-missing');
  };
  assert.equal(findingsWith(true, outside).length, 0, 'trusted: the site root outside is read, the image exists there');
  assert.equal(findingsWith(false, outside).length, 1, 'untrusted: /secret.png is looked for in the workspace, not outside');
  fs.mkdirSync(path.join(workspace, 'site'));
  fs.writeFileSync(path.join(workspace, 'site', 'secret.png'), 'x');
  assert.equal(findingsWith(false, path.join(workspace, 'site')).length, 0, 'untrusted: a site root inside the workspace is honoured');
});
