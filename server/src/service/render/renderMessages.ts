/**
 * The renderer's own words, in en and zh. Two audiences, two languages: what sits in the issue itself (an
 * image's placeholder) is read with the issue, so it follows the document's language; the problem header
 * and the "not previewed" note are the editor's, so they follow the host's locale (VS Code's display
 * language in the preview, LANG in the CLI), given as `uiLocale`.
 */
import type { IssueLanguage } from '../config/weeklyConfig';
import type { IssueModel } from '../model/types';
import { createTranslator, registerMessages, type Translate } from '../util/l10n';

export const RM = registerMessages({
  'render.image.noPath': { en: 'no image path yet', zh: '还没有图片路径' },
  'render.image.blocked': {
    en: 'not loaded here: remote images are off, or the file is outside the workspace',
    zh: '此处未加载：远程图片已关闭，或文件不在工作区内',
  },
  'render.problems.none': { en: 'No problems', zh: '没有问题' },
  'render.problems.errors.one': { en: '{n} error', zh: '{n} 个错误' },
  'render.problems.errors.many': { en: '{n} errors', zh: '{n} 个错误' },
  'render.problems.warnings.one': { en: '{n} warning', zh: '{n} 个警告' },
  'render.problems.warnings.many': { en: '{n} warnings', zh: '{n} 个警告' },
  'render.problems.notes.one': { en: '{n} note', zh: '{n} 条提示' },
  'render.problems.notes.many': { en: '{n} notes', zh: '{n} 条提示' },
  'render.problems.goToFirst': { en: 'Go to the first problem', zh: '转到第一个问题' },
  'render.tooLarge': {
    en: 'Not previewed: this document has {length} characters, more than weekly.maxFileSize ({limit}).',
    zh: '未预览：此文档有 {length} 个字符，超过 weekly.maxFileSize（{limit}）。',
  },
});

const byLanguage: Record<IssueLanguage, Translate> = { zh: createTranslator('zh-cn'), en: createTranslator('en') };

/**
 * The translator for texts inside the issue: the document's language. The model says it from the TOC,
 * reference heading and field labels; a Markdown file with none of them (a note, a README) has no language
 * there, and the model's default (zh) would put Chinese into an English note: it goes by its script instead.
 */
export function issueTranslator(model: Pick<IssueModel, 'language' | 'toc' | 'references' | 'fields' | 'text'>): Translate {
  const known = model.toc || model.references || model.fields.length > 0;
  const language: IssueLanguage = known ? model.language : /\p{Script=Han}/u.test(model.text) ? 'zh' : 'en';
  return byLanguage[language] ?? byLanguage.en;
}
