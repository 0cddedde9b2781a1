import { distance } from 'fastest-levenshtein';

/**
 * Tags every issue may use without being told "did you mean": the sample issue's tags first, then the
 * common topics of an AI-paper newsletter. The configured vocabulary and the tags of the workspace's
 * other issues add to these.
 */
export const builtinTags: readonly string[] = [
  // The sample issue (examples/ai-weekly-sample.md).
  '视频生成', '上下文压缩', 'Transformer', '高效计算', '视频扩散',
  '图像编辑', '多模态大模型', '扩散模型', '开源框架', '高质量数据生成',
  '局部描述', '图像视频理解', '多模态模型', '区域问答', '视觉语言模型',
  '换脸', '身份保留', '高保真', '快速推理',
  '图像定制', '多条件控制', 'DiffusionTransformer', '特征路由', '渐进式训练',
  '3D风格迁移', '高斯点云', '多模态建模', '语义解耦', '实时渲染',
  // Common topics.
  '图像生成', '文生图', '文生视频', '图生视频', '视频编辑', '视频理解', '图像理解', '图像修复', '超分辨率',
  '3D生成', '3D重建', '4D生成', '神经渲染', 'NeRF', '3DGS', '高斯泼溅', '点云', '姿态估计', '人体生成',
  '数字人', '虚拟试穿', '风格迁移', '可控生成', '个性化生成', '主体驱动', '身份保持', '人脸生成', '说话人脸',
  '语音合成', '语音识别', '音乐生成', '音频生成', '多模态', '大语言模型', 'LLM', 'VLM', 'MLLM', '智能体', 'Agent',
  '强化学习', 'RLHF', '推理', '思维链', '检索增强', 'RAG', '代码生成', '数学推理', '长上下文', '模型压缩',
  '量化', '蒸馏', '知识蒸馏', '剪枝', '高效训练', '高效推理', '加速', '开源', '开源模型', '数据集', '基准测试',
  'Benchmark', '评测', '自动驾驶', '具身智能', '机器人', '世界模型', '目标检测', '图像分割', '语义分割',
  '开放词汇', '零样本', '少样本', '提示学习', '指令微调', '微调', 'LoRA', '对齐', '安全', '水印',
  'DiT', 'Diffusion', 'GAN', 'VAE', 'Mamba', 'MoE', 'CLIP', 'SAM', 'GPT-4o', 'Gemini', 'StableDiffusion', 'ControlNet',
  '一致性模型', '流匹配', 'FlowMatching', '自回归', '图像描述', '视频描述', '视觉问答', 'OCR', '文档理解',
  'VideoGeneration', 'ImageGeneration', 'ImageEditing', 'WorldModel', 'OpenSource', 'LongContext', 'SparseAttention',
  'EfficientInference', 'Reasoning', 'Agents', 'Multimodal', 'Robotics', 'Benchmarks', 'Datasets',
];

/**
 * The form two spellings of one tag share: case, full-width/half-width and `-`/`_` do not count.
 * NFKC maps full-width letters and digits (ＬＬＭ) to their ASCII forms.
 */
export function tagKey(tag: string): string {
  return tag.normalize('NFKC').toLowerCase().replace(/[-_]/g, '');
}

/**
 * Whether `tag` is a misspelling of `known`: the same but for case, width or hyphens, or one edit
 * away. Edits are ignored for short tags (LLM/VLM are different words) and where a digit changes
 * (3D生成 and 4D生成 are both real topics).
 */
export function isNearTag(tag: string, known: string): boolean {
  if (tag === known) return false;
  const a = tagKey(tag);
  const b = tagKey(known);
  if (a === b) return true;
  const minLength = /\p{Script=Han}/u.test(a + b) ? 3 : 5;
  if (Math.min([...a].length, [...b].length) < minLength) return false;
  if (distance(a, b) !== 1) return false;
  // A plural is another word choice, not a typo (Agent/Agents).
  if (a + 's' === b || b + 's' === a) return false;
  const digits = (s: string) => s.replace(/\D/g, '');
  return digits(a) === digits(b);
}

export interface TagSuggestion {
  tag: string;
  /** Issues of the workspace that use it (0: known from the vocabulary or the built-in list only). */
  uses: number;
}

/** The known tag `tag` most likely meant: exact-but-for-spelling first, then the most used. */
export function suggestTag(tag: string, known: ReadonlyMap<string, number>): TagSuggestion | undefined {
  if (known.has(tag)) return undefined;
  let best: TagSuggestion | undefined;
  let bestSameKey = false;
  for (const [candidate, uses] of known) {
    if (!isNearTag(tag, candidate)) continue;
    const sameKey = tagKey(candidate) === tagKey(tag);
    const better = !best || (sameKey && !bestSameKey) || (sameKey === bestSameKey && uses > best.uses);
    if (better) {
      best = { tag: candidate, uses };
      bestSameKey = sameKey;
    }
  }
  return best;
}
