/** Publishing targets of the renderer: WeChat and email (the feed reuses the email's HTML). */
export { renderForTarget, PUBLISH_TARGETS } from './renderTarget';
export type { PublishTarget, PublishedIssue, PublishOptions } from './renderTarget';
export type { PublishProblem } from './publishTree';
export type { Note } from './wechatTarget';
export { issueUrl } from './issueUrl';
export { checkPublish, READER_VISIBLE_CODES } from './publishCheck';
export type { PublishCheck, PublishCheckOptions, PublishFinding } from './publishCheck';
