/**
 * "New Paper Entries from Links…" in the real VS Code: two links (a scripted input provider passed to the
 * command), looked up at stand-ins for arXiv, Hugging Face, GitHub and a project page that run in this
 * extension-host process on 127.0.0.1 (the workspace's weekly.services.* and weekly.network.allowPrivateHosts
 * point there), then both sections in order: the whole resulting text, and one undo restores the file.
 */
import * as assert from 'assert/strict';
import * as vscode from 'vscode';
import { SAMPLE_ISSUE, activeExtension, closeAllEditors, openEditor, waitFor, writeVariant } from './helpers';
import { startPaperServices, type PaperServiceSites } from '../../support/paperServices';

const SECTIONS = `## SAM 2：Segment Anything in Images and Videos

![SAM 2 图](ORIGIN/img/sam2.jpg)

**概要**：We present Segment Anything Model 2 (SAM 2), a foundation model towards solving promptable visual segmentation in images and videos. We build a data engine, which improves model and data via user interaction, to collect the largest video segmentation dataset to date. <!-- weekly:draft a0b26b97 -->

**标签**：#SAM #图像分割 #数据集

---

## 2501.00001：A Theory Paper Without Code

![2501.00001 图]()

**概要**：We prove things about 3D generation. <!-- weekly:draft b72b9880 -->

**标签**：#3D生成

---

`;

suite('paper entries from links (lookups at a stand-in on 127.0.0.1)', () => {
  let sites: PaperServiceSites;
  const weekly = () => vscode.workspace.getConfiguration('weekly');
  suiteSetup(async () => {
    await activeExtension();
    sites = await startPaperServices();
    const target = vscode.ConfigurationTarget.Workspace;
    await weekly().update('services.arxivApiUrl', sites.settings.arxivApiUrl, target);
    await weekly().update('services.huggingFaceApiUrl', sites.settings.huggingFaceApiUrl, target);
    await weekly().update('services.githubApiUrl', sites.settings.githubApiUrl, target);
    await weekly().update('network.allowPrivateHosts', ['127.0.0.1'], target);
  });
  suiteTeardown(async () => {
    await closeAllEditors();
    await sites?.close();
  });

  test('two links: both sections in order, TOC and references, as one edit that one undo restores', async () => {
    const uri = await writeVariant(SAMPLE_ISSUE, 'from-links.md', (t) => t.replace('【AI周报】', '【AI周报·链接】'));
    const editor = await openEditor(uri);
    const original = editor.document.getText();
    const asked: string[] = [];
    const provider = {
      text: async (step: { step: number; title: string }) => {
        asked.push(step.title);
        return 'https://arxiv.org/abs/2408.00714\nhttps://arxiv.org/abs/2501.00001';
      },
      pickOne: async () => assert.fail('no pick is asked'),
      pickMany: async () => assert.fail('no pick is asked'),
    };
    const changed = await vscode.commands.executeCommand<boolean>('weekly.newPaperEntriesFromLinks', provider);
    assert.equal(changed, true);
    assert.deepEqual(asked, ['New Paper Entries from Links']);
    assert.ok((sites.hits.get('/api/query') ?? 0) >= 1, 'arXiv (the stand-in) was asked');

    const cut = original.indexOf('### **参考链接**');
    const refs = original.slice(cut);
    const lastRef = Number(/\n(\d+)\. [^\n]*\n*$/.exec(refs)![1]);
    const expected = (original.slice(0, cut)
      .replace(/(\n6\. \[StyleMe3D[^\n]*\n)/, '$17. [SAM 2：Segment Anything in Images and Videos](#sam-2segment-anything-in-images-and-videos)\n8. [2501.00001：A Theory Paper Without Code](#250100001a-theory-paper-without-code)\n')
      + SECTIONS + refs.replace(/\n*$/, '')
      + `\n${lastRef + 1}. [SAM 2 项目主页](ORIGIN/sam2/)\n${lastRef + 2}. [SAM 2 GitHub 仓库](https://github.com/facebookresearch/sam2)\n${lastRef + 3}. [SAM 2 论文链接](https://arxiv.org/html/2408.00714)\n${lastRef + 4}. [2501.00001 论文链接](https://arxiv.org/html/2501.00001)\n`)
      .split('ORIGIN').join(sites.origin);
    assert.equal(editor.document.getText(), expected);

    await vscode.commands.executeCommand('undo');
    await waitFor('one undo restores the file', () => editor.document.getText() === original);
  });
});
