import type * as vscode from 'vscode';
import { CloseAction, ErrorAction, type ErrorHandler, type Message } from 'vscode-languageclient/node';

/**
 * The language client's policy (restart a crashed server, up to 4 times in 3 minutes), with one line
 * in the output channel each time it happens, so a crash is never silent and never a modal dialog.
 */
export function restartingErrorHandler(output: vscode.OutputChannel, maxRestarts = 4, windowMs = 3 * 60_000): ErrorHandler {
  const restarts: number[] = [];
  return {
    error(error: Error, _message: Message | undefined, count: number | undefined) {
      output.appendLine(`Weekly Issues: connection error: ${error.message}`);
      // A write to a server that has just died (EPIPE) is reported without a count, before the close:
      // shutting down then stopped the client, and the close that followed was not restarted (the e2e
      // crash test's second crash, in one CI run of two). The close decides; only repeated read errors
      // of a live server shut it down.
      return { action: count === undefined || count <= 3 ? ErrorAction.Continue : ErrorAction.Shutdown, handled: true };
    },
    closed() {
      const now = Date.now();
      restarts.push(now);
      while (restarts.length && restarts[0] < now - windowMs) restarts.shift();
      if (restarts.length > maxRestarts) {
        output.appendLine(`Weekly Issues: the language server stopped ${restarts.length} times in 3 minutes; it will not be restarted. Reload the window to try again.`);
        return { action: CloseAction.DoNotRestart, handled: true };
      }
      output.appendLine('Weekly Issues: the language server stopped unexpectedly; restarting it.');
      return { action: CloseAction.Restart, handled: true };
    },
  };
}
