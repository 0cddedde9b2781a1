/**
 * The entry of dist/extension.js, the one bundle the VSIX ships for both of the extension's processes.
 * VS Code's extension host loads it as the extension (`activate`, `deactivate`); the language client starts
 * the same file as a Node program (`node dist/extension.js --stdio`), where it is the main module and runs
 * the language server. Why one bundle: the preview (in the extension host) and the checks (in the server)
 * both hold the language service, markdown-it and their dependencies, and the two ends of the protocol
 * share vscode-jsonrpc and the protocol types; two bundles shipped all of that twice and made the VSIX
 * 580 KB. The `require`s are lazy on purpose: the server process never loads `vscode` (it has none there),
 * and the extension host never runs the server's code.
 */
if (require.main === module) require('../../server/src/server');
else module.exports = require('./extension');
