/**
 * Link health as findings of a document: which links are checked (the reference list's web links, or every
 * web link with `all`), and the verdicts as link-dead / link-moved / link-unverified with their fixes.
 * The codes are declared here (descriptions, pages, severities) like the rules', but found by a request,
 * not by reading the text, so the server and the CLI run them on demand.
 */
import type { IssueModel, Link } from '../model/types';
import type { Finding, RuleInfo } from '../rules/rule';
import { registerMessages, type Translate } from '../util/l10n';
import type { LinkStatus } from './linkCheck';

export const linkDeadInfo: RuleInfo = {
  code: 'link-dead',
  defaultSeverity: 'warning',
  description: { en: 'A web link answers 404/410, or its host is unknown or refuses connections.', zh: '网页链接返回 404/410，或主机不存在、拒绝连接。' },
  docPage: 'docs/rules/link-dead.md',
};
export const linkMovedInfo: RuleInfo = {
  code: 'link-moved',
  defaultSeverity: 'info',
  description: { en: 'A web link redirects permanently to another address.', zh: '网页链接永久重定向到了另一个地址。' },
  docPage: 'docs/rules/link-moved.md',
};
export const linkUnverifiedInfo: RuleInfo = {
  code: 'link-unverified',
  defaultSeverity: 'hint',
  description: { en: 'A web link could not be verified (401/403/429/5xx or a timeout); it is not called dead.', zh: '无法确认网页链接是否可用（401/403/429/5xx 或超时），不视为失效。' },
  docPage: 'docs/rules/link-unverified.md',
};
export const linkHealthInfos: readonly RuleInfo[] = [linkDeadInfo, linkMovedInfo, linkUnverifiedInfo];

const M = registerMessages({
  'link.reason.status': { en: 'HTTP {status}', zh: 'HTTP {status}' },
  'link.dead': { en: 'Dead link ({reason}): readers get an error page. Fix the address or remove the link.', zh: '失效链接（{reason}）：读者会看到错误页面。请改正地址或删除链接。' },
  'link.moved': { en: 'This page moved permanently to {to}. Link the new address.', zh: '该页面已永久移动到 {to}。请改用新地址。' },
  'link.fix.moved': { en: 'Replace with {to}', zh: '替换为 {to}' },
  'link.unverified': { en: 'Could not verify this link ({reason}); it may still work in a browser.', zh: '无法确认这个链接（{reason}）；它在浏览器中可能仍然可用。' },
  'link.offline': { en: 'no host could be found: offline?', zh: '所有主机都无法解析：是否处于离线状态？' },
});

/** The web links to check: the reference list's (each entry's first link), or every http(s) link. */
export function linksToCheck(model: IssueModel, all: boolean): Link[] {
  const links = all ? model.links : (model.references?.entries ?? []).map((e) => e.link).filter((l): l is Link => !!l);
  return links.filter((l) => /^https?:\/\//i.test(l.url));
}

export function linkFindings(links: readonly Link[], statuses: ReadonlyMap<string, LinkStatus>, t: Translate): Finding[] {
  const out: Finding[] = [];
  for (const link of links) {
    const s = statuses.get(link.url);
    if (!s || s.state === 'ok') continue;
    const start = link.destStart ?? link.start;
    const end = link.destEnd ?? link.end;
    if (s.state === 'dead') out.push({ code: linkDeadInfo.code, start, end, message: t(M['link.dead'], { reason: s.reason }) });
    else if (s.state === 'unverified') out.push({ code: linkUnverifiedInfo.code, start, end, message: t(M['link.unverified'], { reason: s.reason }) });
    else {
      // The fix rewrites the destination as written; a link without one in the text (a reference definition) gets none.
      const fix = link.destStart !== undefined && link.destEnd !== undefined ? [{ title: t(M['link.fix.moved'], { to: s.to }), edits: [{ start: link.destStart, end: link.destEnd, newText: s.to }], isPreferred: true }] : undefined;
      out.push({ code: linkMovedInfo.code, start, end, message: t(M['link.moved'], { to: s.to }), fixes: fix });
    }
  }
  return out;
}

/** When every fresh answer was "unknown host", the machine is offline: doubt, not death. */
export function offlineAware(statuses: Map<string, LinkStatus>, fresh: ReadonlySet<string>, t: Translate): Map<string, LinkStatus> {
  const checked = [...fresh].map((u) => statuses.get(u)).filter((s): s is LinkStatus => !!s);
  const unknownHost = (s: LinkStatus) => s.state === 'dead' && s.failure === 'unknown-host';
  if (checked.length < 3 || !checked.every(unknownHost)) return statuses;
  for (const url of fresh) statuses.set(url, { state: 'unverified', reason: t(M['link.offline']) });
  return statuses;
}
