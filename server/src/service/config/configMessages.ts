/**
 * What is wrong with settings, in English and Chinese: the problems of `resolveConfig` (VS Code's
 * `weekly.*`, `.weekly-issues.json`, CLI flags) and of the config file's reader. Each problem also
 * names the setting it is about (a dotted path), so that the file's reader can point at it in any language.
 */
import { createTranslator, registerMessages, type MessageArgs, type Translate } from '../util/l10n';

export const CM = registerMessages({
  'config.settingsObject': { en: 'the settings must be an object; using the defaults', zh: '设置必须是一个对象；使用默认设置' },
  'config.slugStyle': { en: '{setting} must be one of {choices}; using "{used}"', zh: '{setting} 必须是 {choices} 之一；使用“{used}”' },
  'config.validateObject': { en: '{setting} must be an object such as { "scope": "issues" }', zh: '{setting} 必须是对象，例如 { "scope": "issues" }' },
  'config.validateScope': { en: '{setting} must be "issues", "all" or "off"; using "{used}"', zh: '{setting} 必须是 "issues"、"all" 或 "off"；使用“{used}”' },
  'config.path': { en: '{setting} must be a path', zh: '{setting} 必须是路径' },
  'config.severityMap': { en: '{setting} must map codes to off|hint|info|warning|error', zh: '{setting} 必须把诊断代码映射到 off|hint|info|warning|error' },
  'config.oneOf': { en: '{setting} must be one of {choices}', zh: '{setting} 必须是 {choices} 之一' },
  'config.maxFileSize': { en: '{setting} must be a positive number of characters; using {used}', zh: '{setting} 必须是正的字符数；使用 {used}' },
  'config.requiredFields': { en: '{setting} must be a list of "summary" and "tags"', zh: '{setting} 必须是由 "summary" 和 "tags" 组成的列表' },
  'config.paperLinkForm': {
    en: '{setting} must be "auto", "abs", "html", "pdf" or "as-pasted"; using "{used}"',
    zh: '{setting} 必须是 "auto"、"abs"、"html"、"pdf" 或 "as-pasted"；使用“{used}”',
  },
  'config.maxSuggestedTags': { en: '{setting} must be a whole number from 0 to 20; using {used}', zh: '{setting} 必须是 0 到 20 的整数；使用 {used}' },
  'config.requiredReferenceKinds': { en: '{setting} must be a list of "project", "github" and "paper"', zh: '{setting} 必须是由 "project"、"github" 和 "paper" 组成的列表' },
  'config.presetsObject': { en: '{setting} must be an object with "zh" and/or "en"', zh: '{setting} 必须是含 "zh" 和/或 "en" 的对象' },
  'config.presetLanguage': { en: '{setting} must be zh or en, the languages with presets; it is ignored', zh: '{setting} 必须是 zh 或 en（有预设的语言）；已忽略' },
  'config.servicesObject': {
    en: '{setting} must be an object such as { "arxivApiUrl": "https://export.arxiv.org/api/query" }',
    zh: '{setting} 必须是对象，例如 { "arxivApiUrl": "https://export.arxiv.org/api/query" }',
  },
  'config.notASetting': { en: '{setting} is not a setting; it is ignored', zh: '{setting} 不是设置项；已忽略' },
  'config.boolean': { en: '{setting} must be true or false', zh: '{setting} 必须是 true 或 false' },
  'config.urlUsing': { en: '{setting} must be an http(s) URL; using {used}', zh: '{setting} 必须是 http(s) 网址；使用 {used}' },
  'config.urlIgnored': { en: '{setting} must be an http(s) URL; it is ignored', zh: '{setting} 必须是 http(s) 网址；已忽略' },
  'config.publishObject': { en: '{setting} must be an object such as { "baseUrl": "https://example.com/weekly/" }', zh: '{setting} 必须是对象，例如 { "baseUrl": "https://example.com/weekly/" }' },
  'config.networkObject': { en: '{setting} must be an object such as { "allowPrivateHosts": ["127.0.0.1"] }', zh: '{setting} 必须是对象，例如 { "allowPrivateHosts": ["127.0.0.1"] }' },
  'config.hosts': { en: '{setting} must be a list of host names, addresses or CIDR ranges', zh: '{setting} 必须是主机名、地址或 CIDR 范围的列表' },
  'config.strings': { en: '{setting} must be a list of non-empty strings', zh: '{setting} 必须是非空字符串的列表' },
  'config.tagAliasesObject': { en: '{setting} must map alias tags to canonical tags, such as { "LLMs": "LLM" }', zh: '{setting} 必须把别名标签映射到规范标签，例如 { "LLMs": "LLM" }' },
  'config.tagAliasesBad': {
    en: '{setting} must map each alias to another tag (letters, digits, - _ + . without spaces), not itself or an alias; ignored: {bad}',
    zh: '{setting} 必须把每个别名映射到另一个标签（字母、数字、- _ + .，不含空格），不能是它自己或另一个别名；已忽略：{bad}',
  },
  'config.object': { en: '{setting} must be an object', zh: '{setting} 必须是对象' },
  'config.nonEmptyStrings': { en: '{setting} must be a non-empty list of strings', zh: '{setting} 必须是非空的字符串列表' },
  'config.referenceKinds': { en: '{setting} must be an object with project, github and paper', zh: '{setting} 必须是含 project、github 和 paper 的对象' },
  'config.string': { en: '{setting} must be a string', zh: '{setting} 必须是字符串' },
  // The config file's reader (configFile.ts) and its one diagnostic.
  'configFile.unknown': { en: 'unknown setting "{key}"; it is ignored', zh: '未知设置“{key}”；已忽略' },
  'configFile.empty': { en: 'the file is empty, not a JSON object; using the default settings', zh: '文件为空，不是 JSON 对象；使用默认设置' },
  'configFile.invalidJson': { en: 'not valid JSON ({why}); using the default settings', zh: '不是有效的 JSON（{why}）；使用默认设置' },
  'configFile.one': { en: '{file}: {problem}.', zh: '{file}：{problem}。' },
  'configFile.many': { en: '{file} has {count} problems; the defaults are used for those settings: {problems}.', zh: '{file} 有 {count} 个问题；这些设置使用默认值：{problems}。' },
  'configFile.unreadable': { en: '{file} could not be read ({why}); using the default settings.', zh: '无法读取 {file}（{why}）；使用默认设置。' },
  'configFile.unreadableAt': { en: '{file}: could not be read ({why}); using the default settings', zh: '{file}：无法读取（{why}）；使用默认设置' },
});

export type ConfigMessage = (typeof CM)[keyof typeof CM];

/** The English texts: what logs, tests and hosts without a locale get. */
export const englishConfigMessages: Translate = createTranslator('en');

/** Problems as they are found: the message in the caller's language and the setting it is about. */
export class ConfigProblems {
  readonly messages: string[] = [];
  /** The dotted path of the setting each message is about ('' for the settings as a whole). */
  readonly settings: string[] = [];

  constructor(private readonly t: Translate) {}

  add(setting: string, message: ConfigMessage, args: MessageArgs = {}): void {
    this.settings.push(setting);
    this.messages.push(this.t(message, { setting, ...args }));
  }
}
