/** A small weekly issue (three papers) for the structure rules' tests; each test breaks one thing. */
export const ISSUE = `# 周报

## 摘要

本周三篇论文。

## 目录

1. [Alpha：第一篇](#alpha第一篇)
2. [Beta - 第二篇](#beta---第二篇)
3. [Gamma: Third](#gamma-third)

---

## Alpha：第一篇

![Alpha 图](https://alpha.example/a.png)

**概要**：Alpha 是第一篇。

**标签**：#扩散模型 #视频生成

---

## Beta - 第二篇

**概要**：Beta 是第二篇，代码见 [仓库](https://github.com/x/beta)。

**标签**：#图像编辑

---

## Gamma: Third

**概要**：Gamma 是第三篇。

**标签**：#换脸

---

### **参考链接**

1. [Alpha 项目主页](https://alpha.example/)
2. [Alpha 论文链接](https://arxiv.org/abs/1)
3. [Beta GitHub 仓库](https://github.com/x/beta)
4. [Gamma 论文链接](https://arxiv.org/abs/3)
`;

export const EN_ISSUE = `# Weekly

## Contents

- [Alpha: First](#alpha-first)
- [Beta: Second](#beta-second)

## Alpha: First

**Summary**: Alpha.

**Tags**: #Diffusion

## Beta: Second

**Summary**: Beta.

**Tags**: #LLM

## References

- [Alpha Paper](https://arxiv.org/abs/1)
- [Beta Paper](https://arxiv.org/abs/2)
`;
