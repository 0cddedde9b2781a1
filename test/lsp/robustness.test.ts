/**
 * The server under bad requests: malformed JSON-RPC, unknown methods, unknown documents, positions
 * out of range, missing params, hostile text. Each gets an answer or is ignored; nothing kills the
 * process, and a normal request still works afterwards.
 */
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { ResponseError } from 'vscode-jsonrpc/node';
import { LspClient } from './lspClient';

const broken = '# T\n\n## 目录\n\n1. [A](#nowhere)\n\n## A\n\n**标签**：#测试\n\n## 参考链接\n\n1. [A 项目主页](https://a.example)\n';

async function errorOf(p: Promise<unknown>): Promise<ResponseError<unknown> | undefined> {
  try {
    await p;
    return undefined;
  } catch (err) {
    return err as ResponseError<unknown>;
  }
}

describe('the server under bad requests', () => {
  let client: LspClient;
  before(async () => {
    client = await LspClient.start();
  });
  after(async () => {
    await client.stop();
  });

  it('ignores malformed JSON and a bad header, and goes on answering', async () => {
    const stdin = client.process.stdin!;
    const body = '{"jsonrpc":"2.0","id":999,"method":"textDocument/hover", BROKEN';
    stdin.write(`Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`);
    stdin.write('Content-Length: 2\r\n\r\n[]');
    await client.roundTrip();
    assert.equal(client.process.exitCode, null, 'the server is still running');
  });

  it('answers an unknown method with MethodNotFound', async () => {
    const err = await errorOf(client.connection.sendRequest('weekly/noSuchMethod', { x: 1 }));
    assert.equal(err?.code, -32601);
  });

  it('answers requests for a document it does not know without failing', async () => {
    const textDocument = { uri: client.uri('never-opened.md') };
    const position = { line: 3, character: 4 };
    for (const [method, params] of [
      ['textDocument/hover', { textDocument, position }],
      ['textDocument/completion', { textDocument, position }],
      ['textDocument/definition', { textDocument, position }],
      ['textDocument/references', { textDocument, position, context: { includeDeclaration: true } }],
      ['textDocument/documentSymbol', { textDocument }],
      ['textDocument/codeAction', { textDocument, range: { start: position, end: position }, context: { diagnostics: [] } }],
    ] as const) {
      const result = await client.connection.sendRequest(method, params);
      assert.ok(result === null || (Array.isArray(result) && result.length === 0) || (typeof result === 'object' && 'items' in (result as object)), `${method}: ${JSON.stringify(result)}`);
    }
  });

  it('survives positions out of range, negative positions and missing params', async () => {
    const uri = client.uri('robust.md');
    client.open(uri, broken);
    await client.waitForDiagnostics(uri, { version: 1 });
    const textDocument = { uri };
    for (const position of [{ line: 9999, character: 9999 }, { line: -1, character: -7 }, { line: 2, character: 1e9 }]) {
      for (const method of ['textDocument/hover', 'textDocument/completion', 'textDocument/definition', 'textDocument/prepareRename']) {
        const err = await errorOf(client.connection.sendRequest(method, { textDocument, position }));
        assert.ok(err === undefined || typeof err.code === 'number', `${method} at ${JSON.stringify(position)} answered with a proper error or a result`);
      }
    }
    for (const method of ['textDocument/hover', 'textDocument/codeAction', 'textDocument/rename']) {
      const err = await errorOf(client.connection.sendRequest(method, null));
      assert.ok(err === undefined || typeof err.code === 'number', `${method} without params`);
    }
    assert.equal(client.process.exitCode, null);
  });

  it('checks hostile text (NUL, lone surrogates, deep nesting, a 1 MB line) and stays responsive', async () => {
    const uri = client.uri('hostile.md');
    const hostile = '\uFEFF# \u0000\uD800 title\r\n' + '>'.repeat(10_000) + ' x\r' + '- '.repeat(5_000) + 'y\n' + '['.repeat(50_000) + '\n' + 'a '.repeat(500_000);
    client.open(uri, hostile);
    await client.waitForDiagnostics(uri, { version: 1 });
    assert.equal(client.process.exitCode, null);
  });

  it('still does its normal work afterwards', async () => {
    const uri = client.uri('after.md');
    client.open(uri, broken);
    const published = await client.waitForDiagnostics(uri, { version: 1 });
    assert.deepEqual(published.diagnostics.map((d) => d.code).includes('toc-broken-anchor'), true);
    const actions = await client.codeActions(uri, published.diagnostics[0].range, published.diagnostics);
    assert.ok(Array.isArray(actions));
  });
});
