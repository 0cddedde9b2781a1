/** The issue renderer: shared by the preview panel, "Export Issue as HTML" and `weekly-issues render`. */
export { renderIssue, countProblems, createRenderCache } from './renderIssue';
export type { RenderedIssue, RenderOptions, ProblemCounts, RenderFinding } from './renderIssue';
export { renderDocument } from './renderDocument';
export type { RenderDocumentOptions } from './renderDocument';
export { buildPage, contentSecurityPolicy, createNonce, escapeHtml } from './page';
export type { PageOptions, PolicyOptions } from './page';
export { resolveImageSource, pageImageSrc, relativeImageUrl } from './imageSources';
export type { ImageSource, ImageContext } from './imageSources';
export { referenceKindOf } from './referenceKind';
export type { ReferenceKind } from './referenceKind';
export { ANCHOR_CODES } from './annotate';
export { ISSUE_CSS } from './styles';
export { renderForTarget, PUBLISH_TARGETS, issueUrl, checkPublish, READER_VISIBLE_CODES } from './targets';
export type { PublishTarget, PublishedIssue, PublishOptions, PublishProblem, Note, PublishCheck, PublishFinding } from './targets';
