// madge ships no types; this is the part of its API (lib/api.js) the cycle test uses.
declare module 'madge' {
  interface MadgeResult {
    obj(): Record<string, string[]>;
    circular(): string[][];
  }
  function madge(path: string | string[], config?: Record<string, unknown>): Promise<MadgeResult>;
  export default madge;
}
