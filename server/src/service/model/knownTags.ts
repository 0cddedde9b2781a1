import { distance } from 'fastest-levenshtein';
import { memoize } from '../util/memo';

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
 * English words that stand for the built-in Chinese topics, so that a lookup's English abstract can
 * suggest the tags a Chinese issue uses (`tagAliases` adds the editor's own).
 */
export const builtinTagWords: Readonly<Record<string, readonly string[]>> = {
  视频生成: ['video generation', 'text-to-video', 'image-to-video'], 视频扩散: ['video diffusion'], 扩散模型: ['diffusion model', 'diffusion models'],
  图像编辑: ['image editing'], 图像生成: ['image generation', 'text-to-image'], 文生图: ['text-to-image'], 文生视频: ['text-to-video'],
  图生视频: ['image-to-video'], 视频编辑: ['video editing'], 视频理解: ['video understanding'], 图像理解: ['image understanding'],
  图像修复: ['inpainting', 'image restoration'], 超分辨率: ['super-resolution'], '3D生成': ['3D generation', 'text-to-3D'],
  '3D重建': ['3D reconstruction'], '4D生成': ['4D generation'], 神经渲染: ['neural rendering'], 高斯泼溅: ['Gaussian splatting'],
  点云: ['point cloud'], 姿态估计: ['pose estimation'], 数字人: ['digital human', 'avatar'], 虚拟试穿: ['virtual try-on'],
  风格迁移: ['style transfer'], 可控生成: ['controllable generation'], 个性化生成: ['personalized generation', 'personalization'],
  换脸: ['face swapping', 'face swap'], 身份保留: ['identity preservation', 'identity-preserving'], 说话人脸: ['talking head', 'talking face'],
  语音合成: ['speech synthesis', 'text-to-speech'], 音乐生成: ['music generation'], 大语言模型: ['large language model', 'large language models'],
  多模态大模型: ['multimodal large language model', 'MLLM'], 视觉语言模型: ['vision-language model', 'vision-language models', 'VLM'],
  智能体: ['agent', 'agents'], 强化学习: ['reinforcement learning'], 思维链: ['chain-of-thought'], 检索增强: ['retrieval-augmented'],
  代码生成: ['code generation'], 数学推理: ['mathematical reasoning'], 长上下文: ['long context', 'long-context'], 上下文压缩: ['context compression'],
  模型压缩: ['model compression'], 量化: ['quantization'], 知识蒸馏: ['knowledge distillation'], 数据集: ['dataset'], 基准测试: ['benchmark'],
  自动驾驶: ['autonomous driving'], 具身智能: ['embodied'], 机器人: ['robot', 'robotic', 'robotics'], 世界模型: ['world model'],
  目标检测: ['object detection'], 图像分割: ['image segmentation', 'segmentation'], 语义分割: ['semantic segmentation'],
  零样本: ['zero-shot'], 指令微调: ['instruction tuning'], 流匹配: ['flow matching'], 自回归: ['autoregressive'], 图像描述: ['image captioning'],
  视频描述: ['video captioning'], 视觉问答: ['visual question answering', 'VQA'], 文档理解: ['document understanding'], 局部描述: ['localized captioning'],
  高效计算: ['efficient', 'efficiency'], 快速推理: ['fast inference'],
};

/**
 * The form two spellings of one tag share: case, full-width/half-width and `-`/`_` do not count.
 * NFKC maps full-width letters and digits (ＬＬＭ) to their ASCII forms.
 */
export const tagKey = memoize((tag: string): string => tag.normalize('NFKC').toLowerCase().replace(/[-_]/g, ''));

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

/**
 * Tag names indexed so that a lookup costs the length of the tag, not the size of the workspace: by their
 * key (case/width/hyphen variants), and by every key with one character deleted, which is where two keys
 * one edit apart always meet (a substitution deletes the same position in both; an insertion is a deletion
 * seen from the other side). Built once for the workspace's tags and shared by every document's TagIndex:
 * the deletions are the costly part (a new document's own known tags, which leave out its own, used to
 * rebuild them: ~100 ms in a 1,000-issue workspace).
 */
export class TagSpellings {
  readonly byKey = new Map<string, string[]>();
  readonly byDeletion = new Map<string, string[]>();
  readonly names: ReadonlySet<string>;

  constructor(names: Iterable<string>) {
    this.names = new Set(names);
    for (const tag of this.names) {
      const key = tagKey(tag);
      push(this.byKey, key, tag);
      for (const d of deletions(key)) push(this.byDeletion, d, tag);
    }
  }

  /** Whether these spellings index every one of `names` (and no others). */
  covers(names: ReadonlySet<string>): boolean {
    if (names.size !== this.names.size) return false;
    for (const name of names) if (!this.names.has(name)) return false;
    return true;
  }

  /** The names one edit or one key away from `key` (a superset: check each with isNearTag). */
  candidates(key: string): Set<string> {
    const out = new Set<string>(this.byKey.get(key) ?? []);
    for (const t of this.byDeletion.get(key) ?? []) out.add(t);
    for (const d of deletions(key)) {
      for (const t of this.byKey.get(d) ?? []) out.add(t);
      for (const t of this.byDeletion.get(d) ?? []) out.add(t);
    }
    return out;
  }
}

/**
 * The known tags (`known`, with their uses) and the tag each unknown one most likely meant. `spellings` may
 * index more names than `known` (the document's own tags): only known ones are suggested.
 */
export class TagIndex {
  private readonly memo = new Map<string, TagSuggestion | null>();
  private order: Map<string, number> | undefined;

  constructor(
    private readonly known: ReadonlyMap<string, number>,
    private readonly spellings: TagSpellings = new TagSpellings(known.keys()),
  ) {}

  /** The known tag `tag` most likely meant: same but for spelling first, then the most used. */
  suggest(tag: string): TagSuggestion | undefined {
    // One lookup per tag (every tag of the issue is asked on every check): null stands for "none".
    const known = this.memo.get(tag);
    if (known !== undefined) return known ?? undefined;
    const result = this.compute(tag);
    this.memo.set(tag, result ?? null);
    return result;
  }

  private compute(tag: string): TagSuggestion | undefined {
    if (this.known.has(tag)) return undefined;
    const key = tagKey(tag);
    let best: TagSuggestion | undefined;
    let bestSameKey = false;
    for (const candidate of this.spellings.candidates(key)) {
      const uses = this.known.get(candidate);
      if (uses === undefined || !isNearTag(tag, candidate)) continue;
      const sameKey = tagKey(candidate) === key;
      // Ties go to the first in the known list (the configured vocabulary and built-ins come first).
      const better =
        !best ||
        (sameKey && !bestSameKey) ||
        (sameKey === bestSameKey && (uses > best.uses || (uses === best.uses && this.rank(candidate) < this.rank(best.tag))));
      if (better) {
        best = { tag: candidate, uses };
        bestSameKey = sameKey;
      }
    }
    return best;
  }

  private rank(tag: string): number {
    this.order ??= new Map([...this.known.keys()].map((t, i) => [t, i]));
    return this.order.get(tag) ?? Infinity;
  }
}

function push(map: Map<string, string[]>, key: string, tag: string): void {
  const list = map.get(key);
  if (list) list.push(tag);
  else map.set(key, [tag]);
}

/** The key with each one of its characters (code points) deleted. */
function deletions(key: string): string[] {
  const chars = [...key];
  return chars.map((_, i) => chars.slice(0, i).join('') + chars.slice(i + 1).join(''));
}

/** The known tag `tag` most likely meant (see TagIndex; for one lookup). */
export function suggestTag(tag: string, known: ReadonlyMap<string, number>): TagSuggestion | undefined {
  return new TagIndex(known).suggest(tag);
}

/**
 * The canonical tag an alias stands for (`tagAliases`): the alias as written, else one that differs
 * only in case, width or hyphens (an editor who writes #llms for the alias LLMs means the same).
 * The canonical tags themselves are never aliases.
 */
export function aliasResolver(aliases: Readonly<Record<string, string>>): (tag: string) => string | undefined {
  const byKey = new Map<string, string>();
  const canonicals = new Set(Object.values(aliases));
  for (const [alias, canonical] of Object.entries(aliases)) if (!byKey.has(tagKey(alias))) byKey.set(tagKey(alias), canonical);
  if (byKey.size === 0) return () => undefined; // no aliases: nothing to normalize each tag for
  return (tag) => {
    if (canonicals.has(tag)) return undefined;
    const canonical = Object.hasOwn(aliases, tag) ? aliases[tag] : byKey.get(tagKey(tag));
    return canonical !== undefined && canonical !== tag ? canonical : undefined;
  };
}
