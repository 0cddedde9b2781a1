/**
 * What would reach readers broken if the issue were published now: the one check the CLI (`render
 * --target`), the LSP request and VS Code's Copy for WeChat / Export for Email all use. It publishes the
 * issue and lists, in the host's language, the images the target cannot load and the findings of the
 * rules whose problem shows in the published text (broken anchors, emphasis shown as literal markers).
 */
import type { WeeklyConfig } from '../../config/weeklyConfig';
import type { ServiceDocument, WeeklyLanguageService } from '../../languageService';
import { registerMessages } from '../../util/l10n';
import { ANCHOR_CODES } from '../annotate';
import type { RenderCache } from '../renderCache';
import { issueUrl } from './issueUrl';
import { renderForTarget, type PublishedIssue, type PublishTarget } from './renderTarget';

const M = registerMessages({
  'publish.imageWechat': {
    en: 'Image "{src}" is left out: WeChat cannot load it; use an https URL.',
    zh: '图片“{src}”已略去：微信无法加载它；请使用 https 地址。',
  },
  'publish.imageEmail': {
    en: 'Image "{src}" is left out: mail clients cannot load it; use an absolute URL or set weekly.publish.baseUrl.',
    zh: '图片“{src}”已略去：邮件客户端无法加载它；请使用绝对地址，或设置 weekly.publish.baseUrl。',
  },
  'publish.imageEmpty': {
    en: 'An image without a source is left out.',
    zh: '一张没有地址的图片已略去。',
  },
});

/** The rules whose findings a reader of the published issue would see. */
export const READER_VISIBLE_CODES: ReadonlySet<string> = new Set([...ANCHOR_CODES, 'emphasis-unrendered']);

/** One thing that would reach readers broken. */
export interface PublishFinding {
  /** `image-unloadable`, or the rule's code (`broken-anchor`, `emphasis-unrendered`…). */
  code: string;
  /** 1-based line in the issue's source (0: unknown). */
  line: number;
  /** In the host's language. */
  message: string;
}

export interface PublishCheck {
  published: PublishedIssue;
  findings: PublishFinding[];
}

export interface PublishCheckOptions {
  config: WeeklyConfig;
  /** The issue's file path (the email's TOC links to its page under weekly.publish.baseUrl). */
  filePath?: string;
  cache?: RenderCache;
}

export function checkPublish(service: WeeklyLanguageService, doc: ServiceDocument, target: PublishTarget, options: PublishCheckOptions): PublishCheck {
  const model = service.getModel(doc);
  const published = renderForTarget(model, target, {
    preset: options.config.presets[model.language],
    pageUrl: options.filePath ? issueUrl(options.config.publish.baseUrl, options.filePath) : undefined,
    cache: options.cache,
  });
  const findings: PublishFinding[] = [];
  for (const d of service.computeDiagnostics(doc)) {
    const code = String(d.code ?? '');
    if (READER_VISIBLE_CODES.has(code)) findings.push({ code, line: d.range.start.line + 1, message: d.message });
  }
  const imageKey = target === 'wechat' ? M['publish.imageWechat'] : M['publish.imageEmail'];
  for (const p of published.problems) {
    findings.push({ code: 'image-unloadable', line: p.line, message: service.t(p.src ? imageKey : M['publish.imageEmpty'], { src: p.src }) });
  }
  findings.sort((a, b) => a.line - b.line);
  return { published, findings };
}
